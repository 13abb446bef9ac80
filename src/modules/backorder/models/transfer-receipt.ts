import { model } from "@medusajs/framework/utils"
import Transfer from "./transfer"

/**
 * One arrival of transferred units at the destination: when, by whom, how many of each line
 * (`lines`: `{ [transfer_line_id]: quantity }`). A retried request carries the same
 * idempotency key and is counted once.
 */
const TransferReceipt = model
  .define("transfer_receipt", {
    id: model.id({ prefix: "trfrcpt" }).primaryKey(),
    received_at: model.dateTime(),
    received_by: model.text().nullable(),
    idempotency_key: model.text().nullable(),
    lines: model.json(),
    note: model.text().nullable(),
    metadata: model.json().nullable(),
    transfer: model.belongsTo(() => Transfer, { mappedBy: "receipts" }),
  })
  .indexes([
    {
      name: "IDX_transfer_receipt_transfer_id",
      on: ["transfer_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_transfer_receipt_idempotency_key_unique",
      on: ["transfer_id", "idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL AND idempotency_key IS NOT NULL",
    },
  ])

export default TransferReceipt
