import { model } from "@medusajs/framework/utils"
import PurchaseOrder from "./purchase-order"
import PurchaseOrderLineBackorder from "./purchase-order-line-backorder"
import ReceiptLine from "./receipt-line"

/**
 * One variant on a purchase order: how many were ordered, received and cancelled, at what
 * cost, and which backorders the units are meant for.
 */
const PurchaseOrderLine = model
  .define("purchase_order_line", {
    id: model.id({ prefix: "poline" }).primaryKey(),
    variant_id: model.text(),
    product_id: model.text().nullable(),
    inventory_item_id: model.text().nullable(),
    title: model.text().nullable(),
    sku: model.text().nullable(),
    supplier_sku: model.text().nullable(),
    quantity: model.bigNumber(),
    received_quantity: model.bigNumber().default(0),
    cancelled_quantity: model.bigNumber().default(0),
    // Units received and already put into Medusa's stock at the purchase order's location.
    stocked_quantity: model.bigNumber().default(0),
    // Units received beyond what was first ordered, accepted explicitly (included in quantity).
    over_received_quantity: model.bigNumber().default(0),
    unit_cost: model.bigNumber().nullable(),
    metadata: model.json().nullable(),
    purchase_order: model.belongsTo(() => PurchaseOrder, { mappedBy: "lines" }),
    backorders: model.hasMany(() => PurchaseOrderLineBackorder, {
      mappedBy: "purchase_order_line",
    }),
    receipt_lines: model.hasMany(() => ReceiptLine, {
      mappedBy: "purchase_order_line",
    }),
  })
  .cascades({ delete: ["backorders"] })
  .indexes([
    {
      name: "IDX_purchase_order_line_purchase_order_id",
      on: ["purchase_order_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_purchase_order_line_variant_id",
      on: ["variant_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_purchase_order_line_inventory_item_id",
      on: ["inventory_item_id"],
      where: "deleted_at IS NULL",
    },
  ])
  .checks([
    {
      name: "chk_purchase_order_line_quantity_positive",
      expression: (columns) => `${columns.quantity} > 0`,
    },
    {
      name: "chk_purchase_order_line_quantities_non_negative",
      expression: (columns) =>
        `${columns.received_quantity} >= 0 AND ${columns.cancelled_quantity} >= 0 AND ${columns.stocked_quantity} >= 0 AND ${columns.over_received_quantity} >= 0`,
    },
    {
      name: "chk_purchase_order_line_received_cancelled_within_quantity",
      expression: (columns) =>
        `${columns.received_quantity} + ${columns.cancelled_quantity} <= ${columns.quantity}`,
    },
    {
      name: "chk_purchase_order_line_stocked_within_received",
      expression: (columns) =>
        `${columns.stocked_quantity} <= ${columns.received_quantity}`,
    },
    {
      name: "chk_purchase_order_line_unit_cost",
      expression: (columns) =>
        `${columns.unit_cost} IS NULL OR ${columns.unit_cost} >= 0`,
    },
  ])

export default PurchaseOrderLine
