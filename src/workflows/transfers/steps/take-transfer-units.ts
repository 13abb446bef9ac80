import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stockPairKey } from "../../../modules/backorder/service"
import { freeStock } from "../utils/free-stock"

export type TransferUnits = {
  inventory_item_id: string
  location_id: string
  quantity: number
  /** How the line is named in a refusal: `Transfer TR-0003 line trfline_1`. */
  label: string
}

export const takeTransferUnitsStepId = "take-transfer-units"

/**
 * This step takes sent units out of the source location's stock (`stocked_quantity` down,
 * the way a fulfilment lowers it), after checking that the units are free there (stocked
 * minus reserved): a transfer never takes stock another order holds. Run it under the lock
 * on the inventory item ids. Its compensation puts the units back.
 */
export const takeTransferUnitsStep = createStep(
  takeTransferUnitsStepId,
  async (input: TransferUnits[], { container }) => {
    const rows = input.filter((r) => r.quantity > 0)
    if (!rows.length) {
      return new StepResponse(void 0, [] as TransferUnits[])
    }
    const free = await freeStock(container, rows)
    for (const row of rows) {
      const available = free.get(stockPairKey(row)) ?? 0
      if (row.quantity > available) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `${row.label}: stock location ${row.location_id} has ${available} free units of inventory item ${row.inventory_item_id}, ${row.quantity} cannot be sent`
        )
      }
    }
    await adjust(container, rows, -1)
    return new StepResponse(void 0, rows)
  },
  async (rows, { container }) => {
    if (!rows?.length) {
      return
    }
    await adjust(container, rows, 1)
  }
)

async function adjust(
  container: MedusaContainer,
  rows: TransferUnits[],
  sign: 1 | -1
) {
  await container.resolve(Modules.INVENTORY).adjustInventory(
    rows.map((r) => ({
      inventoryItemId: r.inventory_item_id,
      locationId: r.location_id,
      adjustment: sign * r.quantity,
    }))
  )
}
