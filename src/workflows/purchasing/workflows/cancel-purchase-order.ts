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

export const cancelPurchaseOrderWorkflowId = "cancel-purchase-order"

/**
 * This workflow cancels a purchase order that nothing was received on yet: its open units
 * are cancelled, `incoming_quantity` is lowered again if it had been sent, and the backorders
 * it served go back to `new` without a promise date, ready to be requested again. Emits
 * `purchase_order.cancelled`. A partly received purchase order is completed instead.
 */
export const cancelPurchaseOrderWorkflow = createWorkflow(
  cancelPurchaseOrderWorkflowId,
  (input: WorkflowData<{ id: string }>) => {
    const purchaseOrder = validatePurchaseOrderStatusStep(
      transform({ input }, ({ input }) => ({
        id: input.id,
        allowed: [PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.ORDERED],
        action: "cancelled",
      }))
    )

    updatePurchaseOrderStateStep(
      transform({ purchaseOrder }, ({ purchaseOrder }) => ({
        purchase_order: {
          id: purchaseOrder.id,
          status: PurchaseOrderStatus.CANCELLED,
          cancelled_at: new Date(),
        },
        lines: purchaseOrder.lines.map((line) => ({
          id: line.id,
          cancelled_quantity: line.quantity - line.received_quantity,
        })),
        backorders: purchaseOrder.lines.flatMap((line) =>
          line.backorders
            .filter((b) => b.status === BackorderStatus.ON_ORDER)
            .map((b) => ({
              id: b.backorder_id,
              status: BackorderStatus.NEW,
              on_order_at: null,
              promised_at: null,
            }))
        ),
      }))
    )

    const incoming = transform({ purchaseOrder }, ({ purchaseOrder }) =>
      purchaseOrder.status !== PurchaseOrderStatus.ORDERED ||
      purchaseOrder.is_dropship ||
      !purchaseOrder.location_id
        ? []
        : purchaseOrder.lines
            .filter((line) => line.inventory_item_id)
            .map((line) => ({
              inventory_item_id: line.inventory_item_id!,
              location_id: purchaseOrder.location_id!,
              delta: -(
                line.quantity -
                line.received_quantity -
                line.cancelled_quantity
              ),
            }))
    )
    // `incoming_quantity` is read and written back: under the items' lock.
    const lock = acquireWorkflowLock(
      transform({ incoming }, ({ incoming }) =>
        lockKeys(
          incoming.filter((a) => a.delta !== 0).map((a) => a.inventory_item_id)
        )
      ),
      "cancel-purchase-order"
    )
    adjustIncomingQuantitiesStep(incoming)
    lock.release()

    emitEventStep({
      eventName: PurchaseOrderEvents.CANCELLED,
      data: transform({ purchaseOrder }, ({ purchaseOrder }) => ({
        id: purchaseOrder.id,
      })),
    })
    return new WorkflowResponse(
      transform({ purchaseOrder }, ({ purchaseOrder }) => purchaseOrder.id)
    )
  }
)
