import {
  cancelOrderWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { OPEN_BACKORDER_STATUSES } from "../../../types/enums"
import {
  failToOrderSaleAttemptStep,
  FailToOrderSaleAttemptStepInput,
} from "../steps/fail-to-order-sale-attempt"
import { cancelBackordersWorkflow } from "./cancel-backorders"

export type CancelToOrderSaleAttemptWorkflowInput =
  FailToOrderSaleAttemptStepInput

export const cancelToOrderSaleAttemptWorkflowId = "cancel-to-order-sale-attempt"

/**
 * This workflow cleans up after a try at a to-order sale that did not finish: a request
 * whose sale failed, or a try the scheduled sweep found pending too long because the process
 * making it died. It claims the try (marks it `failed`; a try that is no longer pending is
 * left alone, so two runs clean up once), cancels the order the try created, if it exists,
 * through Medusa's order cancellation (its reservations deleted, its payments cancelled or
 * refunded), and cancels the order's open backorders at once rather than waiting for the
 * `order.canceled` event. Answers the claimed try, or `null`.
 *
 * @example
 * await cancelToOrderSaleAttemptWorkflow(container).run({
 *   input: { attempt_id: "tosa_123", reason: "Abandoned" },
 * })
 */
export const cancelToOrderSaleAttemptWorkflow = createWorkflow(
  cancelToOrderSaleAttemptWorkflowId,
  (input: WorkflowData<CancelToOrderSaleAttemptWorkflowInput>) => {
    const attempt = failToOrderSaleAttemptStep(input)
    const orderId = transform({ attempt }, ({ attempt }) =>
      attempt ? attempt.order_id : null
    )

    const orders = when(
      "claimed-order",
      { orderId },
      ({ orderId }) => !!orderId
    ).then(() => {
      const { data } = useQueryGraphStep({
        entity: "order",
        fields: ["id", "status"],
        filters: { id: orderId },
      }).config({ name: "abandoned-order" })
      return data
    })
    when(
      "order-to-cancel",
      { orders },
      ({ orders }) => !!orders?.length && orders[0].status !== "canceled"
    ).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ orderId }, ({ orderId }) => ({
          order_id: orderId!,
        })),
      })
    })

    const backorders = when(
      "claimed-backorders",
      { orderId },
      ({ orderId }) => !!orderId
    ).then(() => {
      const { data } = useQueryGraphStep({
        entity: "backorder",
        fields: ["id"],
        filters: { order_id: orderId, status: OPEN_BACKORDER_STATUSES },
      }).config({ name: "abandoned-backorders" })
      return data
    })
    when(
      "backorders-to-cancel",
      { backorders },
      ({ backorders }) => !!backorders?.length
    ).then(() => {
      cancelBackordersWorkflow.runAsStep({
        input: transform({ backorders, input }, ({ backorders, input }) => ({
          backorders: backorders!.map((b) => ({ id: b.id })),
          reason: input.reason,
          // Medusa's order cancellation refunded the payments and deleted the reservations.
          refund: false,
          release_reservations: false,
        })),
      })
    })

    return new WorkflowResponse(attempt)
  }
)
