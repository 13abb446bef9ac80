import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"

export type LateBackorder = {
  id: string
  order_id: string
  title: string | null
  /** ISO date of the promise that was broken. */
  promised_at: string
}

export const markLateBackordersStepId = "mark-late-backorders-step"

/**
 * This step finds the backorders whose promise date has passed with units still waiting and
 * that were not found late for that promise yet, and marks them late (`late_at`,
 * `late_promised_at`): once per promise, however often it runs. At most `limit` per run.
 * Its compensation clears the marks it set.
 */
export const markLateBackordersStep = createStep(
  markLateBackordersStepId,
  async (input: { now?: Date; limit?: number }, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const now = input.now ?? new Date()
    const ids = await service.listUnmarkedLateBackorderIds(
      now,
      input.limit ?? 1000
    )
    const late = ids.length
      ? await service.listBackorders(
          { id: ids },
          {
            select: [
              "id",
              "order_id",
              "title",
              "promised_at",
              "late_at",
              "late_promised_at",
            ],
            order: { promised_at: "ASC", id: "ASC" },
          }
        )
      : []
    if (!late.length) {
      return new StepResponse([] as LateBackorder[], [])
    }
    await service.updateBackorders(
      late.map((b) => ({
        id: b.id,
        late_at: now,
        late_promised_at: b.promised_at,
      }))
    )
    return new StepResponse(
      late.map((b) => ({
        id: b.id,
        order_id: b.order_id,
        title: b.title ?? null,
        promised_at: new Date(b.promised_at!).toISOString(),
      })),
      late.map((b) => ({
        id: b.id,
        late_at: b.late_at ?? null,
        late_promised_at: b.late_promised_at ?? null,
      }))
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
