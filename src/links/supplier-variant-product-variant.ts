import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import BackorderModule from "../modules/backorder"

/**
 * `supplier_variant.variant`: the variant a supplier's terms are for (read-only, by
 * `supplier_variant.variant_id`).
 */
export default defineLink(
  { linkable: BackorderModule.linkable.supplierVariant, field: "variant_id" },
  { ...ProductModule.linkable.productVariant.id, alias: "variant" },
  { readOnly: true }
)

/**
 * `product_variant.supplier_variants`: every supplier's terms for a variant.
 */
export const VariantSupplierTermsLink = defineLink(
  {
    linkable: ProductModule.linkable.productVariant,
    field: "id",
    isList: true,
  },
  { ...BackorderModule.linkable.supplierVariant.id, primaryKey: "variant_id" },
  { readOnly: true }
)
