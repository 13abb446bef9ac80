import { model } from "@medusajs/framework/utils"
import { PurchaseOrderStatus } from "../../../types/enums"
import PurchaseOrderLine from "./purchase-order-line"
import PurchaseOrderDispatch from "./purchase-order-dispatch"
import Receipt from "./receipt"
import Supplier from "./supplier"

/**
 * An order to a supplier, delivered to one of the merchant's stock locations or shipped
 * straight to a customer (dropship). A follow-up purchase order for an earlier one's
 * unreceived remainder points at it as its parent.
 */
const PurchaseOrder = model
  .define("purchase_order", {
    id: model.id({ prefix: "po" }).primaryKey(),
    display_id: model.autoincrement().searchable(),
    status: model
      .enum(Object.values(PurchaseOrderStatus))
      .default(PurchaseOrderStatus.DRAFT),
    location_id: model.text().nullable(),
    is_dropship: model.boolean().default(false),
    dropship_customer_id: model.text().nullable(),
    dropship_address: model.json().nullable(),
    currency_code: model.text().nullable(),
    expected_at: model.dateTime().nullable(),
    ordered_at: model.dateTime().nullable(),
    received_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    // When true, received units reach Medusa's stock only once the purchase order is completed.
    stock_on_completion: model.boolean().default(false),
    supplier_reference: model.text().nullable(),
    notes: model.text().nullable(),
    created_by: model.text().nullable(),
    metadata: model.json().nullable(),
    supplier: model.belongsTo(() => Supplier, { mappedBy: "purchase_orders" }),
    parent: model
      .belongsTo(() => PurchaseOrder, { mappedBy: "follow_ups" })
      .nullable(),
    follow_ups: model.hasMany(() => PurchaseOrder, { mappedBy: "parent" }),
    lines: model.hasMany(() => PurchaseOrderLine, {
      mappedBy: "purchase_order",
    }),
    receipts: model.hasMany(() => Receipt, { mappedBy: "purchase_order" }),
    dispatches: model.hasMany(() => PurchaseOrderDispatch, {
      mappedBy: "purchase_order",
    }),
  })
  .cascades({ delete: ["lines"] })
  .indexes([
    {
      name: "IDX_purchase_order_status",
      on: ["status"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_purchase_order_supplier_status",
      on: ["supplier_id", "status"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_purchase_order_location_id",
      on: ["location_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_purchase_order_parent_id",
      on: ["parent_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_purchase_order_expected_at",
      on: ["expected_at"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_purchase_order_created_at",
      on: ["created_at"],
      where: "deleted_at IS NULL",
    },
  ])
  .checks([
    {
      // A purchase order goes to a stock location or, dropshipped, to a customer's address.
      name: "chk_purchase_order_destination",
      expression: (columns) =>
        `(${columns.is_dropship} = false AND ${columns.location_id} IS NOT NULL) OR (${columns.is_dropship} = true AND ${columns.dropship_address} IS NOT NULL)`,
    },
  ])

export default PurchaseOrder
