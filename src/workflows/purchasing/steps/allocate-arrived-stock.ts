import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService, {
  AllocateStockInput,
  StockAllocation,
  stockPairKey,
} from "../../../modules/backorder/service"
import { toNumber } from "../../backorders/utils/money"

export const allocateArrivedStockStepId = "allocate-arrived-stock"

/**
 * This step hands the stock that is free at each location (on the shelf and not promised to
 * an order, plus what is reserved for waiting backorders) to the waiting backorders of that
 * inventory item, through the module's set-based allocation: linked backorders of the
 * arriving purchase order first, then the allocation policy, each unit recorded in the ledger
 * with the rule that chose it. Run it under the lock on the inventory item ids. Its
 * compensation reverts the allocations and removes the ledger rows.
 */
export const allocateArrivedStockStep = createStep(
  allocateArrivedStockStepId,
  async (input: Omit<AllocateStockInput, "quantity">[], { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const inventoryModule = container.resolve(Modules.INVENTORY)
    if (!input.length) {
      return new StepResponse([] as StockAllocation[], [] as StockAllocation[])
    }
    const [levels, waiting] = await Promise.all([
      inventoryModule.listInventoryLevels({
        inventory_item_id: input.map((i) => i.inventory_item_id),
        location_id: [...new Set(input.map((i) => i.location_id))],
      }),
      service.sumWaitingQuantities(input),
    ])

    const allocations: StockAllocation[] = []
    try {
      for (const arrival of input) {
        const key = stockPairKey(arrival)
        const level = levels.find((l) => stockPairKey(l) === key)
        if (!level) {
          continue
        }
        // Reservations include the waiting backorders' units: those are the ones to cover.
        const free =
          toNumber(level.stocked_quantity) -
          toNumber(level.reserved_quantity) +
          (waiting.get(key) ?? 0)
        allocations.push(
          ...(await service.allocateStock({ ...arrival, quantity: free }))
        )
      }
    } catch (error) {
      await service.revertStockAllocations(allocations)
      throw error
    }
    return new StepResponse(allocations, allocations)
  },
  async (allocations, { container }) => {
    if (!allocations?.length) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.revertStockAllocations(allocations)
  }
)
