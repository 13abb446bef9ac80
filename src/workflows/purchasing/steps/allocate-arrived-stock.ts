import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService, {
  AllocateStockInput,
  StockAllocation,
  stockPairKey,
} from "../../../modules/backorder/service"
import { toNumber } from "../../backorders/utils/money"
import { withLock } from "../../utils/locking"

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
  async (input: Arrival[], { container }) => {
    const allocations = await allocateFreeStock(container, input)
    return new StepResponse(allocations, allocations)
  },
  revertAllocations
)

export const allocateFreedStockStepId = "allocate-freed-stock"

/**
 * The same for units freed outside a receipt (a cancelled backorder gives its allocated units
 * back): it takes the lock on the inventory item ids itself.
 */
export const allocateFreedStockStep = createStep(
  allocateFreedStockStepId,
  async (input: Arrival[], { container }) => {
    const keys = [...new Set(input.map((a) => a.inventory_item_id))]
    const allocations = keys.length
      ? await withLock(container, keys, () =>
          allocateFreeStock(container, input)
        )
      : []
    return new StepResponse(allocations, allocations)
  },
  revertAllocations
)

type Arrival = Omit<AllocateStockInput, "quantity">

async function revertAllocations(
  allocations: StockAllocation[] | undefined,
  { container }: { container: MedusaContainer }
) {
  if (!allocations?.length) {
    return
  }
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  await service.revertStockAllocations(allocations)
}

async function allocateFreeStock(
  container: MedusaContainer,
  input: Arrival[]
): Promise<StockAllocation[]> {
  if (!input.length) {
    return []
  }
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const [levels, waiting] = await Promise.all([
    inventoryModule.listInventoryLevels({
      inventory_item_id: input.map((i) => i.inventory_item_id),
      location_id: [...new Set(input.map((i) => i.location_id))],
    }),
    service.sumWaitingQuantities(input),
  ])
  const allocations: StockAllocation[] = []
  // Several arrivals of one item and location share the free units: hand them out once.
  const handled = new Set<string>()
  try {
    for (const arrival of input) {
      const key = stockPairKey(arrival)
      const level = levels.find((l) => stockPairKey(l) === key)
      if (!level || handled.has(key)) {
        continue
      }
      handled.add(key)
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
  return allocations
}
