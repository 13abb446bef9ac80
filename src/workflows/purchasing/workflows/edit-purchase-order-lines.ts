import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { PurchaseOrderEvents } from "../../../types/events"
import {
  EditPurchaseOrderLinesInput,
  editPurchaseOrderLinesStep,
} from "../steps/edit-purchase-order-lines"
import { requestStockWorkflow } from "./request-stock"

export const editPurchaseOrderLinesWorkflowId = "edit-purchase-order-lines"

/**
 * This workflow edits a draft purchase order's lines (quantities, unit costs, removal of
 * lines no backorder depends on) and adds new ones (`add`, through `requestStockWorkflow`
 * with the draft's `purchase_order_id`), all or nothing: if adding is refused, the edits are
 * undone. Emits `purchase_order.updated`.
 */
export const editPurchaseOrderLinesWorkflow = createWorkflow(
  editPurchaseOrderLinesWorkflowId,
  (input: WorkflowData<EditPurchaseOrderLinesInput>) => {
    editPurchaseOrderLinesStep(input)
    when("add-purchase-order-lines", { input }, ({ input }) =>
      Boolean(input.add?.length)
    ).then(() => {
      requestStockWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          purchase_order_id: input.id,
          lines: input.add,
          created_by: input.created_by,
        })),
      })
    })
    emitEventStep({
      eventName: PurchaseOrderEvents.UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    })
    return new WorkflowResponse(transform({ input }, ({ input }) => input.id))
  }
)
