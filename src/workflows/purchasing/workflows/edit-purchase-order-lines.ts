import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { PurchaseOrderEvents } from "../../../types/events"
import {
  EditPurchaseOrderLinesInput,
  editPurchaseOrderLinesStep,
} from "../steps/edit-purchase-order-lines"

export const editPurchaseOrderLinesWorkflowId = "edit-purchase-order-lines"

/**
 * This workflow edits a draft purchase order's lines (quantities, unit costs, removal of
 * lines no backorder depends on). New lines are added with `requestStockWorkflow` and a
 * `purchase_order_id`. Emits `purchase_order.updated`.
 */
export const editPurchaseOrderLinesWorkflow = createWorkflow(
  editPurchaseOrderLinesWorkflowId,
  (input: WorkflowData<EditPurchaseOrderLinesInput>) => {
    editPurchaseOrderLinesStep(input)
    emitEventStep({
      eventName: PurchaseOrderEvents.UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    })
    return new WorkflowResponse(transform({ input }, ({ input }) => input.id))
  }
)
