import { model } from "@medusajs/framework/utils"
import Supplier from "./supplier"

/**
 * A supplier's terms for one product variant: their SKU, what it costs, how long it takes,
 * how many must be ordered at least and in which multiples. A variant may have several
 * suppliers; one of them is preferred.
 */
const SupplierVariant = model
  .define("supplier_variant", {
    id: model.id({ prefix: "supvar" }).primaryKey(),
    variant_id: model.text(),
    inventory_item_id: model.text().nullable(),
    supplier_sku: model.text().nullable(),
    unit_cost: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    lead_time_days: model.number().nullable(),
    minimum_order_quantity: model.bigNumber().default(1),
    case_pack: model.bigNumber().default(1),
    is_preferred: model.boolean().default(false),
    metadata: model.json().nullable(),
    supplier: model.belongsTo(() => Supplier, { mappedBy: "variants" }),
  })
  .indexes([
    {
      name: "IDX_supplier_variant_supplier_id_variant_id_unique",
      on: ["supplier_id", "variant_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_supplier_variant_variant_id",
      on: ["variant_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_supplier_variant_inventory_item_id",
      on: ["inventory_item_id"],
      where: "deleted_at IS NULL",
    },
    {
      // At most one preferred supplier per variant.
      name: "IDX_supplier_variant_preferred_unique",
      on: ["variant_id"],
      unique: true,
      where: "deleted_at IS NULL AND is_preferred = true",
    },
  ])
  .checks([
    {
      name: "chk_supplier_variant_unit_cost",
      expression: (columns) =>
        `${columns.unit_cost} IS NULL OR ${columns.unit_cost} >= 0`,
    },
    {
      name: "chk_supplier_variant_lead_time_days",
      expression: (columns) =>
        `${columns.lead_time_days} IS NULL OR ${columns.lead_time_days} >= 0`,
    },
    {
      name: "chk_supplier_variant_minimum_order_quantity",
      expression: (columns) => `${columns.minimum_order_quantity} >= 1`,
    },
    {
      name: "chk_supplier_variant_case_pack",
      expression: (columns) => `${columns.case_pack} >= 1`,
    },
  ])

export default SupplierVariant
