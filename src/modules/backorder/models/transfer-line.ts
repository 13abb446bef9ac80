import { model } from "@medusajs/framework/utils"
import Transfer from "./transfer"
import TransferLineBackorder from "./transfer-line-backorder"

/**
 * One inventory item on a transfer: how many units are to move, how many left the source
 * and how many arrived, and which backorders they are meant for.
 */
const TransferLine = model
  .define("transfer_line", {
    id: model.id({ prefix: "trfline" }).primaryKey(),
    variant_id: model.text(),
    inventory_item_id: model.text(),
    title: model.text().nullable(),
    sku: model.text().nullable(),
    quantity: model.bigNumber(),
    sent_quantity: model.bigNumber().default(0),
    received_quantity: model.bigNumber().default(0),
    transfer: model.belongsTo(() => Transfer, { mappedBy: "lines" }),
    backorders: model.hasMany(() => TransferLineBackorder, {
      mappedBy: "transfer_line",
    }),
  })
  .cascades({ delete: ["backorders"] })
  .indexes([
    {
      name: "IDX_transfer_line_transfer_id",
      on: ["transfer_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_transfer_line_inventory_item_id",
      on: ["inventory_item_id"],
      where: "deleted_at IS NULL",
    },
  ])
  .checks([
    {
      name: "chk_transfer_line_quantity_positive",
      expression: (columns) => `${columns.quantity} > 0`,
    },
    {
      name: "chk_transfer_line_received_within_sent",
      expression: (columns) =>
        `${columns.received_quantity} >= 0 AND ${columns.received_quantity} <= ${columns.sent_quantity} AND ${columns.sent_quantity} <= ${columns.quantity}`,
    },
  ])

export default TransferLine
