import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService, {
  BeginToOrderSaleAttemptInput,
} from "../../../modules/backorder/service"

export const beginToOrderSaleAttemptStepId = "begin-to-order-sale-attempt-step"

/**
 * This step records a try at a to-order sale before anything is sold (see
 * `beginToOrderSaleAttempt` of the module): a new try, a failed one taken up again, or the
 * completed sale to answer again; a key used for another request, or a try still being made,
 * is refused with a 409. Its compensation removes the try it recorded, or puts back the
 * failed try it took up.
 */
export const beginToOrderSaleAttemptStep = createStep(
  beginToOrderSaleAttemptStepId,
  async (input: BeginToOrderSaleAttemptInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const result = await service.beginToOrderSaleAttempt(input)
    return new StepResponse(
      result,
      result.replay
        ? null
        : { id: result.attempt.id, previous: result.previous }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    if (!undo.previous) {
      await service.deleteToOrderSaleAttempts(undo.id)
      return
    }
    const {
      id,
      request_hash,
      status,
      order_id,
      started_at,
      failure_reason,
      due_now,
    } = undo.previous
    await service.updateToOrderSaleAttempts({
      id,
      request_hash,
      status,
      order_id,
      started_at,
      failure_reason,
      due_now,
    })
  }
)
