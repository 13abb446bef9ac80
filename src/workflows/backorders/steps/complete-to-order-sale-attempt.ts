import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { ToOrderSaleAttemptStatus } from "../../../types/enums"

export const completeToOrderSaleAttemptStepId = "complete-to-order-sale-attempt"

/**
 * This step, the last of a to-order sale, marks its try `completed` with what was due now,
 * so a retry with the same idempotency key answers the same sale. A try that is no longer
 * pending was cancelled as abandoned meanwhile: the step fails and the whole sale is rolled
 * back. Its compensation makes the try pending again.
 */
export const completeToOrderSaleAttemptStep = createStep(
  completeToOrderSaleAttemptStepId,
  async (input: { attempt_id: string; due_now: number }, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const attempt = await service.finishToOrderSaleAttempt({
      id: input.attempt_id,
      status: ToOrderSaleAttemptStatus.COMPLETED,
      due_now: input.due_now,
    })
    if (!attempt) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `To-order sale attempt ${input.attempt_id} was cancelled as abandoned before it finished: the sale is rolled back`
      )
    }
    return new StepResponse(attempt, attempt.id)
  },
  async (attemptId, { container }) => {
    if (!attemptId) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.updateToOrderSaleAttempts({
      id: attemptId,
      status: ToOrderSaleAttemptStatus.PENDING,
      due_now: null,
    })
  }
)
