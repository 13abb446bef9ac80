import { StockPair, stockPairKey } from "../../../modules/backorder/service"

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
    return { on_hand: 0, available: 0, ships_now: quantity, held_back: 0, backordered: 0 }
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
