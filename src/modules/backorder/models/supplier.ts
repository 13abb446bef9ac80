import { model } from "@medusajs/framework/utils"
import PurchaseOrder from "./purchase-order"
import SupplierVariant from "./supplier-variant"

/**
 * Who the merchant buys from.
 */
const Supplier = model
  .define("supplier", {
    id: model.id({ prefix: "sup" }).primaryKey(),
    name: model.text().searchable(),
    code: model.text().nullable(),
    email: model.text().nullable(),
    phone: model.text().nullable(),
    contact_name: model.text().nullable(),
    address: model.json().nullable(),
    currency_code: model.text().nullable(),
    default_lead_time_days: model.number().nullable(),
    notes: model.text().nullable(),
    metadata: model.json().nullable(),
    variants: model.hasMany(() => SupplierVariant, { mappedBy: "supplier" }),
    purchase_orders: model.hasMany(() => PurchaseOrder, {
      mappedBy: "supplier",
    }),
  })
  .cascades({ delete: ["variants"] })
  .indexes([
    {
      name: "IDX_supplier_code_unique",
      on: ["code"],
      unique: true,
      where: "deleted_at IS NULL AND code IS NOT NULL",
    },
    { name: "IDX_supplier_name", on: ["name"], where: "deleted_at IS NULL" },
  ])
  .checks([
    {
      name: "chk_supplier_default_lead_time_days",
      expression: (columns) =>
        `${columns.default_lead_time_days} IS NULL OR ${columns.default_lead_time_days} >= 0`,
    },
  ])

export default Supplier
