import { z } from "@medusajs/framework/zod"
import { TransferStatus } from "../../../types/enums"
import {
  findParams,
  id,
  idempotencyKey,
  ids,
  LIMITS,
  quantity,
  selectParams,
  text,
} from "../../utils/validators"

const statusEnum = z.enum(
  Object.values(TransferStatus) as [TransferStatus, ...TransferStatus[]]
)

/** What the transfer list can be sorted by. */
export const TRANSFER_SORTABLE = [
  "created_at",
  "updated_at",
  "display_id",
  "status",
  "sent_at",
  "received_at",
] as const

export const AdminGetTransferParams = selectParams()
export type AdminGetTransferParamsType = z.infer<typeof AdminGetTransferParams>

export const AdminGetTransfersParams = findParams({
  limit: 20,
  sortable: TRANSFER_SORTABLE,
})
  .merge(
    z.object({
      id: ids().optional(),
      status: z.union([statusEnum, z.array(statusEnum)]).optional(),
      source_location_id: ids().optional(),
      destination_location_id: ids().optional(),
      /** Transfers with a line of this inventory item (or variant). */
      inventory_item_id: ids().optional(),
      variant_id: ids().optional(),
      /** Transfers serving this backorder. */
      backorder_id: ids().optional(),
    })
  )
  .strict()
export type AdminGetTransfersParamsType = z.infer<
  typeof AdminGetTransfersParams
>

export const AdminGetTransferSourcesParams = z
  .object({
    backorder_ids: z.union([
      id().transform((value) => [value]),
      z.array(id()).min(1).max(LIMITS.MAX_IDS),
    ]),
  })
  .strict()
export type AdminGetTransferSourcesParamsType = z.infer<
  typeof AdminGetTransferSourcesParams
>

export const AdminRequestTransfer = z
  .object({
    backorder_ids: z.array(id()).min(1).max(LIMITS.MAX_IDS),
    source_location_id: id(),
    /** An open draft from the same source to the same destination to add to. */
    transfer_id: id().optional(),
    note: text(LIMITS.MAX_NOTE_LENGTH, { multiline: true }).optional(),
  })
  .strict()
export type AdminRequestTransferType = z.infer<typeof AdminRequestTransfer>

export const AdminSendTransfer = z.object({}).strict()

export const AdminReceiveTransfer = z
  .object({
    lines: z
      .array(
        z.object({ transfer_line_id: id(), quantity: quantity() }).strict()
      )
      .min(1)
      .max(LIMITS.MAX_LINES),
    /** Also accepted as the Idempotency-Key header. */
    idempotency_key: idempotencyKey().optional(),
    note: text(2000, { multiline: true }).optional(),
  })
  .strict()
export type AdminReceiveTransferType = z.infer<typeof AdminReceiveTransfer>
