import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import {
  AllocationRule,
  AllocationSource,
  BackorderStatus,
} from "../../../types/enums"
import { BackorderCancellation } from "./validate-backorder-cancellation"

export const cancelBackordersStepId = "cancel-backorders-step"

/**
 * This step applies planned cancellations: cancelled and allocated quantities, status, the
 * refunded amount, and a ledger row for every allocated unit taken back, so the allocation
 * ledger still explains every unit. Its compensation restores the rows and removes the
 * ledger rows.
 */
export const cancelBackordersStep = createStep(
  cancelBackordersStepId,
  async (
    input: {
      cancellations: BackorderCancellation[]
      reason?: string
      cancelled_by?: string
    },
    { container }
  ) => {
    const backorderModule: BackorderModuleService =
      container.resolve(BACKORDER_MODULE)
    if (!input.cancellations.length) {
      return new StepResponse([] as string[], null)
    }
    const now = new Date()
    await backorderModule.updateBackorders(
      input.cancellations.map((c) => ({
        id: c.id,
        status: c.next.status,
        allocated_quantity: c.next.allocated_quantity,
        cancelled_quantity: c.next.cancelled_quantity,
        refunded_amount: c.next.refunded_amount,
        ...(c.next.status === BackorderStatus.CANCELLED
          ? { cancelled_at: now, cancel_reason: input.reason ?? null }
          : {}),
        // The rest cancelled, what was allocated is all it waits for: available now.
        ...(becameAvailable(c) ? { available_at: now } : {}),
      }))
    )
    const freed = input.cancellations.filter((c) => c.freed_allocated > 0)
    const ledger = freed.length
      ? await backorderModule.createAllocations(
          freed.map((c) => ({
            backorder_id: c.id,
            inventory_item_id: c.inventory_item_id,
            location_id: c.location_id,
            quantity: -c.freed_allocated,
            source: AllocationSource.CANCELLATION,
            rule: AllocationRule.MANUAL,
            reason: input.reason
              ? `Backorder cancelled: ${input.reason}`
              : "Backorder cancelled",
            created_by: input.cancelled_by ?? null,
          }))
        )
      : []
    return new StepResponse(
      input.cancellations.map((c) => c.id),
      {
        previous: input.cancellations.map((c) => ({ id: c.id, ...c.previous })),
        ledgerIds: ledger.map((row) => row.id),
      }
    )
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    const backorderModule: BackorderModuleService =
      container.resolve(BACKORDER_MODULE)
    if (data.ledgerIds.length) {
      await backorderModule.deleteAllocations(data.ledgerIds)
    }
    if (data.previous.length) {
      await backorderModule.updateBackorders(data.previous)
    }
  }
)

/** A cancellation of the units still waiting that leaves the allocated ones all there is. */
export function becameAvailable(c: BackorderCancellation) {
  return (
    c.next.status === BackorderStatus.AVAILABLE &&
    c.previous.status !== BackorderStatus.AVAILABLE
  )
}
