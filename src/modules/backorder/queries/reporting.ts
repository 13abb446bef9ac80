import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  BackorderStatus,
  OPEN_BACKORDER_STATUSES,
  WAITING_BACKORDER_STATUSES,
} from "../../../types/enums"
import {
  BACKORDER_FILTER_COLUMNS,
  BackorderAggregateFilters,
  BackorderHealth,
  BackorderListCount,
  DateRange,
  StockPair,
  StockSummaryRow,
  SupplierGroup,
  stockPairKey,
} from "../../../types/backorder-module"

/**
 * The reads behind the dashboard's figures (tab counts, list count, supplier groups, search,
 * health, stock summary), each a constant number of aggregate queries served by the
 * backorder indexes, whatever the number of backorders. Why one pass and not maintained
 * counters: every figure depends on the staff's filters or on the clock (age, late), so a
 * counter table would hold only the unfiltered figures and need a write on every status
 * change of every workflow; the partial indexes on the open statuses keep the aggregates
 * over the open backorders (a tenth of the table after a few years) instead.
 */

export type Knex = ReturnType<SqlEntityManager["getKnex"]>

/** Age buckets of the health page, in days since the backorder was created. */
export const AGE_BUCKETS = [
  { bucket: "0-7", max: 7 },
  { bucket: "8-14", max: 14 },
  { bucket: "15-30", max: 30 },
  { bucket: "31+", max: null },
] as const

/**
 * Up to this many matching rows the list and the tabs count exactly (an index scan of a few
 * milliseconds); above it the planner's estimate is answered and flagged as one.
 */
export const EXACT_COUNT_LIMIT = 50_000

