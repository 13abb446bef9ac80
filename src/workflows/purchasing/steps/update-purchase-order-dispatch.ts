import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"

export const updatePurchaseOrderDispatchStepId =
  "update-purchase-order-dispatch"

/**
 * This step notes on a dispatch record the notification that carried the document. Its
 * compensation clears the note.
 */
export const updatePurchaseOrderDispatchStep = createStep(
  updatePurchaseOrderDispatchStepId,
  async (
    input: { id: string; notification_id: string | null },
    { container }
  ) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const dispatch = await service.updatePurchaseOrderDispatches(input)
    return new StepResponse(dispatch, input.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.updatePurchaseOrderDispatches({ id, notification_id: null })
  }
)
