import {
  FilterableReservationItemProps,
  IInventoryService,
} from "@medusajs/framework/types"
import BackorderModuleService, {
  StockPair,
  stockPairKey,
} from "../../../modules/backorder/service"
import { toNumber } from "../../shared/money"
import {
  findUnchecked,
  UncheckedReservation,
} from "../../shared/unchecked-reservations"

export type StockFigures = { stocked: number; reserved: number }

export type ShortageCandidate = StockPair & {
  line_item_id: string
  /** Units of the line reserved at the location. */
  quantity: number
  /** Of those, units already checked for a shortage (and recorded if they were short). */
  checked: number
  /** When the line's (latest) reservation at the location was made: its place in the queue. */
  reserved_at: Date
}

/**
 * Decides how many units of each order line were sold without stock.
 *
 * Every sold unit is reserved, so at an inventory item and location the units reserved but
 * not on the shelf are `max(0, reserved − stocked)`. The units already waiting on recorded
 * backorders are part of that; the rest (the gap) was sold short by lines not checked yet.
 * First placed, first served: of those lines, the ones reserved last are the short ones. So
 * each candidate, newest first, takes what is left of the gap once the unchecked lines
 * reserved after it have taken theirs, at most its own unchecked units.
 *
 * Run under the inventory item lock, with the figures read inside it, this records each unit
 * once, on the orders placed after the stock ran out, whichever order the lines are checked
 * in and on whichever instance.
 */
export function assignShortages(
  candidates: ShortageCandidate[],
  levels: Map<string, StockFigures>,
  waiting: Map<string, number>,
  unchecked: UncheckedReservation[] = []
): Map<string, number> {
  const gaps = new Map<string, number>()
  for (const [key, level] of levels) {
    const uncovered = Math.max(0, level.reserved - level.stocked)
    gaps.set(key, uncovered - (waiting.get(key) ?? 0))
  }
  const newest = [...candidates].sort(
    (a, b) =>
      b.reserved_at.getTime() - a.reserved_at.getTime() ||
      (a.line_item_id < b.line_item_id ? 1 : -1)
  )

  const shortages = new Map<string, number>()
  for (const candidate of newest) {
    const key = stockPairKey(candidate)
    const gap = gaps.get(key) ?? 0
    const later = unchecked
      .filter(
        (u) =>
          stockPairKey(u) === key &&
          u.reserved_at.getTime() > candidate.reserved_at.getTime()
      )
      .reduce((sum, u) => sum + u.unchecked, 0)
    const room = candidate.quantity - candidate.checked
    const short = Math.max(0, Math.min(room, gap - later))
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
 * Reads the stock figures, the waiting backorder units and the reservations of lines not
 * checked yet that were made after the candidates', and assigns the shortages. Call it inside
 * the lock on the inventory item ids, and record the backorders and the checks before leaving
 * the lock.
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
  const oldest = new Date(
    Math.min(...candidates.map((c) => c.reserved_at.getTime()))
  )
  const [levels, waiting, later] = await Promise.all([
    inventoryModule.listInventoryLevels({
      inventory_item_id: [...new Set(pairs.map((p) => p.inventory_item_id))],
      location_id: [...new Set(pairs.map((p) => p.location_id))],
    }),
    backorderModule.sumWaitingQuantities(pairs),
    inventoryModule.listReservationItems(
      {
        inventory_item_id: [...new Set(pairs.map((p) => p.inventory_item_id))],
        location_id: [...new Set(pairs.map((p) => p.location_id))],
        // Not in the filter's type, but a column the inventory module filters on.
        created_at: { $gt: oldest },
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
    ),
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
  const own = new Set(candidates.map((c) => c.line_item_id))
  const others = later.filter(
    (r): r is typeof r & { line_item_id: string } =>
      !!r.line_item_id && !own.has(r.line_item_id)
  )
  const unchecked = await findUnchecked(backorderModule, others)
  return assignShortages(candidates, figures, waiting, unchecked)
}
