import { randomBytes } from "node:crypto"
import {
  AllocationPolicy,
  AllocationRule,
  BackorderStatus,
  WAITING_BACKORDER_STATUSES,
} from "../../../types/enums"
import {
  AllocateStockInput,
  StockAllocation,
  StockPair,
} from "../../../types/backorder-module"
import type { Knex } from "./reporting"

/**
 * Hands units that arrived at a location to the waiting backorders of one inventory item,
 * set-based, in one statement whatever the number of backorders waiting: it reads the queue
 * up to the units handed out, updates those backorders and writes their ledger rows, and
 * returns what it did. The caller holds the Locking module lock on the inventory item id, so
 * the queue cannot change under it.
 *
 * Why the SQL works:
 * - The queue is ordered (linked to the arriving purchase order or transfer first, then the policy,
 *   ties by age and id, so the order is total and repeatable). `SUM(waiting) OVER (ORDER
 *   BY ...)` is the running total of units wanted up to and including each backorder, so
 *   `running - waiting` is what the backorders before it take. A backorder gets units when
 *   that is below the quantity, and takes `LEAST(waiting, quantity - (running - waiting))`:
 *   all it waits for, or what is left for the last one served. The backorders after it are
 *   cut by the `WHERE`, so the rows read back are exactly the ones that get units.
 * - `served` is `MATERIALIZED`: computed once, and the `UPDATE` and the ledger `INSERT`
 *   (data-modifying `WITH` parts, which PostgreSQL runs to completion whether or not the
 *   final `SELECT` reads them) both work from that one result. All parts see the snapshot
 *   taken before the statement, so `served` shows each backorder as it was: the state a
 *   rollback puts back (`previous_*`).
 * - The status follows `nextStatus` (`utils/status.ts`): every row served gets units, so it
 *   is `available` when its allocated units reach what it wants (quantity less cancelled),
 *   else `partially_available`.
 * - With no purchase order, `:purchase_order_id` is `""`, a sentinel no id equals (ids are
 *   prefixed `po_...`), so `linked` is false for every row (the same for `:transfer_id`); `NULL` would make `=` unknown
 *   inside `EXISTS`, which works too but hides the intent.
 * - `allocated_quantity` and `quantity` are DML `bigNumber` columns: each has a numeric
 *   column and a `raw_*` jsonb twin (`{"value": "12", "precision": 20}`) that Medusa reads
 *   back as the exact value. A raw SQL write must set both, so the `raw_*` JSON is built
 *   in SQL from the same sum (`jsonb_build_object('value', CAST(... AS text), 'precision',
 *   20)`), exactly the shape MikroORM writes.
 * - Ledger ids are Medusa's shape (`alloc_` and 26 Crockford base-32 characters): the time
 *   and ten random characters made once (`allocationIdPrefix`), then the row's place in the
 *   queue in six characters, so the ids of one allocation are distinct and sort in the order
 *   the units were handed out. Each row's `created_at` is one microsecond after the previous
 *   one, so the ledger keeps that order too.
 * - Nothing travels per row in either direction but the rows returned: no bind parameter
 *   grows with the queue (a VALUES list would outgrow PostgreSQL's 65,535).
 */