/** The backorders the filters match (not deleted), as a query to add selects to. */
export function filteredBackorders(
  knex: Knex,
  filters: BackorderAggregateFilters
) {
  const query = knex("backorder").whereNull("deleted_at")
  const { created_at, updated_at, promised_at, ...columns } = filters
  for (const [column, value] of Object.entries(columns)) {
    if (
      value === undefined ||
      !(BACKORDER_FILTER_COLUMNS as readonly string[]).includes(column)
    ) {
      continue
    }
    if (typeof value === "object" && !Array.isArray(value)) {
      query.whereNotIn(column, value.$nin)
    } else {
      query.whereIn(column, ([] as string[]).concat(value))
    }
  }
  const operators = { $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" } as const
  for (const [column, range] of Object.entries({
    created_at,
    updated_at,
    promised_at,
  })) {
    for (const [operator, sql] of Object.entries(operators)) {
      const value = range?.[operator as keyof DateRange]
      if (value !== undefined) {
        query.where(column, sql, new Date(value))
      }
    }
  }
  return query
}

/** Ids of the backorders on a draft purchase order or draft transfer, as a subquery. */
const IN_DRAFT_SQL = `SELECT lb.backorder_id
       FROM purchase_order_line_backorder lb
       JOIN purchase_order_line l ON l.id = lb.purchase_order_line_id AND l.deleted_at IS NULL
       JOIN purchase_order po ON po.id = l.purchase_order_id AND po.deleted_at IS NULL
      WHERE lb.deleted_at IS NULL AND po.status = 'draft'
     UNION
     SELECT tb.backorder_id
       FROM transfer_line_backorder tb
       JOIN transfer_line tl ON tl.id = tb.transfer_line_id AND tl.deleted_at IS NULL
       JOIN transfer t ON t.id = tl.transfer_id AND t.deleted_at IS NULL
      WHERE tb.deleted_at IS NULL AND t.status = 'draft'`

/**
 * The backorders on a draft purchase order or a draft transfer: requested, but not yet sent
 * to anyone (their status is still `new`). Drafts are the few orders being put together, so
 * this is a short list, read through the link tables' `backorder_id` indexes.
 */
export async function listBackorderIdsInDraft(knex: Knex): Promise<string[]> {
  const { rows } = (await knex.raw(`${IN_DRAFT_SQL} ORDER BY 1`)) as {
    rows: { backorder_id: string }[]
  }
  return rows.map((row) => row.backorder_id)
}

/**
 * How many rows a query matches: the planner's estimate (`EXPLAIN`, no rows read) and, when
 * that is at most `EXACT_COUNT_LIMIT`, an exact `count(*)`. A count over most of a million
 * rows reads them all (~100 ms and more); the estimate comes from the table statistics.
 */
export async function countRows(
  knex: Knex,
  query: ReturnType<typeof filteredBackorders>
): Promise<BackorderListCount> {
  const explained = query.clone().select(knex.raw("1")).toSQL()
  const { rows } = (await knex.raw(`EXPLAIN (FORMAT JSON) ${explained.sql}`, [
    ...explained.bindings,
  ])) as { rows: { "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[] }
  const estimate = Math.round(rows[0]["QUERY PLAN"][0].Plan["Plan Rows"])
  if (estimate > EXACT_COUNT_LIMIT) {
    return { count: estimate, estimated: true }
  }
  const exact = (await query.clone().count({ count: "*" }).first()) as {
    count: string
  }
  return { count: Number(exact.count), estimated: false }
}

/**
 * How many backorders match the filters in each status (the status filter itself ignored).
 * One grouped count over the open statuses (served by their partial index); each closed
 * status (fulfilled, cancelled: the history, most of the table) counted exactly when
 * small, estimated when not. Constant: 1 + 2 x 2 queries at most.
 */
export async function countBackordersByStatus(
  knex: Knex,
  filters: BackorderAggregateFilters
): Promise<{
  counts: Record<BackorderStatus, number>
  estimated: BackorderStatus[]
}> {
  const { status: _status, ...rest } = filters
  const closed = Object.values(BackorderStatus).filter(
    (status) => !OPEN_BACKORDER_STATUSES.includes(status)
  )
  const [open, ...closedCounts] = await Promise.all([
    filteredBackorders(knex, rest)
      .whereIn("status", OPEN_BACKORDER_STATUSES)
      .select("status")
      .count({ count: "*" })
      .groupBy("status") as Promise<
      { status: BackorderStatus; count: string }[]
    >,
    ...closed.map((status) =>
      countRows(knex, filteredBackorders(knex, { ...rest, status }))
    ),
  ])
  const counts = Object.fromEntries(
    Object.values(BackorderStatus).map((status) => [status, 0])
  ) as Record<BackorderStatus, number>
  for (const row of open) {
    counts[row.status] = Number(row.count)
  }
  const estimated: BackorderStatus[] = []
  closed.forEach((status, i) => {
    counts[status] = closedCounts[i].count
    if (closedCounts[i].estimated) {
      estimated.push(status)
    }
  })
  return { counts, estimated }
}

/**
 * The backorders matching the filters grouped by supplier, in two queries: the counts (an
 * index-only scan of `supplier_id` + `status` when the filters allow, history included),
 * and the units waiting, which only waiting backorders have (their partial index), so the
 * history's rows are never read from the table.
 */
export async function groupBackordersBySupplier(
  knex: Knex,
  filters: BackorderAggregateFilters
): Promise<SupplierGroup[]> {
  const asked =
    filters.status === undefined
      ? null
      : ([] as string[]).concat(filters.status)
  const waitingStatuses = WAITING_BACKORDER_STATUSES.filter(
    (status) => !asked || asked.includes(status)
  )
  const [counts, waiting] = await Promise.all([
    filteredBackorders(knex, filters)
      .select("supplier_id")
      .count({ count: "*" })
      .groupBy("supplier_id") as unknown as Promise<
      { supplier_id: string | null; count: string }[]
    >,
    waitingStatuses.length
      ? (filteredBackorders(knex, { ...filters, status: waitingStatuses })
          .select("supplier_id")
          .sum({
            waiting_quantity: knex.raw(
              "GREATEST(quantity - allocated_quantity - cancelled_quantity, 0)"
            ),
          })
          .groupBy("supplier_id") as unknown as Promise<
          { supplier_id: string | null; waiting_quantity: string }[]
        >)
      : Promise.resolve([]),
  ])
  const waitingBySupplier = new Map(
    waiting.map((row) => [row.supplier_id, Number(row.waiting_quantity)])
  )
  return counts.map((row) => ({
    supplier_id: row.supplier_id,
    count: Number(row.count),
    waiting_quantity: waitingBySupplier.get(row.supplier_id) ?? 0,
  }))
}

/**
 * Ids of the backorders a staff search matches, newest first. `ILIKE '%q%'` on `sku` and
 * `title` is served by their trigram GIN indexes (the hand-written migration), the customer
 * and order ids by their btree indexes: PostgreSQL ORs the four bitmaps instead of reading
 * the table. Terms shorter than three characters have no trigram and scan.
 */
export async function searchBackorderIds(
  knex: Knex,
  q: string,
  matches: { customer_ids?: string[]; order_ids?: string[] },
  limit: number
): Promise<string[]> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const rows: { id: string }[] = await knex("backorder")
    .select("id")
    .whereNull("deleted_at")
    .where((where) => {
      where.whereILike("sku", pattern).orWhereILike("title", pattern)
      if (matches.customer_ids?.length) {
        where.orWhereIn("customer_id", matches.customer_ids)
      }
      if (matches.order_ids?.length) {
        where.orWhereIn("order_id", matches.order_ids)
      }
    })
    .orderBy("created_at", "desc")
    .limit(limit)
  return rows.map((row) => row.id)
}

/**
 * The backorder health figures (DOMAIN: open backorders, age, fill rate, deposit liability,
 * late ETAs, backorders with no PO) in four queries: one pass over the open backorders
 * (their partial index) grouped two ways at once (`GROUPING SETS`: by status and age
 * bucket for the counts, late and waiting figures; by currency for the deposits), the fill
 * rate over the last 90 days (created_at index), the suppliers' fill rates, and the `new`
 * backorders on no purchase order or transfer, draft included.
 */
export async function summarizeBackorderHealth(
  knex: Knex,
  now: Date
): Promise<BackorderHealth> {
  const bucketCase = `CASE ${AGE_BUCKETS.filter((b) => b.max !== null)
    .map(
      (b) =>
        `WHEN EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - created_at)) / 86400 < ${Number(b.max) + 1} THEN '${b.bucket}'`
    )
    .join(" ")} ELSE '${AGE_BUCKETS[AGE_BUCKETS.length - 1].bucket}' END`

  const [open, fill, suppliers, notRequested] = await Promise.all([
    knex.raw(
      `SELECT GROUPING(b.currency_code) = 1 AS by_status, b.status, b.bucket,
              b.currency_code, count(*) AS count,
              SUM(CASE WHEN b.status = ANY(:waiting)
                       THEN GREATEST(b.quantity - b.allocated_quantity - b.cancelled_quantity, 0)
                       ELSE 0 END) AS waiting_quantity,
              SUM(CASE WHEN b.status = ANY(:waiting) AND b.promised_at < CAST(:now AS timestamptz)
                       THEN 1 ELSE 0 END) AS late_count,
              MIN(b.created_at) AS oldest_open_at,
              SUM(b.paid_amount - b.refunded_amount) AS amount
       FROM (
         SELECT status, currency_code, quantity, allocated_quantity, cancelled_quantity,
                promised_at, created_at, paid_amount, refunded_amount,
                ${bucketCase} AS bucket
         FROM backorder
         WHERE deleted_at IS NULL AND status = ANY(:open)
       ) b
       GROUP BY GROUPING SETS ((b.status, b.bucket), (b.currency_code))`,
      {
        now: now.toISOString(),
        waiting: WAITING_BACKORDER_STATUSES,
        open: OPEN_BACKORDER_STATUSES,
      }
    ) as Promise<{
      rows: {
        by_status: boolean
        status: string | null
        bucket: string | null
        currency_code: string | null
        count: string
        waiting_quantity: string
        late_count: string
        oldest_open_at: Date | null
        amount: string
      }[]
    }>,
    knex("backorder")
      .whereNull("deleted_at")
      .where("created_at", ">=", new Date(now.getTime() - 90 * 86400000))
      .first()
      .sum({ wanted: knex.raw("quantity - cancelled_quantity") })
      .sum({ allocated: "allocated_quantity" }) as Promise<{
      wanted: string | null
      allocated: string | null
    }>,
    knex("purchase_order_line as l")
      .join("purchase_order as po", "po.id", "l.purchase_order_id")
      .whereNull("l.deleted_at")
      .whereNull("po.deleted_at")
      .whereIn("po.status", ["partially_received", "received", "closed"])
      .select("po.supplier_id")
      // Units a completion moved to a follow-up purchase order are counted there, not twice.
      .sum({
        ordered_quantity: knex.raw(
          `l.quantity - COALESCE((
            SELECT SUM(fl.quantity) FROM purchase_order_line fl
            JOIN purchase_order f ON f.id = fl.purchase_order_id
            WHERE f.parent_id = po.id AND fl.variant_id = l.variant_id
              AND f.deleted_at IS NULL AND fl.deleted_at IS NULL), 0)`
        ),
      })
      .sum({ received_quantity: "l.received_quantity" })
      .groupBy("po.supplier_id")
      .orderBy("po.supplier_id") as unknown as Promise<
      {
        supplier_id: string
        ordered_quantity: string
        received_quantity: string
      }[]
    >,
    knex("backorder")
      .whereNull("deleted_at")
      .where("status", BackorderStatus.NEW)
      .whereRaw(`id NOT IN (${IN_DRAFT_SQL})`)
      .count({ count: "*" })
      .first() as Promise<{ count: string }>,
  ])

  const openByStatus = Object.fromEntries(
    OPEN_BACKORDER_STATUSES.map((status) => [status, 0])
  )
  const ageBuckets = AGE_BUCKETS.flatMap(({ bucket }) =>
    OPEN_BACKORDER_STATUSES.map((status) => ({ bucket, status, count: 0 }))
  )
  let openCount = 0
  let waitingQuantity = 0
  let lateCount = 0
  let oldestOpenAt: Date | null = null
  const deposits: { currency_code: string; amount: number }[] = []
  for (const row of open.rows) {
    if (!row.by_status) {
      if (row.currency_code !== null && Number(row.amount) > 0) {
        deposits.push({
          currency_code: row.currency_code,
          amount: Number(row.amount),
        })
      }
      continue
    }
    const count = Number(row.count)
    openByStatus[row.status!] += count
    const cell = ageBuckets.find(
      (b) => b.bucket === row.bucket && b.status === row.status
    )
    if (cell) {
      cell.count = count
    }
    openCount += count
    waitingQuantity += Number(row.waiting_quantity)
    lateCount += Number(row.late_count)
    const oldest = row.oldest_open_at ? new Date(row.oldest_open_at) : null
    if (oldest && (!oldestOpenAt || oldest < oldestOpenAt)) {
      oldestOpenAt = oldest
    }
  }
  deposits.sort((a, b) => a.currency_code.localeCompare(b.currency_code))
  const wanted = Number(fill?.wanted ?? 0)
  return {
    open_by_status: openByStatus,
    age_buckets: ageBuckets,
    open_count: openCount,
    waiting_quantity: waitingQuantity,
    late_count: lateCount,
    without_purchase_order_count: Number(notRequested?.count ?? 0),
    oldest_open_at: oldestOpenAt,
    deposits_held: deposits,
    fill_rate: wanted > 0 ? roundRate(Number(fill.allocated) / wanted) : null,
    supplier_fill_rates: suppliers.map((row) => ({
      supplier_id: row.supplier_id,
      ordered_quantity: Number(row.ordered_quantity),
      received_quantity: Number(row.received_quantity),
      fill_rate: roundRate(
        Number(row.received_quantity) / Number(row.ordered_quantity)
      ),
    })),
  }
}

