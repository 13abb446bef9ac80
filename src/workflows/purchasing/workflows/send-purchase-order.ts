import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BackorderStatus, PurchaseOrderStatus } from "../../../types/enums"
import { PurchaseOrderEvents } from "../../../types/events"
import { lockKeys } from "../../shared/locking"
import { adjustIncomingQuantitiesStep } from "../../shared/steps/adjust-incoming-quantities"
import { acquireWorkflowLock } from "../../shared/workflow-lock"
import { updatePurchaseOrderStateStep } from "../steps/update-purchase-order-state"
import { validatePurchaseOrderStatusStep } from "../steps/validate-purchase-order-status"

export const sendPurchaseOrderWorkflowId = "send-purchase-order"

/**
 * This workflow marks a draft purchase order as sent to the supplier: status `ordered`, the
 * ordered units added to Medusa's `incoming_quantity` at the destination, and the backorders
 * it serves `on_order` with the expected date as their promise date. Emits
 * `purchase_order.ordered`.
 */
export const sendPurchaseOrderWorkflow = createWorkflow(
  sendPurchaseOrderWorkflowId,
  (input: WorkflowData<{ id: string; expected_at?: Date | string }>) => {
    const purchaseOrder = validatePurchaseOrderStatusStep(
      transform({ input }, ({ input }) => ({
        id: input.id,
        allowed: [PurchaseOrderStatus.DRAFT],
        action: "sent",
      }))
    )

    updatePurchaseOrderStateStep(
      transform({ purchaseOrder, input }, ({ purchaseOrder, input }) => {
        const now = new Date()
        const expectedAt = input.expected_at
          ? new Date(input.expected_at)
          : purchaseOrder.expected_at
            ? new Date(purchaseOrder.expected_at)
            : null
        return {
          purchase_order: {
            id: purchaseOrder.id,
            status: PurchaseOrderStatus.ORDERED,
            ordered_at: now,
            expected_at: expectedAt,
          },
          backorders: purchaseOrder.lines.flatMap((line) =>
            line.backorders
              .filter((b) => b.status === BackorderStatus.NEW)
              .map((b) => ({
                id: b.backorder_id,
                status: BackorderStatus.ON_ORDER,
                on_order_at: now,
                promised_at: expectedAt,
              }))
          ),
        }
      })
    )

    const incoming = transform({ purchaseOrder }, ({ purchaseOrder }) =>
      purchaseOrder.is_dropship || !purchaseOrder.location_id
        ? []
        : purchaseOrder.lines
            .filter((line) => line.inventory_item_id)
            .map((line) => ({
              inventory_item_id: line.inventory_item_id!,
              location_id: purchaseOrder.location_id!,
              delta:
                line.quantity -
                line.received_quantity -
                line.cancelled_quantity,
            }))
    )
    // `incoming_quantity` is read and written back: under the items' lock.
    const lock = acquireWorkflowLock(
      transform({ incoming }, ({ incoming }) =>
        lockKeys(
          incoming.filter((a) => a.delta !== 0).map((a) => a.inventory_item_id)
        )
      ),
      "send-purchase-order"
    )
    adjustIncomingQuantitiesStep(incoming)
    lock.release()

    emitEventStep({
      eventName: PurchaseOrderEvents.ORDERED,
      data: transform({ purchaseOrder }, ({ purchaseOrder }) => ({
        id: purchaseOrder.id,
      })),
    })
    return new WorkflowResponse(
      transform({ purchaseOrder }, ({ purchaseOrder }) => purchaseOrder.id)
    )
  }
)
