import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BackorderStatus, TransferStatus } from "../../../types/enums"
import { TransferEvents } from "../../../types/events"
import { adjustIncomingQuantitiesStep } from "../../shared/steps/adjust-incoming-quantities"
import { takeTransferUnitsStep } from "../steps/take-transfer-units"
import { updateTransferStateStep } from "../steps/update-transfer-state"
import { validateTransferStatusStep } from "../steps/validate-transfer-status"
import { acquireTransferLock } from "../utils/transfer-lock"

export const sendTransferWorkflowId = "send-transfer"

/**
 * This workflow sends a draft transfer: the units leave the source location's stock
 * (`stocked_quantity` down, refused if they are not free there), show as
 * `incoming_quantity` at the destination while in transit, the transfer is `in_transit`
 * and the new backorders it serves are `on_order`. The transfer and its inventory items are
 * locked for the whole run, with the same keys receipts and sales use. Emits
 * `transfer.sent`.
 *
 * @example
 * await sendTransferWorkflow(container).run({ input: { id: "trf_123" } })
 */
export const sendTransferWorkflow = createWorkflow(
  sendTransferWorkflowId,
  (input: WorkflowData<{ id: string }>) => {
    const lock = acquireTransferLock(input.id, "send-transfer")
    const transfer = validateTransferStatusStep(
      transform({ input }, ({ input }) => ({
        id: input.id,
        allowed: [TransferStatus.DRAFT],
        action: "sent",
      }))
    )

    takeTransferUnitsStep(
      transform({ transfer }, ({ transfer }) =>
        transfer.lines.map((line) => ({
          inventory_item_id: line.inventory_item_id,
          location_id: transfer.source_location_id,
          quantity: line.quantity,
          label: `Transfer ${transfer.number} line ${line.id} (${line.sku ?? line.inventory_item_id})`,
        }))
      )
    )
    adjustIncomingQuantitiesStep(
      transform({ transfer }, ({ transfer }) =>
        transfer.lines.map((line) => ({
          inventory_item_id: line.inventory_item_id,
          location_id: transfer.destination_location_id,
          delta: line.quantity,
        }))
      )
    )
    updateTransferStateStep(
      transform({ transfer }, ({ transfer }) => {
        const now = new Date()
        return {
          transfer: {
            id: transfer.id,
            status: TransferStatus.IN_TRANSIT,
            sent_at: now,
          },
          lines: transfer.lines.map((line) => ({
            id: line.id,
            sent_quantity: line.quantity,
          })),
          backorders: transfer.lines.flatMap((line) =>
            line.backorders
              .filter((b) => b.status === BackorderStatus.NEW)
              .map((b) => ({
                id: b.backorder_id,
                status: BackorderStatus.ON_ORDER,
                on_order_at: now,
              }))
          ),
        }
      })
    )

    emitEventStep({
      eventName: TransferEvents.SENT,
      data: transform({ transfer }, ({ transfer }) => ({ id: transfer.id })),
    }).config({ name: "emit-transfer-sent" })
    lock.release()
    return new WorkflowResponse(
      transform({ transfer }, ({ transfer }) => transfer.id)
    )
  }
)
