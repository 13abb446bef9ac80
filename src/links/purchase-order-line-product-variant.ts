import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import BackorderModule from "../modules/backorder"

/**
 * `purchase_order_line.variant`: the variant bought (read-only, by
 * `purchase_order_line.variant_id`).
 */
export default defineLink(
  { linkable: BackorderModule.linkable.purchaseOrderLine, field: "variant_id" },
  { ...ProductModule.linkable.productVariant.id, alias: "variant" },
  { readOnly: true }
)

/**
 * `product_variant.purchase_order_lines`: where a variant is being bought.
 */
export const VariantPurchaseOrderLinesLink = defineLink(
  {
    linkable: ProductModule.linkable.productVariant,
    field: "id",
    isList: true,
  },
  {
    ...BackorderModule.linkable.purchaseOrderLine.id,
    primaryKey: "variant_id",
  },
  { readOnly: true }
)