/**
 * Per location, what the inventory items have backordered, allocated and incoming, and the
 * next expected date of a purchase order bringing them: two aggregate queries.
 */
export async function summarizeStock(
  knex: Knex,
  inventoryItemIds: string[]
): Promise<StockSummaryRow[]> {
  const [backorders, incoming] = await Promise.all([
    knex("backorder")
      .whereNull("deleted_at")
      .whereIn("status", OPEN_BACKORDER_STATUSES)
      .whereIn("inventory_item_id", inventoryItemIds)
      .select("inventory_item_id", "location_id")
      .count({ open_backorders: "*" })
      .sum({
        waiting_quantity: knex.raw(
          "GREATEST(quantity - allocated_quantity - cancelled_quantity, 0)"
        ),
      })
      .sum({
        allocated_quantity: knex.raw(
          "GREATEST(allocated_quantity - fulfilled_quantity, 0)"
        ),
      })
      .groupBy("inventory_item_id", "location_id"),
    knex("purchase_order_line as l")
      .join("purchase_order as po", "po.id", "l.purchase_order_id")
      .whereNull("l.deleted_at")
      .whereNull("po.deleted_at")
      .whereIn("po.status", ["ordered", "partially_received"])
      .where("po.is_dropship", false)
      .whereIn("l.inventory_item_id", inventoryItemIds)
      .select("l.inventory_item_id", "po.location_id")
      .sum({
        incoming_quantity: knex.raw(
          "GREATEST(l.quantity - l.received_quantity - l.cancelled_quantity, 0)"
        ),
      })
      .min({ next_expected_at: "po.expected_at" })
      .groupBy("l.inventory_item_id", "po.location_id"),
  ])
  const rows = new Map<string, StockSummaryRow>()
  const row = (pair: StockPair) => {
    const key = stockPairKey(pair)
    if (!rows.has(key)) {
      rows.set(key, {
        inventory_item_id: pair.inventory_item_id,
        location_id: pair.location_id,
        open_backorders: 0,
        waiting_quantity: 0,
        allocated_quantity: 0,
        incoming_quantity: 0,
        next_expected_at: null,
      })
    }
    return rows.get(key)!
  }
  for (const b of backorders as Record<string, string>[]) {
    const r = row(b as unknown as StockPair)
    r.open_backorders = Number(b.open_backorders)
    r.waiting_quantity = Number(b.waiting_quantity)
    r.allocated_quantity = Number(b.allocated_quantity)
  }
  for (const i of incoming as Record<string, string | Date | null>[]) {
    if (!i.location_id || Number(i.incoming_quantity) <= 0) {
      continue
    }
    const r = row(i as unknown as StockPair)
    r.incoming_quantity = Number(i.incoming_quantity)
    r.next_expected_at = i.next_expected_at
      ? new Date(i.next_expected_at)
      : null
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.inventory_item_id.localeCompare(b.inventory_item_id) ||
      a.location_id.localeCompare(b.location_id)
  )
}

/** A share rounded to four places (0.8333). */
function roundRate(rate: number) {
  return Math.round(rate * 10000) / 10000
}

/** See `listUnmarkedLateBackorderIds`. */
export async function unmarkedLateBackorderIds(
  knex: Knex,
  now: Date,
  limit: number
): Promise<string[]> {
  const rows: { id: string }[] = await knex("backorder")
    .select("id")
    .whereNull("deleted_at")
    .whereIn("status", WAITING_BACKORDER_STATUSES)
    .where("promised_at", "<", now)
    .whereRaw("late_promised_at IS DISTINCT FROM promised_at")
    .orderBy([
      { column: "promised_at", order: "asc" },
      { column: "id", order: "asc" },
    ])
    .limit(limit)
  return rows.map((row) => row.id)
}
