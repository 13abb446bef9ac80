import {
  addOrderTransactionStep,
  refundPaymentStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"

export type RefundBackorderBalanceInput = {
  payment_id: string
  amount: number
  created_by?: string
  note?: string
}

export const refundBackorderBalanceWorkflowId = "refund-backorder-balance"

/**
 * This workflow gives back a balance the plugin captured when packing backordered units is
 * rolled back: a refund on the payment and its order transaction (reference `refund`, the
 * new refund's id), as Medusa's `refundPaymentWorkflow` records one. Unlike that workflow it
 * adds no credit line: the goods were not handed over, so the order owes what it owed before
 * the capture.
 *
 * @example
 * await refundBackorderBalanceWorkflow(container).run({
 *   input: { payment_id: "pay_123", amount: 697.2, note: "Backorder fulfilment rolled back" },
 * })
 */
export const refundBackorderBalanceWorkflow = createWorkflow(
  refundBackorderBalanceWorkflowId,
  (input: WorkflowData<RefundBackorderBalanceInput>) => {
    const { data: before } = useQueryGraphStep({
      entity: "payment",
      fields: [
        "id",
        "currency_code",
        "refunds.id",
        "payment_collection.order.id",
      ],
      filters: { id: input.payment_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "payment-before-refund" })

    const payment = refundPaymentStep(input)

    addOrderTransactionStep(
      transform({ before, payment, input }, ({ before, payment, input }) => {
        const orderId = before[0].payment_collection?.order?.id
        const known = new Set((before[0].refunds ?? []).map((r) => r?.id))
        if (!orderId) {
          return []
        }
        return (payment.refunds ?? [])
          .filter((refund) => !known.has(refund.id))
          .map((refund) => ({
            order_id: orderId,
            amount: -input.amount,
            currency_code: payment.currency_code,
            reference: "refund",
            reference_id: refund.id,
          }))
      })
    )

    return new WorkflowResponse(payment)
  }
)
