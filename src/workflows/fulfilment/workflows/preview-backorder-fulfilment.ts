import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  FulfilBackordersInput,
  planBackorderFulfilmentStep,
} from "../steps/plan-backorder-fulfilment"

export const previewBackorderFulfilmentWorkflowId =
  "preview-backorder-fulfilment"

/**
 * This workflow works out what `fulfilBackordersWorkflow` would pack with the same input,
 * changing nothing: the order lines and units, the location and shipping option, or why
 * nothing is packed. It refuses what fulfilling would refuse, with the same errors.
 *
 * @example
 * const { result: plan } = await previewBackorderFulfilmentWorkflow(container).run({
 *   input: { order_id: "order_123" },
 * })
 */
export const previewBackorderFulfilmentWorkflow = createWorkflow(
  previewBackorderFulfilmentWorkflowId,
  (input: WorkflowData<FulfilBackordersInput>) => {
    return new WorkflowResponse(planBackorderFulfilmentStep(input))
  }
)
