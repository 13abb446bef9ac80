import { LoaderOptions } from "@medusajs/framework/types"
import { resolveBackorderPluginOptions } from "../options"

/**
 * Fails start-up when the plugin options are invalid.
 */
export default async function validateOptionsLoader({
  options,
}: LoaderOptions) {
  resolveBackorderPluginOptions(options)
}