export async function allocateStock(
  knex: Knex,
  policy: AllocationPolicy,
  input: AllocateStockInput
): Promise<StockAllocation[]> {
  if (input.quantity <= 0) {
    return []
  }
  const policyOrder = {
    [AllocationPolicy.FIFO]: "created_at ASC, id ASC",
    [AllocationPolicy.PRIORITY]: "priority DESC, created_at ASC, id ASC",
    [AllocationPolicy.DEPOSIT_FIRST]:
      "(paid_amount > 0) DESC, created_at ASC, id ASC",
  }[policy]
  // The rule and reason of a backorder served for its place in the policy (not linked).
  const policyRule = {
    [AllocationPolicy.FIFO]: `'${AllocationRule.FIFO}'`,
    [AllocationPolicy.PRIORITY]: `'${AllocationRule.PRIORITY}'`,
    [AllocationPolicy.DEPOSIT_FIRST]: `CASE WHEN paid_amount > 0 THEN '${AllocationRule.DEPOSIT_FIRST}' ELSE '${AllocationRule.FIFO}' END`,
  }[policy]
  const policyReason = {
    [AllocationPolicy.FIFO]: `'oldest order'`,
    [AllocationPolicy.PRIORITY]: `'priority ' || priority`,
    [AllocationPolicy.DEPOSIT_FIRST]: `CASE WHEN paid_amount > 0 THEN 'deposit paid' ELSE 'oldest order' END`,
  }[policy]
  const linked = input.transfer_id
    ? {
        rule: AllocationRule.LINKED_TRANSFER,
        reason: `linked to ${input.transfer_number ?? input.transfer_id}`,
      }
    : {
        rule: AllocationRule.LINKED_PURCHASE_ORDER,
        reason: `linked to ${input.purchase_order_number ?? input.purchase_order_id}`,
      }
  const now = new Date()

  const { rows } = (await knex.raw(
    `WITH queue AS (
       SELECT b.id, b.status, b.allocated_quantity, b.available_at, b.priority,
              b.paid_amount, b.created_at,
              b.quantity - b.allocated_quantity - b.cancelled_quantity AS waiting,
              b.quantity - b.cancelled_quantity AS wanted,
              (EXISTS (
                SELECT 1 FROM purchase_order_line_backorder l
                JOIN purchase_order_line pl ON pl.id = l.purchase_order_line_id
                WHERE l.backorder_id = b.id AND pl.purchase_order_id = :purchase_order_id
                  AND l.deleted_at IS NULL AND pl.deleted_at IS NULL
              ) OR EXISTS (
                SELECT 1 FROM transfer_line_backorder tl
                JOIN transfer_line t ON t.id = tl.transfer_line_id
                WHERE tl.backorder_id = b.id AND t.transfer_id = :transfer_id
                  AND tl.deleted_at IS NULL AND t.deleted_at IS NULL
              )) AS linked
       FROM backorder b
       WHERE b.deleted_at IS NULL
         AND b.inventory_item_id = :inventory_item_id
         AND b.location_id = :location_id
         AND b.status = ANY(:statuses)
         AND b.quantity - b.allocated_quantity - b.cancelled_quantity > 0
     ), ordered AS (
       SELECT *,
              SUM(waiting) OVER (ORDER BY linked DESC, ${policyOrder}) AS running,
              row_number() OVER (ORDER BY linked DESC, ${policyOrder}) AS ord
       FROM queue
     ), taken AS (
       SELECT *, LEAST(waiting, :quantity - (running - waiting)) AS take
       FROM ordered
       WHERE running - waiting < :quantity
     ), served AS MATERIALIZED (
       SELECT id AS backorder_id, ord, take,
              status AS previous_status,
              allocated_quantity AS previous_allocated_quantity,
              available_at AS previous_available_at,
              CASE WHEN allocated_quantity + take >= wanted THEN :available
                   ELSE :partially_available END AS status,
              CASE WHEN linked THEN :linked_rule ELSE ${policyRule} END AS rule,
              CASE WHEN linked THEN :linked_reason ELSE ${policyReason} END AS reason,
              :id_prefix
                || substr(:alphabet, CAST((ord >> 25) & 31 AS int) + 1, 1)
                || substr(:alphabet, CAST((ord >> 20) & 31 AS int) + 1, 1)
                || substr(:alphabet, CAST((ord >> 15) & 31 AS int) + 1, 1)
                || substr(:alphabet, CAST((ord >> 10) & 31 AS int) + 1, 1)
                || substr(:alphabet, CAST((ord >> 5) & 31 AS int) + 1, 1)
                || substr(:alphabet, CAST(ord & 31 AS int) + 1, 1) AS allocation_id
       FROM taken
     ), updated AS (
       UPDATE backorder AS b
       SET allocated_quantity = b.allocated_quantity + s.take,
           raw_allocated_quantity = jsonb_build_object(
             'value', CAST(b.allocated_quantity + s.take AS text), 'precision', 20),
           status = s.status,
           available_at = CASE WHEN s.status = :available THEN CAST(:now AS timestamptz)
                               ELSE b.available_at END,
           updated_at = CAST(:now AS timestamptz)
       FROM served s
       WHERE b.id = s.backorder_id
     ), ledger AS (
       INSERT INTO allocation (id, backorder_id, inventory_item_id, location_id, quantity,
         raw_quantity, source, rule, reason, purchase_order_id, purchase_order_line_id,
         receipt_id, receipt_line_id, transfer_id, transfer_receipt_id, created_by,
         created_at, updated_at)
       SELECT s.allocation_id, s.backorder_id, :inventory_item_id, :location_id, s.take,
              jsonb_build_object('value', CAST(s.take AS text), 'precision', 20),
              :source, s.rule, s.reason, :ledger_purchase_order_id, :purchase_order_line_id,
              :receipt_id, :receipt_line_id, :ledger_transfer_id, :transfer_receipt_id,
              :created_by,
              CAST(:now AS timestamptz) + s.ord * interval '1 microsecond',
              CAST(:now AS timestamptz) + s.ord * interval '1 microsecond'
       FROM served s
     )
     SELECT allocation_id, backorder_id, take, rule, reason, status, previous_status,
            previous_allocated_quantity, previous_available_at
     FROM served
     ORDER BY ord`,
    {
      purchase_order_id: input.purchase_order_id ?? "",
      transfer_id: input.transfer_id ?? "",
      inventory_item_id: input.inventory_item_id,
      location_id: input.location_id,
      statuses: WAITING_BACKORDER_STATUSES,
      quantity: input.quantity,
      available: BackorderStatus.AVAILABLE,
      partially_available: BackorderStatus.PARTIALLY_AVAILABLE,
      linked_rule: linked.rule,
      linked_reason: linked.reason,
      id_prefix: allocationIdPrefix(now),
      alphabet: CROCKFORD,
      now: now.toISOString(),
      source: input.source,
      ledger_purchase_order_id: input.purchase_order_id ?? null,
      purchase_order_line_id: input.purchase_order_line_id ?? null,
      receipt_id: input.receipt_id ?? null,
      receipt_line_id: input.receipt_line_id ?? null,
      ledger_transfer_id: input.transfer_id ?? null,
      transfer_receipt_id: input.transfer_receipt_id ?? null,
      created_by: input.created_by ?? null,
    }
  )) as {
    rows: {
      allocation_id: string
      backorder_id: string
      take: string
      rule: AllocationRule
      reason: string
      status: BackorderStatus
      previous_status: BackorderStatus
      previous_allocated_quantity: string
      previous_available_at: Date | null
    }[]
  }
  return rows.map((row) => ({
    allocation_id: row.allocation_id,
    backorder_id: row.backorder_id,
    quantity: Number(row.take),
    rule: row.rule,
    reason: row.reason,
    previous: {
      status: row.previous_status,
      allocated_quantity: Number(row.previous_allocated_quantity),
      available_at: row.previous_available_at,
    },
    status: row.status,
  }))
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * The first 20 of the 26 characters of the ledger ids of one allocation, shaped as Medusa's
 * `generateEntityId(undefined, "alloc")` makes them (`alloc_` and a ULID: 10 characters of
 * time, then random ones): the time and ten random characters (50 bits), read once. The
 * allocation's SQL adds each row's place in six characters. Medusa's ULID asks the system
 * for random bytes once per character: 160,000 calls for a receipt of 10,000 backorders,
 * which was most of its time in JavaScript.
 */
export function allocationIdPrefix(at = new Date()): string {
  let time = ""
  for (let ms = at.getTime(), i = 0; i < 10; i++, ms = Math.floor(ms / 32)) {
    time = CROCKFORD[ms % 32] + time
  }
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  let random = ""
  for (const byte of randomBytes(10)) {
    random += CROCKFORD[byte & 31]
  }
  return `alloc_${time}${random}`
}

/**
 * Undoes `allocateStock`: puts the backorders back as they were and removes the ledger
 * rows, set-based.
 */
export async function revertStockAllocations(
  knex: Knex,
  allocations: StockAllocation[]
): Promise<void> {
  if (!allocations.length) {
    return
  }
  await knex.raw(`DELETE FROM allocation WHERE id = ANY(:ids)`, {
    ids: allocations.map((a) => a.allocation_id),
  })
  await knex.raw(
    `UPDATE backorder AS b
     SET allocated_quantity = b.allocated_quantity - v.take,
         raw_allocated_quantity = jsonb_build_object(
           'value', CAST(b.allocated_quantity - v.take AS text), 'precision', 20),
         status = v.status,
         available_at = v.available_at,
         updated_at = now()
     FROM jsonb_to_recordset(CAST(:values AS jsonb))
       AS v(id text, take numeric, status text, available_at timestamptz)
     WHERE b.id = v.id`,
    {
      values: JSON.stringify(
        allocations.map((a) => ({
          id: a.backorder_id,
          take: a.quantity,
          status: a.previous.status,
          available_at: a.previous.available_at,
        }))
      ),
    }
  )
}

/** Units still waiting per pair (only the given pairs, or every pair where some wait). */
export async function waitingByPair(
  knex: Knex,
  pairs: StockPair[] | null
): Promise<(StockPair & { waiting: number })[]> {
  const waiting = "quantity - allocated_quantity - cancelled_quantity"
  const query = knex("backorder")
    .select("inventory_item_id", "location_id")
    .sum({ waiting: knex.raw(waiting) })
    .whereNull("deleted_at")
    .whereIn("status", WAITING_BACKORDER_STATUSES)
    .groupBy("inventory_item_id", "location_id")
  if (pairs) {
    query.whereIn(
      ["inventory_item_id", "location_id"],
      pairs.map((p) => [p.inventory_item_id, p.location_id])
    )
  } else {
    query.havingRaw(`sum(${waiting}) > 0`)
  }
  const rows = (await query) as unknown as {
    inventory_item_id: string
    location_id: string
    waiting: string
  }[]
  return rows.map((row) => ({
    inventory_item_id: row.inventory_item_id,
    location_id: row.location_id,
    waiting: Number(row.waiting),
  }))
}
