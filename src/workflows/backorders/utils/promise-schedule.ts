/**
 * Honest promise dates, as a pure function: which units of a request ship from stock now,
 * and which incoming supply (a sent purchase order, later a transfer) actually serves each
 * of the others, after the units already promised to earlier waiting orders.
 *
 * Incoming supply is handed out first expected, first served; supply without an expected
 * date comes last. Units no incoming supply covers get no date (`expected_at: null`).
 */

/** Stock on its way to the locations that serve a sales channel. */
export type IncomingSupply = {
  /** Units still to arrive (ordered minus received minus cancelled). */
  quantity: number
  /** When they are expected; null when the supplier gave no date. */
  expected_at: Date | string | null
  source: "purchase_order" | "transfer"
  /** The purchase order (or transfer) id. */
  source_id: string
}

/** A run of units with the same promise. */
export type PromiseSlice = {
  quantity: number
  /** ISO date-time of the supply that serves these units; null when none is known. */
  expected_at: string | null
}

export type PromiseSchedule = {
  /** Units that ship from stock now. */
  ships_now: number
  /** The other units, in the order they are served, one slice per supply. */
  later: PromiseSlice[]
}

export type PromiseScheduleInput = {
  /** Units free now: on hand minus reserved, never below 0; null when stock is not tracked. */
  in_stock: number | null
  /** Units earlier orders already wait for (sold short and not yet allocated). */
  waiting: number
  supply: IncomingSupply[]
  /** Units asked for. */
  quantity: number
}

const time = (value: Date | string | null) =>
  value === null ? Number.POSITIVE_INFINITY : new Date(value).getTime()

/** Supply in the order it is handed out: earliest expected first, undated last, then by id. */
export function sortIncomingSupply(supply: IncomingSupply[]): IncomingSupply[] {
  return supply
    .filter((s) => s.quantity > 0)
    .sort(
      (a, b) =>
        time(a.expected_at) - time(b.expected_at) ||
        a.source_id.localeCompare(b.source_id)
    )
}

/**
 * Splits `quantity` units into those that ship now and those served by incoming supply,
 * skipping the first `waiting` units of supply (they are promised to earlier orders).
 *
 * @example
 * promiseSchedule({
 *   in_stock: 1,
 *   waiting: 2,
 *   supply: [{ quantity: 3, expected_at: "2026-12-12", source: "purchase_order", source_id: "po_1" }],
 *   quantity: 3,
 * })
 * // { ships_now: 1, later: [{ quantity: 1, expected_at: "2026-12-12T00:00:00.000Z" },
 * //                         { quantity: 1, expected_at: null }] }
 */
export function promiseSchedule(input: PromiseScheduleInput): PromiseSchedule {
  const quantity = Math.max(0, input.quantity)
  if (input.in_stock === null) {
    return { ships_now: quantity, later: [] }
  }
  const shipsNow = Math.min(quantity, Math.max(0, input.in_stock))
  let skip = Math.max(0, input.waiting)
  let rest = quantity - shipsNow
  const later: PromiseSlice[] = []
  const push = (units: number, expectedAt: string | null) => {
    const last = later[later.length - 1]
    if (last && last.expected_at === expectedAt) {
      last.quantity += units
    } else {
      later.push({ quantity: units, expected_at: expectedAt })
    }
  }
  for (const supply of sortIncomingSupply(input.supply)) {
    if (!rest) {
      break
    }
    let units = supply.quantity
    const skipped = Math.min(skip, units)
    skip -= skipped
    units -= skipped
    const served = Math.min(units, rest)
    if (served > 0) {
      push(
        served,
        supply.expected_at === null
          ? null
          : new Date(supply.expected_at).toISOString()
      )
      rest -= served
    }
  }
  if (rest > 0) {
    push(rest, null)
  }
  return { ships_now: shipsNow, later }
}

/** The date by which every unit of a schedule is served; null when some unit has no date. */
export function scheduleCompletedAt(schedule: PromiseSchedule): string | null {
  if (!schedule.later.length) {
    return null
  }
  return schedule.later.some((s) => s.expected_at === null)
    ? null
    : schedule.later[schedule.later.length - 1].expected_at
}

/**
 * The incoming supply left for new orders once the first `waiting` units went to earlier
 * ones, as slices in the order they are handed out.
 */
export function freeIncomingSupply(
  supply: IncomingSupply[],
  waiting: number
): PromiseSlice[] {
  let skip = Math.max(0, waiting)
  const free: PromiseSlice[] = []
  for (const s of sortIncomingSupply(supply)) {
    const skipped = Math.min(skip, s.quantity)
    skip -= skipped
    if (s.quantity > skipped) {
      free.push({
        quantity: s.quantity - skipped,
        expected_at:
          s.expected_at === null ? null : new Date(s.expected_at).toISOString(),
      })
    }
  }
  return free
}
