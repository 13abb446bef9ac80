import { model } from "@medusajs/framework/utils"
import PurchaseOrderLine from "./purchase-order-line"
import Receipt from "./receipt"

/**
 * How many units of one purchase order line arrived in one receipt.
 */
const ReceiptLine = model
  .define("receipt_line", {
    id: model.id({ prefix: "rcptline" }).primaryKey(),
    quantity: model.bigNumber(),
    // When the units were put into Medusa's stock; null while they wait for the purchase order's completion.
    stocked_at: model.dateTime().nullable(),
    receipt: model.belongsTo(() => Receipt, { mappedBy: "lines" }),
    purchase_order_line: model.belongsTo(() => PurchaseOrderLine, {
      mappedBy: "receipt_lines",
    }),
  })
  .indexes([
    {
      name: "IDX_receipt_line_receipt_id",
      on: ["receipt_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_receipt_line_purchase_order_line_id",
      on: ["purchase_order_line_id"],
      where: "deleted_at IS NULL",
    },
  ])
  .checks([
    {
      name: "chk_receipt_line_quantity_positive",
      expression: (columns) => `${columns.quantity} > 0`,
    },
  ])

export default ReceiptLine
