import {
  FilterableReservationItemProps,
  MedusaContainer,
} from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService, {
  AllocateStockInput,
  StockAllocation,
  StockPair,
  stockPairKey,
} from "../../../modules/backorder/service"
import { findUnchecked } from "../../shared/unchecked-reservations"
import { toNumber } from "../../shared/money"

export const allocateArrivedStockStepId = "allocate-arrived-stock"

/**
 * This step hands the stock that is free at each location (on the shelf and not promised to
 * an order, plus what is reserved for waiting backorders) to the waiting backorders of that
 * inventory item, through the module's set-based allocation: linked backorders of the
 * arriving purchase order first, then the allocation policy, each unit recorded in the ledger
 * with the rule that chose it. It serves a receipt as well as units freed outside one (a
 * cancelled backorder's allocated units, stock added by hand). The workflow holds the lock on
 * the inventory item ids around it. Its compensation reverts the allocations and removes the
 * ledger rows.
 */
export const allocateArrivedStockStep = createStep(
  allocateArrivedStockStepId,
  async (input: Arrival[], { container }) => {
    const allocations = await allocateFreeStock(container, input)
    return new StepResponse(allocations, allocations)
  },
  revertAllocations
)

type Arrival = Omit<AllocateStockInput, "quantity"> & {
  /** Units this change just put on the shelf (a receipt); 0 for stock found free. */
  arrived?: number
}

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
  const arrivedAt = (key: string) =>
    input
      .filter((a) => stockPairKey(a) === key)
      .reduce((sum, a) => sum + (a.arrived ?? 0), 0)
  // Units reserved beyond the shelf before this stock arrived that no waiting backorder
  // accounts for: only there can an order whose shortage is not recorded yet hold some, so
  // only those pairs read their recent reservations (a receipt for 10,000 recorded
  // backorders would otherwise read 10,000 reservations to find none).
  const unaccounted = (key: string) => {
    const level = levels.find((l) => stockPairKey(l) === key)
    if (!level) {
      return 0
    }
    const stocked = toNumber(level.stocked_quantity)
    const reserved = toNumber(level.reserved_quantity)
    return (
      Math.max(0, reserved - (stocked - arrivedAt(key))) -
      (waiting.get(key) ?? 0)
    )
  }
  const unchecked = await uncheckedUnits(
    container,
    input.filter((pair) => unaccounted(stockPairKey(pair)) > 0)
  )
  const allocations: StockAllocation[] = []
  // Several arrivals of one item and location share the free units: hand them out once.
  const handled = new Set<string>()
  try {
    for (const { arrived: _arrived, ...arrival } of input) {
      const key = stockPairKey(arrival)
      const level = levels.find((l) => stockPairKey(l) === key)
      if (!level || handled.has(key)) {
        continue
      }
      handled.add(key)
      const stocked = toNumber(level.stocked_quantity)
      const reserved = toNumber(level.reserved_quantity)
      const waits = waiting.get(key) ?? 0
      // Orders whose shortage nobody has recorded yet (their event is on its way) reserved
      // units the shelf did not have before this stock arrived: those are short, not holding
      // stock, and must not keep the arriving units from the customers already waiting.
      const shortUnrecorded = Math.min(
        unchecked.get(key) ?? 0,
        Math.max(0, unaccounted(key))
      )
      // Reservations include the waiting backorders' units: those are the ones to cover.
      const free = stocked - reserved + waits + shortUnrecorded
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

/**
 * Per item and location, the reserved units of order lines that no shortage check has looked
 * at yet (reserved in the catch-up window; older ones are the catch-up job's).
 */
async function uncheckedUnits(
  container: MedusaContainer,
  pairs: StockPair[]
): Promise<Map<string, number>> {
  if (!pairs.length) {
    return new Map()
  }
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const catchUp = service.getOptions().catchUp
  const lookbackHours = catchUp ? catchUp.lookbackHours : 72
  const reservations = await inventoryModule.listReservationItems(
    {
      inventory_item_id: [...new Set(pairs.map((p) => p.inventory_item_id))],
      location_id: [...new Set(pairs.map((p) => p.location_id))],
      created_at: { $gte: new Date(Date.now() - lookbackHours * 3600_000) },
    } as FilterableReservationItemProps,
    {
      select: [
        "line_item_id",
        "inventory_item_id",
        "location_id",
        "quantity",
        "created_at",
      ],
    }
  )
  const unchecked = await findUnchecked(
    service,
    reservations.filter(
      (r): r is typeof r & { line_item_id: string } => !!r.line_item_id
    )
  )
  const units = new Map<string, number>()
  for (const u of unchecked) {
    units.set(stockPairKey(u), (units.get(stockPairKey(u)) ?? 0) + u.unchecked)
  }
  return units
}
