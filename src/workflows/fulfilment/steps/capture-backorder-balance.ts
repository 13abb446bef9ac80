import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refundBackorderBalanceWorkflow } from "../workflows/refund-backorder-balance"

export const captureBackorderBalanceStepId = "capture-backorder-balance"

/**
 * This step captures the balance due for packed backordered units through Medusa's
 * `capturePaymentWorkflow`, so the capture is an order transaction and the order's
 * `paid_total`, outstanding amount and payment status follow. A capture cannot be undone, so
 * its compensation refunds the same amount with its own order transaction: should a later
 * step fail, the customer is not charged for goods not handed over.
 */
export const captureBackorderBalanceStep = createStep(
  captureBackorderBalanceStepId,
  async (
    input: { payment_id: string | null; amount: number; captured_by?: string },
    { container }
  ) => {
    if (!input.payment_id || input.amount <= 0) {
      return new StepResponse(0, null)
    }
    await capturePaymentWorkflow(container).run({
      input: {
        payment_id: input.payment_id,
        amount: input.amount,
        captured_by: input.captured_by,
      },
    })
    return new StepResponse(input.amount, {
      payment_id: input.payment_id,
      amount: input.amount,
      created_by: input.captured_by,
    })
  },
  async (capture, { container }) => {
    if (!capture) {
      return
    }
    await refundBackorderBalanceWorkflow(container).run({
      input: {
        payment_id: capture.payment_id,
        amount: capture.amount,
        created_by: capture.created_by,
        note: "Backorder fulfilment rolled back",
      },
    })
  }
)
