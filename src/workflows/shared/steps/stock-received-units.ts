import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toNumber } from "../money"

export type ReceivedStock = {
  inventory_item_id: string
  location_id: string
  /** Units put on the shelf. */
  quantity: number
  /** Of those, units that were expected (`incoming_quantity` goes down by these). */
  expected: number
}

export const stockReceivedUnitsStepId = "stock-received-units"

/**
 * This step puts received units into Medusa's stock at the purchase order's location:
 * `stocked_quantity` up, `incoming_quantity` down by the units that were expected. It takes
 * no lock of its own: run it under the workflow's lock on the inventory item ids. Its
 * compensation takes the units back out.
 */
export const stockReceivedUnitsStep = createStep(
  stockReceivedUnitsStepId,
  async (input: ReceivedStock[], { container }) => {
    const rows = input.filter((r) => r.quantity > 0)
    if (!rows.length) {
      return new StepResponse(void 0, [] as ReceivedStock[])
    }
    await apply(container, rows, 1)
    return new StepResponse(void 0, rows)
  },
  async (rows, { container }) => {
    if (!rows?.length) {
      return
    }
    await apply(container, rows, -1)
  }
)

async function apply(
  container: MedusaContainer,
  rows: ReceivedStock[],
  sign: 1 | -1
) {
  const inventoryModule = container.resolve(Modules.INVENTORY)
  await inventoryModule.adjustInventory(
    rows.map((r) => ({
      inventoryItemId: r.inventory_item_id,
      locationId: r.location_id,
      adjustment: sign * r.quantity,
    }))
  )
  const levels = await inventoryModule.listInventoryLevels({
    inventory_item_id: rows.map((r) => r.inventory_item_id),
    location_id: [...new Set(rows.map((r) => r.location_id))],
  })
  await inventoryModule.updateInventoryLevels(
    rows.map((r) => {
      const level = levels.find(
        (l) =>
          l.inventory_item_id === r.inventory_item_id &&
          l.location_id === r.location_id
      )
      return {
        inventory_item_id: r.inventory_item_id,
        location_id: r.location_id,
        incoming_quantity: Math.max(
          0,
          toNumber(level?.incoming_quantity) - sign * r.expected
        ),
      }
    })
  )
}
