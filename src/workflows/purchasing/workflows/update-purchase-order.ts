import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BackorderEvents, PurchaseOrderEvents } from "../../../types/events"
import {
  UpdatePurchaseOrderInput,
  updatePurchaseOrderDetailsStep,
} from "../steps/update-purchase-order-details"

export const updatePurchaseOrderWorkflowId = "update-purchase-order"

/**
 * This workflow changes a purchase order's expected date, notes or supplier reference. When
 * a sent purchase order's ETA moves, every backorder still waiting on it gets the new promise
 * date and `backorder.eta_changed` is emitted for it (with the previous date), so
 * notifications can tell the customer it slipped. Emits `purchase_order.updated`.
 */
export const updatePurchaseOrderWorkflow = createWorkflow(
  updatePurchaseOrderWorkflowId,
  (input: WorkflowData<UpdatePurchaseOrderInput>) => {
    const changes = updatePurchaseOrderDetailsStep(input)
    emitEventStep({
      eventName: BackorderEvents.ETA_CHANGED,
      data: transform({ changes, input }, ({ changes, input }) =>
        changes.map((c) => ({
          id: c.id,
          previous_promised_at: iso(c.previous_promised_at),
          promised_at: iso(c.promised_at),
          purchase_order_id: input.id,
        }))
      ),
    }).config({ name: "emit-backorder-eta-changed" })
    emitEventStep({
      eventName: PurchaseOrderEvents.UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    }).config({ name: "emit-purchase-order-updated" })
    return new WorkflowResponse(changes)
  }
)

function iso(date: Date | string | null): string | null {
  return date ? new Date(date).toISOString() : null
}
