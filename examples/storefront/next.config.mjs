import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const built = path.resolve(here, "../../.medusa/storefront")

/**
 * The plugin's storefront entry points, as a storefront that installed the package gets
 * them: the built `.medusa/storefront` (`npm run build:storefront` at the repository root).
 * @type {import("next").NextConfig}
 */
const nextConfig = {
  eslint: { ignoreDuringBuilds: true },
  webpack(config) {
    config.resolve.alias = {
      ...config.resolve.alias,
      "medusa-plugin-backorders/storefront/react$": path.join(
        built,
        "react/index.mjs"
      ),
      "medusa-plugin-backorders/storefront$": path.join(built, "index.mjs"),
    }
    return config
  },
}

export default nextConfig
