import { BigNumberInput } from "@medusajs/framework/types"
import BackorderModuleService, {
  StockPair,
  stockPairKey,
} from "../../modules/backorder/service"
import { toNumber } from "./money"

/** Units reserved at a stock pair by other order lines that nobody has checked yet. */
export type UncheckedReservation = StockPair & {
  line_item_id: string
  reserved_at: Date
  /** Reserved units of that line not checked yet. */
  unchecked: number
}

/**
 * Of some reservations of order lines, the units no shortage check has looked at yet (per
 * line and stock pair). Lines recorded before checks existed (a backorder, no check) count as
 * checked.
 */
export async function findUnchecked(
  backorderModule: BackorderModuleService,
  reservations: (StockPair & {
    line_item_id: string
    quantity: BigNumberInput
    created_at: Date | string
  })[]
): Promise<UncheckedReservation[]> {
  if (!reservations.length) {
    return []
  }
  const lineIds = [...new Set(reservations.map((r) => r.line_item_id))]
  const [checks, backorders] = await Promise.all([
    backorderModule.listShortageChecks(
      { line_item_id: lineIds },
      { select: ["line_item_id", "checked_quantity"] }
    ),
    backorderModule.listBackorders(
      { line_item_id: lineIds },
      { select: ["line_item_id"], withDeleted: false }
    ),
  ])
  const checked = new Map(
    checks.map((c) => [c.line_item_id, toNumber(c.checked_quantity)])
  )
  const recordedBefore = new Set(backorders.map((b) => b.line_item_id))
  // Lines of inventory kits (reserved for several items) are never recorded: not unchecked.
  const pairsOfLine = new Map<string, Set<string>>()
  for (const r of reservations) {
    const pairs = pairsOfLine.get(r.line_item_id) ?? new Set<string>()
    pairs.add(stockPairKey(r))
    pairsOfLine.set(r.line_item_id, pairs)
  }
  const byLine = new Map<string, UncheckedReservation>()
  for (const r of reservations) {
    if (
      (recordedBefore.has(r.line_item_id) && !checked.has(r.line_item_id)) ||
      pairsOfLine.get(r.line_item_id)!.size > 1
    ) {
      continue
    }
    const key = `${r.line_item_id}:${stockPairKey(r)}`
    const current = byLine.get(key)
    const reservedAt = new Date(r.created_at)
    byLine.set(key, {
      line_item_id: r.line_item_id,
      inventory_item_id: r.inventory_item_id,
      location_id: r.location_id,
      reserved_at:
        current && current.reserved_at > reservedAt
          ? current.reserved_at
          : reservedAt,
      unchecked: (current?.unchecked ?? 0) + toNumber(r.quantity),
    })
  }
  return [...byLine.values()]
    .map((u) => ({
      ...u,
      unchecked: Math.max(0, u.unchecked - (checked.get(u.line_item_id) ?? 0)),
    }))
    .filter((u) => u.unchecked > 0)
}
