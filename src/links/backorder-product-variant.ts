import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import BackorderModule from "../modules/backorder"

/**
 * `backorder.variant`: what is waited for (read-only, by `backorder.variant_id`).
 */
export default defineLink(
  { linkable: BackorderModule.linkable.backorder, field: "variant_id" },
  { ...ProductModule.linkable.productVariant.id, alias: "variant" },
  { readOnly: true }
)

/**
 * `product_variant.backorders`: who waits for a variant.
 */
export const VariantBackordersLink = defineLink(
  {
    linkable: ProductModule.linkable.productVariant,
    field: "id",
    isList: true,
  },
  { ...BackorderModule.linkable.backorder.id, primaryKey: "variant_id" },
  { readOnly: true }
)
