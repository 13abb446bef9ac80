import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type BackorderRefund = {
  payment_id: string
  amount: number
  created_by?: string
  note: string
}

export const refundBackorderPaymentsStepId = "refund-backorder-payments"

/**
 * This step gives back the paid share of cancelled backorders, one refund at a time through
 * Medusa's `refundPaymentWorkflow`, which records each refund as an order transaction of its
 * own (so `refunded_total` counts every one) and, while the order is not overpaid, a credit
 * line of the same amount (so the refunded money is not asked for again).
 *
 * A refund hands money back and cannot be taken back, as in Medusa's own refund step: it has
 * no compensation and runs last in its workflow, after everything that could still fail.
 */
export const refundBackorderPaymentsStep = createStep(
  refundBackorderPaymentsStepId,
  async (refunds: BackorderRefund[], { container }) => {
    for (const refund of refunds) {
      await refundPaymentWorkflow(container).run({ input: refund })
    }
    return new StepResponse(refunds.length)
  }
)
