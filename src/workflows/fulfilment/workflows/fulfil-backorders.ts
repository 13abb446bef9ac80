import {
  createOrderFulfillmentWorkflow,
  emitEventStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BackorderStatus } from "../../../types/enums"
import { BackorderEvents } from "../../../types/events"
import { captureBackorderBalanceStep } from "../steps/capture-backorder-balance"
import { markBackordersFulfilledStep } from "../steps/mark-backorders-fulfilled"
import {
  FulfilBackordersInput,
  planBackorderFulfilmentStep,
} from "../steps/plan-backorder-fulfilment"

export const fulfilBackordersWorkflowId = "fulfil-backorders"

/**
 * This workflow packs the allocated units of an order's backorders through Medusa's own
 * order fulfilment (so stock and reservations go down the normal way), marks the backorders
 * fulfilled, and captures the balance still due for those units by the sale's payment
 * policy (a deposit's remainder, a pay-on-receipt sale, a storefront authorization), so the
 * order's payment status ends `captured`. Emits `backorder.fulfilled`.
 *
 * @example
 * await fulfilBackordersWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const fulfilBackordersWorkflow = createWorkflow(
  fulfilBackordersWorkflowId,
  (input: WorkflowData<FulfilBackordersInput>) => {
    const plan = planBackorderFulfilmentStep(input)

    createOrderFulfillmentWorkflow.runAsStep({
      input: transform({ plan, input }, ({ plan, input }) => ({
        order_id: plan.order_id,
        location_id: plan.location_id,
        shipping_option_id: plan.shipping_option_id,
        items: plan.items,
        created_by: input.created_by,
      })),
    })

    markBackordersFulfilledStep(plan)

    emitEventStep({
      eventName: BackorderEvents.FULFILLED,
      data: transform({ plan }, ({ plan }) =>
        plan.backorders.map((b) => ({
          id: b.id,
          order_id: plan.order_id,
          quantity: b.quantity,
          status: b.next.status,
        }))
      ),
    })

    captureBackorderBalanceStep(
      transform({ plan, input }, ({ plan, input }) => ({
        payment_id: plan.payment_id,
        amount: plan.capture_amount,
        captured_by: input.created_by,
      }))
    )

    return new WorkflowResponse(
      transform({ plan }, ({ plan }) => ({
        order_id: plan.order_id,
        captured: plan.capture_amount,
        fulfilled: plan.backorders.map((b) => ({
          id: b.id,
          quantity: b.quantity,
          fulfilled: b.next.status === BackorderStatus.FULFILLED,
        })),
      }))
    )
  }
)
