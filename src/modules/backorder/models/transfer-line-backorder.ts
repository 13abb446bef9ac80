import { model } from "@medusajs/framework/utils"
import Backorder from "./backorder"
import TransferLine from "./transfer-line"

/**
 * Which backorders a transfer line is meant for, and how many of its units each: they are
 * served first when the units arrive.
 */
const TransferLineBackorder = model
  .define("transfer_line_backorder", {
    id: model.id({ prefix: "trflbo" }).primaryKey(),
    quantity: model.bigNumber(),
    transfer_line: model.belongsTo(() => TransferLine, {
      mappedBy: "backorders",
    }),
    backorder: model.belongsTo(() => Backorder, {
      mappedBy: "transfer_lines",
    }),
  })
  .indexes([
    {
      name: "IDX_transfer_line_backorder_unique",
      on: ["transfer_line_id", "backorder_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_transfer_line_backorder_backorder_id",
      on: ["backorder_id"],
      where: "deleted_at IS NULL",
    },
  ])
  .checks([
    {
      name: "chk_transfer_line_backorder_quantity_positive",
      expression: (columns) => `${columns.quantity} > 0`,
    },
  ])

export default TransferLineBackorder
