import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { ToOrderSaleAttemptStatus } from "../../../types/enums"

export type FailToOrderSaleAttemptStepInput = {
  attempt_id: string
  reason: string
  /** Only a try started before this (a sweep's bound); any pending try otherwise. */
  started_before?: Date | string
}

export const failToOrderSaleAttemptStepId = "fail-to-order-sale-attempt"

/**
 * This step claims a pending try at a to-order sale by marking it `failed` with the reason,
 * and answers it, or `null` when it is not pending (already completed, or claimed by another
 * run): whoever claims it cleans up after it, once. Its compensation makes it pending again,
 * so the next sweep tries again.
 */
export const failToOrderSaleAttemptStep = createStep(
  failToOrderSaleAttemptStepId,
  async (input: FailToOrderSaleAttemptStepInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const attempt = await service.finishToOrderSaleAttempt({
      id: input.attempt_id,
      status: ToOrderSaleAttemptStatus.FAILED,
      failure_reason: input.reason,
      started_before: input.started_before
        ? new Date(input.started_before)
        : undefined,
    })
    return new StepResponse(attempt, attempt?.id ?? null)
  },
  async (attemptId, { container }) => {
    if (!attemptId) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.updateToOrderSaleAttempts({
      id: attemptId,
      status: ToOrderSaleAttemptStatus.PENDING,
      failure_reason: null,
    })
  }
)
