import { model } from "@medusajs/framework/utils"
import { TransferStatus } from "../../../types/enums"
import TransferLine from "./transfer-line"
import TransferReceipt from "./transfer-receipt"

/**
 * Units moved from one of the merchant's stock locations to another (SaleDock's transfer
 * request), usually for the backorders waiting at the destination. Sent units leave the
 * source's stock and show as incoming at the destination until they are received.
 */
const Transfer = model
  .define("transfer", {
    id: model.id({ prefix: "trf" }).primaryKey(),
    display_id: model.autoincrement().searchable(),
    status: model
      .enum(Object.values(TransferStatus))
      .default(TransferStatus.DRAFT),
    source_location_id: model.text(),
    destination_location_id: model.text(),
    sent_at: model.dateTime().nullable(),
    received_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    note: model.text().nullable(),
    created_by: model.text().nullable(),
    metadata: model.json().nullable(),
    lines: model.hasMany(() => TransferLine, { mappedBy: "transfer" }),
    receipts: model.hasMany(() => TransferReceipt, { mappedBy: "transfer" }),
  })
  .cascades({ delete: ["lines", "receipts"] })
  .indexes([
    {
      name: "IDX_transfer_status",
      on: ["status"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_transfer_source_location_id",
      on: ["source_location_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_transfer_destination_location_id",
      on: ["destination_location_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_transfer_created_at",
      on: ["created_at"],
      where: "deleted_at IS NULL",
    },
  ])
  .checks([
    {
      name: "chk_transfer_locations_differ",
      expression: (columns) =>
        `${columns.source_location_id} <> ${columns.destination_location_id}`,
    },
  ])

export default Transfer
