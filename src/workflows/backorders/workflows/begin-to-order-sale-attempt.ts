import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BeginToOrderSaleAttemptInput } from "../../../modules/backorder/service"
import { beginToOrderSaleAttemptStep } from "../steps/begin-to-order-sale-attempt"

export const beginToOrderSaleAttemptWorkflowId = "begin-to-order-sale-attempt"

/**
 * This workflow records a try at a to-order sale, in its own transaction, before the sale
 * is made: it answers the try (with the id its order will get) and whether it is a replay of
 * a sale already made with the same idempotency key and request. A key used for another
 * request, or a sale with the key still being made, is refused with a 409.
 *
 * @example
 * const { result } = await beginToOrderSaleAttemptWorkflow(container).run({
 *   input: { idempotency_key: "till-3-0042", request_hash: "9f2c..." },
 * })
 */
export const beginToOrderSaleAttemptWorkflow = createWorkflow(
  beginToOrderSaleAttemptWorkflowId,
  (input: WorkflowData<BeginToOrderSaleAttemptInput>) => {
    return new WorkflowResponse(beginToOrderSaleAttemptStep(input))
  }
)
