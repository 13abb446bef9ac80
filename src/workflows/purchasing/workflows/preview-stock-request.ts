import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { RequestStockInput } from "../../../types/purchasing"
import { loadStockRequestStep } from "../steps/load-stock-request"
import { planPurchaseOrdersStep } from "../steps/plan-purchase-orders"

export const previewStockRequestWorkflowId = "preview-stock-request"

/**
 * This workflow works out what `requestStockWorkflow` would do with the same input, changing
 * nothing: per purchase order to create (or the open draft to add to) the supplier,
 * destination, expected date and lines with the quantity asked, the quantity ordered after
 * rounding to the supplier's terms and why, and the unit cost. It refuses what the request
 * would refuse, with the same errors.
 *
 * @example
 * const { result: plans } = await previewStockRequestWorkflow(container).run({
 *   input: { backorder_ids: ["bo_1", "bo_2"] },
 * })
 */
export const previewStockRequestWorkflow = createWorkflow(
  previewStockRequestWorkflowId,
  (input: WorkflowData<RequestStockInput>) => {
    const data = loadStockRequestStep(input)
    return new WorkflowResponse(planPurchaseOrdersStep({ input, data }))
  }
)
