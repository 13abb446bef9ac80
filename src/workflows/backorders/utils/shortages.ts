import { IInventoryService } from "@medusajs/framework/types"
import BackorderModuleService, {
  StockPair,
  stockPairKey,
} from "../../../modules/backorder/service"
import { toNumber } from "./money"

export type StockFigures = { stocked: number; reserved: number }

export type ShortageCandidate = StockPair & {
  line_item_id: string
  /** Units of the line reserved at the location. */
  quantity: number
  /** Units of the line already recorded as backordered (quantity − cancelled of its backorder). */
  recorded: number
}

/**
 * Decides how many units of each order line were sold without stock.
 *
 * Every sold unit is reserved, so at an inventory item and location the units reserved but
 * not on the shelf are `max(0, reserved − stocked)`. The units already waiting on recorded
 * backorders are part of that; the rest (the gap) was sold short by orders not yet recorded,
 * and is handed to the candidate lines in the order given, each at most up to what it
 * reserved. Run under the inventory item lock, with the figures read inside it, this never
 * records a unit twice whichever order or instance gets there first.
 */
export function assignShortages(
  candidates: ShortageCandidate[],
  levels: Map<string, StockFigures>,
  waiting: Map<string, number>
): Map<string, number> {
  const gaps = new Map<string, number>()
  for (const [key, level] of levels) {
    const uncovered = Math.max(0, level.reserved - level.stocked)
    gaps.set(key, uncovered - (waiting.get(key) ?? 0))
  }

  const shortages = new Map<string, number>()
  for (const candidate of candidates) {
    const key = stockPairKey(candidate)
    const gap = gaps.get(key) ?? 0
    const room = candidate.quantity - candidate.recorded
    const short = Math.max(0, Math.min(room, gap))
    if (short > 0) {
      shortages.set(candidate.line_item_id, short)
      gaps.set(key, gap - short)
    }
  }
  return shortages
}

export type SaleSplit = {
  /** Physically at the location. */
  on_hand: number
  /** On hand and not reserved by other orders (may be negative: already oversold). */
  available: number
  ships_now: number
  held_back: number
  backordered: number
}

/**
 * How a line of a to-order sale splits at the till: what can be handed over now, what is
 * kept back although in stock (POSitive's "hold back") and what is sold short.
 */
export function splitSaleLine(
  quantity: number,
  level: StockFigures | undefined,
  holdBack = false
): SaleSplit {
  if (!level) {
    // Inventory not managed: nothing is counted, everything ships.
    return {
      on_hand: 0,
      available: 0,
      ships_now: quantity,
      held_back: 0,
      backordered: 0,
    }
  }
  const available = level.stocked - level.reserved
  const inStock = Math.max(0, Math.min(quantity, available))
  return {
    on_hand: level.stocked,
    available,
    ships_now: holdBack ? 0 : inStock,
    held_back: holdBack ? inStock : 0,
    backordered: quantity - inStock,
  }
}

/** The distinct inventory item and location pairs of some rows. */
export function uniquePairs(rows: StockPair[]): StockPair[] {
  const seen = new Map<string, StockPair>()
  for (const row of rows) {
    seen.set(stockPairKey(row), {
      inventory_item_id: row.inventory_item_id,
      location_id: row.location_id,
    })
  }
  return [...seen.values()]
}

/**
 * Reads the stock figures and the waiting backorder units of the candidates' items and
 * locations and assigns the shortages. Call it inside the lock on the inventory item ids, and
 * record the backorders before leaving the lock.
 */
export async function findShortages(
  inventoryModule: IInventoryService,
  backorderModule: BackorderModuleService,
  candidates: ShortageCandidate[]
): Promise<Map<string, number>> {
  if (!candidates.length) {
    return new Map()
  }
  const pairs = uniquePairs(candidates)
  const [levels, waiting] = await Promise.all([
    inventoryModule.listInventoryLevels({
      inventory_item_id: [...new Set(pairs.map((p) => p.inventory_item_id))],
      location_id: [...new Set(pairs.map((p) => p.location_id))],
    }),
    backorderModule.sumWaitingQuantities(pairs),
  ])
  const figures = new Map<string, StockFigures>(
    levels.map((level) => [
      stockPairKey(level),
      {
        stocked: toNumber(level.stocked_quantity),
        reserved: toNumber(level.reserved_quantity),
      },
    ])
  )
  return assignShortages(candidates, figures, waiting)
}
