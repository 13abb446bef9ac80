import { model } from "@medusajs/framework/utils"
import PurchaseOrder from "./purchase-order"
import ReceiptLine from "./receipt-line"

/**
 * One receiving event on a purchase order: when, by whom, how many of each line.
 * A retried request carries the same idempotency key and is counted once.
 */
const Receipt = model
  .define("receipt", {
    id: model.id({ prefix: "rcpt" }).primaryKey(),
    received_at: model.dateTime(),
    received_by: model.text().nullable(),
    idempotency_key: model.text().nullable(),
    note: model.text().nullable(),
    metadata: model.json().nullable(),
    purchase_order: model.belongsTo(() => PurchaseOrder, {
      mappedBy: "receipts",
    }),
    lines: model.hasMany(() => ReceiptLine, { mappedBy: "receipt" }),
  })
  .cascades({ delete: ["lines"] })
  .indexes([
    {
      name: "IDX_receipt_purchase_order_id",
      on: ["purchase_order_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_receipt_idempotency_key_unique",
      on: ["purchase_order_id", "idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL AND idempotency_key IS NOT NULL",
    },
  ])

export default Receipt
