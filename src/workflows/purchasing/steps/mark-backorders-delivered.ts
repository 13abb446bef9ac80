import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { BackorderStatus } from "../../../types/enums"

export const markBackordersDeliveredStepId = "mark-backorders-delivered"

/**
 * This step sets `delivered_at` on the given backorders that are fulfilled and not marked
 * delivered yet (a dropship the supplier delivered to the customer). Its compensation clears
 * it again.
 */
export const markBackordersDeliveredStep = createStep(
  markBackordersDeliveredStepId,
  async (input: { backorder_ids: string[] }, { container }) => {
    if (!input.backorder_ids.length) {
      return new StepResponse([] as string[], [] as string[])
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const backorders = await service.listBackorders({
      id: input.backorder_ids,
      status: BackorderStatus.FULFILLED,
      delivered_at: null,
    })
    const ids = backorders.map((b) => b.id)
    if (ids.length) {
      const now = new Date()
      await service.updateBackorders(
        ids.map((id) => ({ id, delivered_at: now }))
      )
    }
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.updateBackorders(
      ids.map((id) => ({ id, delivered_at: null }))
    )
  }
)
