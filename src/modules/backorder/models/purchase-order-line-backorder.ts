import { model } from "@medusajs/framework/utils"
import Backorder from "./backorder"
import PurchaseOrderLine from "./purchase-order-line"

/**
 * Which backorders a purchase order line is meant for, and how many of its units each.
 * Carried over to the follow-up purchase order when a remainder moves there.
 */
const PurchaseOrderLineBackorder = model
  .define("purchase_order_line_backorder", {
    id: model.id({ prefix: "polbo" }).primaryKey(),
    quantity: model.bigNumber(),
    purchase_order_line: model.belongsTo(() => PurchaseOrderLine, {
      mappedBy: "backorders",
    }),
    backorder: model.belongsTo(() => Backorder, {
      mappedBy: "purchase_order_lines",
    }),
  })
  .indexes([
    {
      name: "IDX_purchase_order_line_backorder_unique",
      on: ["purchase_order_line_id", "backorder_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_purchase_order_line_backorder_backorder_id",
      on: ["backorder_id"],
      where: "deleted_at IS NULL",
    },
  ])
  .checks([
    {
      name: "chk_purchase_order_line_backorder_quantity_positive",
      expression: (columns) => `${columns.quantity} > 0`,
    },
  ])

export default PurchaseOrderLineBackorder
