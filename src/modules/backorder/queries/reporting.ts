import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  BackorderStatus,
  OPEN_BACKORDER_STATUSES,
  WAITING_BACKORDER_STATUSES,
} from "../../../types/enums"
import {
  BACKORDER_CUSTOMER_FIELDS,
  BACKORDER_FILTER_COLUMNS,
  BackorderAggregateFilters,
  BackorderCustomerFields,
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
 * change of every workflow (and every counter row a lock the allocations would queue on);
 * the partial indexes on the open statuses keep the aggregates over the open backorders (a
 * tenth of the table after a few years) instead, and covering ones (`INCLUDE`, replacing
 * the plain indexes they extend, so an allocation's UPDATE maintains no more indexes) let
 * them be answered from the index without reading the table.
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

/** The planner's estimate of the rows a query matches (`EXPLAIN`: no row is read). */
export async function estimateRows(
  knex: Knex,
  query: ReturnType<typeof filteredBackorders>
): Promise<number> {
  const explained = query.clone().select(knex.raw("1")).toSQL()
  const { rows } = (await knex.raw(`EXPLAIN (FORMAT JSON) ${explained.sql}`, [
    ...explained.bindings,
  ])) as { rows: { "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[] }
  return Math.round(rows[0]["QUERY PLAN"][0].Plan["Plan Rows"])
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
  const estimate = await estimateRows(knex, query)
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
 * The backorders matching the filters grouped by supplier, in at most four queries,
 * whatever the number of backorders:
 * - The open ones (a tenth of the table after a few years) counted exactly with their units
 *   waiting, in one pass over their covering partial index.
 * - The history (fulfilled, cancelled: most of the table) counted exactly when the planner
 *   expects at most `EXACT_COUNT_LIMIT` rows, as the list's count. Above that, counting each
 *   supplier's history reads most of the table (about 100 ms at a million), so the suppliers
 *   are counted exactly from the smallest expected up to `EXACT_COUNT_LIMIT` rows in all, and
 *   the larger ones get the planner's estimate (`count_estimated: true`): the filtered
 *   history's estimated rows shared out by each supplier's frequency in the column
 *   statistics, the split PostgreSQL itself would assume. Without statistics (a table never
 *   analyzed) everything is counted exactly.
 */
export async function groupBackordersBySupplier(
  knex: Knex,
  filters: BackorderAggregateFilters
): Promise<SupplierGroup[]> {
  const asked =
    filters.status === undefined
      ? null
      : ([] as string[]).concat(filters.status)
  const admitted = Object.values(BackorderStatus).filter(
    (status) => !asked || asked.includes(status)
  )
  const open = admitted.filter((status) =>
    OPEN_BACKORDER_STATUSES.includes(status)
  )
  const closed = admitted.filter(
    (status) => !OPEN_BACKORDER_STATUSES.includes(status)
  )
  const [openGroups, closedGroups] = await Promise.all([
    open.length
      ? (filteredBackorders(knex, { ...filters, status: open })
          .select("supplier_id")
          .count({ count: "*" })
          .sum({
            waiting_quantity: knex.raw(
              `CASE WHEN status = ANY(?) THEN GREATEST(quantity - allocated_quantity - cancelled_quantity, 0) ELSE 0 END`,
              [WAITING_BACKORDER_STATUSES]
            ),
          })
          .groupBy("supplier_id") as unknown as Promise<
          {
            supplier_id: string | null
            count: string
            waiting_quantity: string
          }[]
        >)
      : Promise.resolve([]),
    closed.length
      ? countHistoryBySupplier(knex, { ...filters, status: closed })
      : Promise.resolve([]),
  ])
  const groups = new Map<string | null, SupplierGroup>()
  for (const row of openGroups) {
    groups.set(row.supplier_id, {
      supplier_id: row.supplier_id,
      count: Number(row.count),
      count_estimated: false,
      waiting_quantity: Number(row.waiting_quantity),
    })
  }
  for (const row of closedGroups) {
    const group = groups.get(row.supplier_id)
    if (group) {
      group.count += row.count
      group.count_estimated ||= row.estimated
    } else if (row.count > 0) {
      groups.set(row.supplier_id, {
        supplier_id: row.supplier_id,
        count: row.count,
        count_estimated: row.estimated,
        waiting_quantity: 0,
      })
    }
  }
  return [...groups.values()]
}

/** The history part of `groupBackordersBySupplier`: exact where cheap, estimated where not. */
async function countHistoryBySupplier(
  knex: Knex,
  filters: BackorderAggregateFilters
): Promise<
  { supplier_id: string | null; count: number; estimated: boolean }[]
> {
  const exactly = async (
    narrow?: (query: ReturnType<typeof filteredBackorders>) => void
  ) => {
    const query = filteredBackorders(knex, filters)
    narrow?.(query)
    const rows = (await query
      .select("supplier_id")
      .count({ count: "*" })
      .groupBy("supplier_id")) as unknown as {
      supplier_id: string | null
      count: string
    }[]
    return rows.map((row) => ({
      supplier_id: row.supplier_id,
      count: Number(row.count),
      estimated: false,
    }))
  }
  const [total, stats, { rows: present }] = await Promise.all([
    estimateRows(knex, filteredBackorders(knex, filters)),
    // The column statistics of `supplier_id` (ANALYZE's sample): its most common values with
    // their frequencies, the share of NULL and the number of distinct values.
    knex("pg_stats")
      .select(
        // `anyarray` has no cast to `text[]` but through its text form.
        knex.raw(
          "CAST(CAST(most_common_vals AS text) AS text[]) AS most_common_vals"
        ),
        "most_common_freqs",
        "null_frac",
        "n_distinct"
      )
      .where({
        schemaname: knex.raw("current_schema()"),
        tablename: "backorder",
        attname: "supplier_id",
      })
      .first() as Promise<
      | {
          most_common_vals: string[] | null
          most_common_freqs: number[] | null
          null_frac: number
          n_distinct: number
        }
      | undefined
    >,
    // Every supplier with backorders: a walk of the `supplier_id` index, one step per
    // supplier.
    knex.raw(
      `WITH RECURSIVE s AS (
       (SELECT supplier_id FROM backorder
         WHERE deleted_at IS NULL AND supplier_id IS NOT NULL
         ORDER BY supplier_id LIMIT 1)
       UNION ALL
       SELECT (SELECT b.supplier_id FROM backorder b
                WHERE b.deleted_at IS NULL AND b.supplier_id > s.supplier_id
                ORDER BY b.supplier_id LIMIT 1)
       FROM s WHERE s.supplier_id IS NOT NULL
     )
     SELECT supplier_id FROM s WHERE supplier_id IS NOT NULL`
    ) as Promise<{ rows: { supplier_id: string }[] }>,
  ])
  if (total <= EXACT_COUNT_LIMIT || !stats) {
    return await exactly()
  }

  const common = new Map(
    (stats.most_common_vals ?? []).map(
      (value, i) => [value, Number(stats.most_common_freqs?.[i] ?? 0)] as const
    )
  )
  const commonShare = [...common.values()].reduce((sum, f) => sum + f, 0)
  const distinct =
    stats.n_distinct < 0
      ? present.length
      : Math.max(stats.n_distinct, present.length)
  const rest = Math.max(distinct - common.size, 1)
  const restShare =
    Math.max(1 - commonShare - Number(stats.null_frac), 0) / rest
  const expected = [
    ...present.map(({ supplier_id }) => ({
      supplier_id: supplier_id as string | null,
      rows: total * (common.get(supplier_id) ?? restShare),
    })),
    { supplier_id: null, rows: total * Number(stats.null_frac) },
  ].sort((a, b) => a.rows - b.rows)

  // The smallest suppliers, up to `EXACT_COUNT_LIMIT` expected rows in all, are counted.
  let budget = EXACT_COUNT_LIMIT
  const counted = new Set<string | null>()
  for (const { supplier_id, rows } of expected) {
    if (rows > budget) {
      break
    }
    budget -= rows
    counted.add(supplier_id)
  }
  // NULL apart: `supplier_id IN (...) OR supplier_id IS NULL` is no index range, and
  // PostgreSQL would read the whole index for it.
  const ids = [...counted].filter((id): id is string => id !== null)
  const exact = (
    await Promise.all([
      ids.length
        ? exactly((query) => query.whereIn("supplier_id", ids))
        : Promise.resolve([]),
      counted.has(null)
        ? exactly((query) => query.whereNull("supplier_id"))
        : Promise.resolve([]),
    ])
  ).flat()
  return [
    ...exact,
    ...expected
      .filter(({ supplier_id }) => !counted.has(supplier_id))
      .map(({ supplier_id, rows }) => ({
        supplier_id,
        count: Math.round(rows),
        estimated: true,
      })),
  ]
}

/**
 * The searchable fields of a `backorder_customer` joined by spaces: the expression its
 * trigram index is built on (Migration20261203162500), so it must stay this exact text.
 */
export const BACKORDER_CUSTOMER_SEARCH_TEXT = `(coalesce(email, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(company_name, '') || ' ' || coalesce(phone, ''))`

/** `%q%` for `ILIKE`, with the text's own `%`, `_` and `\` matching only themselves. */
function containsPattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * Ids of the customers with backorders whose email, name, company or phone contains `q`
 * (at most `limit`): one trigram index scan of `backorder_customer`, where Medusa's own
 * customer search reads every customer of the store (~600 ms at 100,000 under load).
 */
export async function searchBackorderCustomerIds(
  knex: Knex,
  q: string,
  limit: number
): Promise<string[]> {
  const rows: { id: string }[] = await knex("backorder_customer")
    .select("id")
    .whereNull("deleted_at")
    .whereRaw(`${BACKORDER_CUSTOMER_SEARCH_TEXT} ILIKE ?`, [containsPattern(q)])
    .limit(limit)
  return rows.map((row) => row.id)
}

/** Writes (inserts or refreshes) the copies of these customers' searchable fields. */
export async function upsertBackorderCustomers(
  knex: Knex,
  customers: BackorderCustomerFields[]
): Promise<void> {
  if (!customers.length) {
    return
  }
  const fields = BACKORDER_CUSTOMER_FIELDS
  await knex("backorder_customer")
    .insert(
      customers.map((c) => ({
        id: c.id,
        ...Object.fromEntries(fields.map((f) => [f, c[f] ?? null])),
      }))
    )
    .onConflict("id")
    .merge({
      ...Object.fromEntries(fields.map((f) => [f, knex.ref(`excluded.${f}`)])),
      updated_at: knex.fn.now(),
      deleted_at: null,
    })
}

/**
 * Most texts (distinct SKUs and titles) containing the search term the search looks up by
 * equality. Past it (a term of one or two characters, or a word in thousands of titles) the
 * search reads `backorder` itself instead: see `searchBackorderIds`.
 */
export const SEARCH_TEXT_LIMIT = 1000

/**
 * Writes the distinct SKUs and titles of these backorders to `backorder_search_text`, the
 * table the staff search matches the term against. Sorted and in one statement that skips
 * the texts already there, so two transactions recording the same texts take their row
 * locks in the same order and cannot deadlock on them.
 */
export async function insertBackorderSearchTexts(
  knex: Knex,
  backorders: { sku?: string | null; title?: string | null }[]
): Promise<void> {
  const texts = [
    ...new Set(
      backorders.flatMap((b) =>
        [b.sku, b.title].filter((t): t is string => typeof t === "string")
      )
    ),
  ].sort()
  if (!texts.length) {
    return
  }
  await knex.raw(
    `INSERT INTO backorder_search_text (value)
     SELECT unnest(?::text[]) ORDER BY 1
     ON CONFLICT (value) DO NOTHING`,
    [texts]
  )
}

/**
 * A page (ids after `after`, in id order) of the backorders whose state a customer notice
 * announces and which reached it between `since` and `until`: `confirmed`, those created
 * then that still wait, but for those of a to-order sale still being made (the `created_at`
 * index); `ready`, those available now that got
 * units then (the ledger's `created_at` index, so the cost follows the allocations of the
 * window, not every available backorder).
 */
export async function listBackorderIdsToNotify(
  knex: Knex,
  kind: "confirmed" | "ready",
  window: { since: Date; until: Date },
  after: string,
  limit: number
): Promise<string[]> {
  const bindings = {
    since: window.since.toISOString(),
    until: window.until.toISOString(),
    after,
    limit,
    waiting: WAITING_BACKORDER_STATUSES,
  }
  const { rows } = (await knex.raw(
    kind === "confirmed"
      ? // Not the backorders of a to-order sale still being made (its try `pending`): its
        // payment may yet fail and take them back, or the sweep cancel a sale left half
        // made. Few tries are pending at any time, read from their status index.
        `SELECT b.id FROM backorder b
         WHERE b.deleted_at IS NULL AND b.status = ANY(:waiting)
           AND b.created_at >= CAST(:since AS timestamptz)
           AND b.created_at <= CAST(:until AS timestamptz)
           AND b.id > :after
           AND NOT EXISTS (
             SELECT 1 FROM to_order_sale_attempt t
             WHERE t.deleted_at IS NULL AND t.status = 'pending'
               AND t.order_id = b.order_id
           )
         ORDER BY b.id LIMIT :limit`
      : `SELECT b.id FROM backorder b
         WHERE b.deleted_at IS NULL AND b.status = 'available'
           AND b.available_at >= CAST(:since AS timestamptz)
           AND b.available_at <= CAST(:until AS timestamptz)
           AND b.id > :after
           AND b.id IN (
             SELECT a.backorder_id FROM allocation a
             WHERE a.deleted_at IS NULL AND a.quantity > 0
               AND a.created_at >= CAST(:since AS timestamptz)
           )
         ORDER BY b.id LIMIT :limit`,
    bindings
  )) as { rows: { id: string }[] }
  return rows.map((row) => row.id)
}

/**
 * Writes the SKUs and titles of the backorders created since `since` that are missing from
 * `backorder_search_text`, and returns them: the catch-up for backorders recorded without
 * their texts (by a server of an older version still running after the migration that
 * added the table). Reads the window's backorders from the `created_at` index; sorted and
 * skipping texts already there, as `insertBackorderSearchTexts`.
 */
export async function insertMissingBackorderSearchTexts(
  knex: Knex,
  since: Date
): Promise<string[]> {
  const { rows } = (await knex.raw(
    `INSERT INTO backorder_search_text (value)
     SELECT DISTINCT t.value
     FROM backorder b
     CROSS JOIN LATERAL (VALUES (b.sku), (b.title)) AS t(value)
     WHERE b.deleted_at IS NULL AND b.created_at >= CAST(:since AS timestamptz)
       AND t.value IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM backorder_search_text s WHERE s.value = t.value)
     ORDER BY 1
     ON CONFLICT (value) DO NOTHING
     RETURNING value`,
    { since: since.toISOString() }
  )) as { rows: { value: string }[] }
  return rows.map((row) => row.value).sort()
}

/**
 * Ids of the backorders a staff search matches, newest first: SKU or title containing `q`,
 * or one of the given customers or orders. Exact, in two steps:
 *
 * 1. The texts containing `q` among the distinct SKUs and titles (`backorder_search_text`,
 *    a few thousand rows, its trigram index), at most `SEARCH_TEXT_LIMIT` + 1.
 * 2. The backorders whose `sku` or `title` is one of those texts (a text containing `q`
 *    means every backorder with that SKU or title matches), or whose customer or order is
 *    given: `= ANY` on the btree indexes of `sku`, `title`, `customer_id` and `order_id`.
 *
 * Trigram indexes on `backorder` itself served `ILIKE` directly, but SKUs share prefixes,
 * so a SKU term's common trigrams had posting lists of the whole table (52 ms in the index
 * at a million backorders), and every allocation UPDATE wrote into both of them.
 *
 * Past the cap (more than `SEARCH_TEXT_LIMIT` texts contain `q`: a term of one or two
 * characters, or a word in thousands of distinct titles) step 2 would be a list of
 * thousands of keys; the search then runs `sku ILIKE '%q%' OR title ILIKE '%q%'` on
 * `backorder` itself instead, which the planner answers by walking the newest backorders
 * backwards until it has `limit` matches: quick for such a common term (a few thousand
 * rows read), a scan of the table only if those thousands of texts each belong to very
 * few of a million backorders.
 */
export async function searchBackorderIds(
  knex: Knex,
  q: string,
  matches: { customer_ids?: string[]; order_ids?: string[] },
  limit: number
): Promise<string[]> {
  const pattern = containsPattern(q)
  const found: { value: string }[] = await knex("backorder_search_text")
    .select("value")
    .whereILike("value", pattern)
    .limit(SEARCH_TEXT_LIMIT + 1)
  const texts = found.map((row) => row.value)
  const pastCap = texts.length > SEARCH_TEXT_LIMIT
  const customerIds = matches.customer_ids ?? []
  const orderIds = matches.order_ids ?? []
  if (!pastCap && !texts.length && !customerIds.length && !orderIds.length) {
    return []
  }
  const rows: { id: string }[] = await knex("backorder")
    .select("id")
    .whereNull("deleted_at")
    .where((where) => {
      if (pastCap) {
        where.whereILike("sku", pattern).orWhereILike("title", pattern)
      } else if (texts.length) {
        where
          .whereRaw("sku = ANY(?)", [texts])
          .orWhereRaw("title = ANY(?)", [texts])
      }
      if (customerIds.length) {
        where.orWhereRaw("customer_id = ANY(?)", [customerIds])
      }
      if (orderIds.length) {
        where.orWhereRaw("order_id = ANY(?)", [orderIds])
      }
    })
    .orderBy("created_at", "desc")
    .limit(limit)
  return rows.map((row) => row.id)
}

/**
 * The backorder health figures (DOMAIN: open backorders, age, fill rate, deposit liability,
 * late ETAs, backorders with no PO) in four queries: one pass over the open backorders
 * (an index-only scan of their covering partial index) grouped by status and currency and
 * rolled up both ways (by status with the age buckets, late and waiting figures; by
 * currency for the deposits), the fill rate over the last 90 days (index-only scan of the
 * covering `created_at` index), the suppliers' fill rates over their purchase orders sent in
 * the last 90 days (their lines read from a covering index), and the `new` backorders on no
 * purchase order or transfer, draft included (index-only, the open index holds `id`).
 */
export async function summarizeBackorderHealth(
  knex: Knex,
  now: Date
): Promise<BackorderHealth> {
  // bucket_0 .. bucket_3: the open backorders of each age bucket. A backorder is younger
  // than `max + 1` days when it was created after `now` less that many days (in ms, as
  // the age itself): a comparison of timestamps, not an age computed for every row.
  const bounds = AGE_BUCKETS.map((b) =>
    b.max === null
      ? null
      : new Date(now.getTime() - (Number(b.max) + 1) * 86400000).toISOString()
  )
  const bucketCounts = AGE_BUCKETS.map((_, i) => {
    const where = [
      bounds[i] === null
        ? null
        : `created_at > CAST(:bound_${i} AS timestamptz)`,
      i > 0 && bounds[i - 1] !== null
        ? `created_at <= CAST(:bound_${i - 1} AS timestamptz)`
        : null,
    ].filter(Boolean)
    return `count(*) FILTER (WHERE ${where.join(" AND ")}) AS bucket_${i}`
  }).join(", ")
  const boundBindings = Object.fromEntries(
    bounds.flatMap((bound, i) =>
      bound === null ? [] : [[`bound_${i}`, bound]]
    )
  )
  const bucketSums = AGE_BUCKETS.map(
    (_, i) => `SUM(bucket_${i}) AS bucket_${i}`
  ).join(", ")

  const since90Days = new Date(now.getTime() - 90 * 86400000)
  const [open, fill, suppliers, notRequested] = await Promise.all([
    knex.raw(
      // One hashed grouping by status and currency (a few cells), the age buckets counted
      // in it, rolled up both ways over those cells: `GROUPING SETS` sorted the ~100,000
      // rows once per set (spilling to disk at a million backorders), and grouping by the
      // bucket is sorted too (the planner expects as many buckets as `created_at` values).
      // The rows come from the covering index of the open backorders, never the table.
      `WITH cells AS (
         SELECT status, currency_code, count(*) AS count,
                ${bucketCounts},
                SUM(CASE WHEN status = ANY(:waiting)
                         THEN GREATEST(quantity - allocated_quantity - cancelled_quantity, 0)
                         ELSE 0 END) AS waiting_quantity,
                SUM(CASE WHEN status = ANY(:waiting) AND promised_at < CAST(:now AS timestamptz)
                         THEN 1 ELSE 0 END) AS late_count,
                MIN(created_at) AS oldest_open_at,
                SUM(paid_amount - refunded_amount) AS amount
         FROM backorder
         WHERE deleted_at IS NULL AND status = ANY(:open)
         GROUP BY status, currency_code
       )
       SELECT true AS by_status, status, NULL AS currency_code, SUM(count) AS count,
              ${bucketSums}, SUM(waiting_quantity) AS waiting_quantity,
              SUM(late_count) AS late_count, MIN(oldest_open_at) AS oldest_open_at,
              NULL AS amount
       FROM cells GROUP BY status
       UNION ALL
       SELECT false, NULL, currency_code, SUM(count), ${bucketSums}, SUM(waiting_quantity),
              SUM(late_count), MIN(oldest_open_at), SUM(amount)
       FROM cells GROUP BY currency_code`,
      {
        ...boundBindings,
        now: now.toISOString(),
        waiting: WAITING_BACKORDER_STATUSES,
        open: OPEN_BACKORDER_STATUSES,
      }
    ) as Promise<{
      rows: {
        by_status: boolean
        status: string | null
        currency_code: string | null
        [bucket: `bucket_${number}`]: string
        count: string
        waiting_quantity: string
        late_count: string
        oldest_open_at: Date | null
        amount: string
      }[]
    }>,
    knex("backorder")
      .whereNull("deleted_at")
      .where("created_at", ">=", since90Days)
      .first()
      .sum({ wanted: knex.raw("quantity - cancelled_quantity") })
      .sum({ allocated: "allocated_quantity" }) as Promise<{
      wanted: string | null
      allocated: string | null
    }>,
    // Units a completion moved to a follow-up purchase order are counted there, not twice:
    // the follow-ups' units per parent and variant are summed once (follow-ups are few)
    // and joined, instead of a subquery run for every received line. Only the purchase
    // orders sent in the last 90 days count, as for the backorders' own fill rate: how a
    // supplier delivers now, and a few of the history's lines (read from the covering
    // `IDX_purchase_order_line_order_cover`) instead of every line ever ordered.
    knex("purchase_order_line as l")
      .join("purchase_order as po", "po.id", "l.purchase_order_id")
      .leftJoin(
        knex("purchase_order_line as fl")
          .join("purchase_order as f", "f.id", "fl.purchase_order_id")
          .whereNotNull("f.parent_id")
          .whereNull("f.deleted_at")
          .whereNull("fl.deleted_at")
          .select("f.parent_id", "fl.variant_id")
          .sum({ quantity: "fl.quantity" })
          .groupBy("f.parent_id", "fl.variant_id")
          .as("fu"),
        (on) =>
          on.on("fu.parent_id", "po.id").andOn("fu.variant_id", "l.variant_id")
      )
      .whereNull("l.deleted_at")
      .whereNull("po.deleted_at")
      .whereIn("po.status", ["partially_received", "received", "closed"])
      .where("po.ordered_at", ">=", since90Days)
      .select("po.supplier_id")
      .sum({
        ordered_quantity: knex.raw("l.quantity - COALESCE(fu.quantity, 0)"),
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
    AGE_BUCKETS.forEach(({ bucket }, i) => {
      const cell = ageBuckets.find(
        (b) => b.bucket === bucket && b.status === row.status
      )
      if (cell) {
        cell.count = Number(row[`bucket_${i}`])
      }
    })
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
