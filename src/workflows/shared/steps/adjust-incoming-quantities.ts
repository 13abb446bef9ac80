import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toNumber } from "../money"

export type IncomingAdjustment = {
  inventory_item_id: string
  location_id: string
  /** Units to add to (positive) or take from (negative) `incoming_quantity`. */
  delta: number
}

export const adjustIncomingQuantitiesStepId = "adjust-incoming-quantities"

/**
 * This step moves Medusa's `incoming_quantity` of inventory levels by the given deltas (a
 * purchase order or transfer sent raises it, received or cancelled units lower it). The
 * workflow holds the lock on the inventory item ids (see `acquireWorkflowLock`) around it.
 * Its compensation applies the negated deltas.
 */
export const adjustIncomingQuantitiesStep = createStep(
  adjustIncomingQuantitiesStepId,
  async (input: IncomingAdjustment[], { container }) => {
    const adjustments = merge(input)
    await apply(container, adjustments)
    return new StepResponse(void 0, adjustments)
  },
  async (adjustments, { container }) => {
    if (!adjustments?.length) {
      return
    }
    await apply(
      container,
      adjustments.map((a) => ({ ...a, delta: -a.delta }))
    )
  }
)

function merge(input: IncomingAdjustment[]): IncomingAdjustment[] {
  const byPair = new Map<string, IncomingAdjustment>()
  for (const a of input) {
    const key = `${a.inventory_item_id}:${a.location_id}`
    const current = byPair.get(key)
    byPair.set(key, { ...a, delta: (current?.delta ?? 0) + a.delta })
  }
  return [...byPair.values()].filter((a) => a.delta !== 0)
}

async function apply(
  container: MedusaContainer,
  adjustments: IncomingAdjustment[]
) {
  if (!adjustments.length) {
    return
  }
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const keys = [...new Set(adjustments.map((a) => a.inventory_item_id))]
  const levels = await inventoryModule.listInventoryLevels({
    inventory_item_id: keys,
    location_id: [...new Set(adjustments.map((a) => a.location_id))],
  })
  const levelOf = (a: IncomingAdjustment) =>
    levels.find(
      (l) =>
        l.inventory_item_id === a.inventory_item_id &&
        l.location_id === a.location_id
    )
  // An item bought for a location it was never stocked at gets its level there.
  const missing = adjustments.filter((a) => !levelOf(a))
  if (missing.length) {
    await inventoryModule.createInventoryLevels(
      missing.map((a) => ({
        inventory_item_id: a.inventory_item_id,
        location_id: a.location_id,
        stocked_quantity: 0,
        incoming_quantity: Math.max(0, a.delta),
      }))
    )
  }
  const existing = adjustments.filter((a) => levelOf(a))
  if (existing.length) {
    await inventoryModule.updateInventoryLevels(
      existing.map((a) => ({
        inventory_item_id: a.inventory_item_id,
        location_id: a.location_id,
        incoming_quantity: Math.max(
          0,
          toNumber(levelOf(a)!.incoming_quantity) + a.delta
        ),
      }))
    )
  }
}
