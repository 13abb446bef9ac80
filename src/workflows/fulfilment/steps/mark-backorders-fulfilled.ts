import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { BackorderStatus } from "../../../types/enums"
import { BackorderFulfilmentPlan } from "./plan-backorder-fulfilment"

export const markBackordersFulfilledStepId = "mark-backorders-fulfilled"

/**
 * This step records what was packed and paid on the backorders: fulfilled quantities,
 * `fulfilled` status once every remaining unit is packed, and the captured balance. Its
 * compensation restores them.
 */
export const markBackordersFulfilledStep = createStep(
  markBackordersFulfilledStepId,
  async (plan: BackorderFulfilmentPlan, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const now = new Date()
    await service.updateBackorders(
      plan.backorders.map((b) => ({
        id: b.id,
        status: b.next.status,
        fulfilled_quantity: b.next.fulfilled_quantity,
        paid_amount: b.next.paid_amount,
        ...(b.next.status === BackorderStatus.FULFILLED
          ? { fulfilled_at: now }
          : {}),
      }))
    )
    return new StepResponse(
      void 0,
      plan.backorders.map((b) => ({ id: b.id, ...b.previous }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.updateBackorders(previous)
  }
)
