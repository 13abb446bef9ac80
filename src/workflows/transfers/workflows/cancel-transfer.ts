import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  AllocationSource,
  BackorderStatus,
  TransferStatus,
} from "../../../types/enums"
import { TransferEvents } from "../../../types/events"
import {
  allocateArrivedStockStep,
  emitAllocationEvents,
} from "../../allocation"
import { adjustIncomingQuantitiesStep } from "../../shared/steps/adjust-incoming-quantities"
import { stockReceivedUnitsStep } from "../../shared/steps/stock-received-units"
import { updateTransferStateStep } from "../steps/update-transfer-state"
import { validateTransferStatusStep } from "../steps/validate-transfer-status"
import { acquireTransferLock } from "../utils/transfer-lock"

export const cancelTransferWorkflowId = "cancel-transfer"

/**
 * This workflow cancels a transfer that is not fully received: a sent transfer's units
 * still in transit go back into the source location's stock and leave the destination's
 * `incoming_quantity`, and are handed to the backorders waiting at the source as stock found
 * there is (ledger source `stock`); units already received stay where they are. The
 * backorders it served that were `on_order` go back to `new`, ready to be requested again,
 * unless a sent purchase order still brings them. Emits `transfer.cancelled`.
 *
 * @example
 * await cancelTransferWorkflow(container).run({ input: { id: "trf_123" } })
 */
export const cancelTransferWorkflow = createWorkflow(
  cancelTransferWorkflowId,
  (input: WorkflowData<{ id: string }>) => {
    const lock = acquireTransferLock(input.id, "cancel-transfer")
    const transfer = validateTransferStatusStep(
      transform({ input }, ({ input }) => ({
        id: input.id,
        allowed: [
          TransferStatus.DRAFT,
          TransferStatus.IN_TRANSIT,
          TransferStatus.PARTIALLY_RECEIVED,
        ],
        action: "cancelled",
      }))
    )

    updateTransferStateStep(
      transform({ transfer }, ({ transfer }) => ({
        transfer: {
          id: transfer.id,
          status: TransferStatus.CANCELLED,
          cancelled_at: new Date(),
        },
        backorders: transfer.lines.flatMap((line) =>
          line.backorders
            .filter(
              (b) =>
                b.status === BackorderStatus.ON_ORDER &&
                !b.on_open_purchase_order
            )
            .map((b) => ({
              id: b.backorder_id,
              status: BackorderStatus.NEW,
              on_order_at: null,
            }))
        ),
      }))
    )

    const inTransit = transform({ transfer }, ({ transfer }) =>
      transfer.lines
        .map((line) => ({
          inventory_item_id: line.inventory_item_id,
          quantity: line.sent_quantity - line.received_quantity,
        }))
        .filter((line) => line.quantity > 0)
    )
    stockReceivedUnitsStep(
      transform({ transfer, inTransit }, ({ transfer, inTransit }) =>
        inTransit.map((line) => ({
          inventory_item_id: line.inventory_item_id,
          location_id: transfer.source_location_id,
          quantity: line.quantity,
          expected: 0,
        }))
      )
    )
    adjustIncomingQuantitiesStep(
      transform({ transfer, inTransit }, ({ transfer, inTransit }) =>
        inTransit.map((line) => ({
          inventory_item_id: line.inventory_item_id,
          location_id: transfer.destination_location_id,
          delta: -line.quantity,
        }))
      )
    )

    // Under the same lock: the units back on the source's shelf go to whoever waits there.
    const allocations = allocateArrivedStockStep(
      transform({ transfer, inTransit }, ({ transfer, inTransit }) =>
        inTransit.map((line) => ({
          inventory_item_id: line.inventory_item_id,
          location_id: transfer.source_location_id,
          // Stock back on the shelf, not units the transfer brought (those are counted
          // against its receipts at the destination).
          source: AllocationSource.STOCK,
          arrived: line.quantity,
        }))
      )
    )
    lock.release()

    emitEventStep({
      eventName: TransferEvents.CANCELLED,
      data: transform({ transfer }, ({ transfer }) => ({ id: transfer.id })),
    }).config({ name: "emit-transfer-cancelled" })
    emitAllocationEvents(
      transform({ allocations }, ({ allocations }) => ({ allocations }))
    )
    return new WorkflowResponse(
      transform({ transfer }, ({ transfer }) => transfer.id)
    )
  }
)
