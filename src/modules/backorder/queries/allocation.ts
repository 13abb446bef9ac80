import { generateEntityId } from "@medusajs/framework/utils"
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
import { nextStatus } from "../utils/status"
import type { Knex } from "./reporting"

/**
 * Hands units that arrived at a location to the waiting backorders of one inventory item,
 * set-based: three statements whatever the number of backorders waiting (read the queue up
 * to the units handed out, update those backorders, write their ledger rows). The caller
 * holds the Locking module lock on the inventory item id, so the queue cannot change under
 * it.
 *
 * Why the SQL works:
 * - The queue is ordered (linked to the arriving purchase order or transfer first, then the policy,
 *   ties by age and id, so the order is total and repeatable). `SUM(waiting) OVER (ORDER
 *   BY ...)` is the running total of units wanted up to and including each backorder, so
 *   `running - waiting` is what the backorders before it take. A backorder gets units when
 *   that is below the quantity, and takes `LEAST(waiting, quantity - (running - waiting))`:
 *   all it waits for, or what is left for the last one served. The backorders after it are
 *   cut by the `WHERE`, so the rows read back are exactly the ones that get units.
 * - With no purchase order, `:purchase_order_id` is `""`, a sentinel no id equals (ids are
 *   prefixed `po_...`), so `linked` is false for every row (the same for `:transfer_id`); `NULL` would make `=` unknown
 *   inside `EXISTS`, which works too but hides the intent.
 * - `allocated_quantity` and `quantity` are DML `bigNumber` columns: each has a numeric
 *   column and a `raw_*` jsonb twin (`{"value": "12", "precision": 20}`) that Medusa reads
 *   back as the exact value. A raw SQL update must write both, so the `raw_*` JSON is built
 *   in SQL from the same sum (`jsonb_build_object('value', CAST(... AS text), 'precision',
 *   20)`), exactly the shape MikroORM writes.
 * - The values travel as one jsonb parameter (`jsonb_to_recordset`): one bind parameter
 *   however many rows, where a VALUES list would outgrow PostgreSQL's 65,535.
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
       SELECT *, SUM(waiting) OVER (ORDER BY linked DESC, ${policyOrder}) AS running
       FROM queue
     )
     SELECT id, status, allocated_quantity, available_at, priority, paid_amount,
            linked, wanted,
            LEAST(waiting, :quantity - (running - waiting)) AS take
     FROM ordered
     WHERE running - waiting < :quantity
     ORDER BY linked DESC, ${policyOrder}`,
    {
      purchase_order_id: input.purchase_order_id ?? "",
      transfer_id: input.transfer_id ?? "",
      inventory_item_id: input.inventory_item_id,
      location_id: input.location_id,
      statuses: WAITING_BACKORDER_STATUSES,
      quantity: input.quantity,
    }
  )) as {
    rows: {
      id: string
      status: BackorderStatus
      allocated_quantity: string
      available_at: Date | null
      priority: number
      paid_amount: string
      linked: boolean
      wanted: string
      take: string
    }[]
  }
  if (!rows.length) {
    return []
  }

  const now = new Date()
  const allocations: StockAllocation[] = rows.map((row) => {
    const take = Number(row.take)
    const allocated = Number(row.allocated_quantity) + take
    // `wanted` is quantity less cancelled; the units fulfilled are among those allocated
    // before, all fewer than wanted, so they play no part here.
    const status = nextStatus(Number(row.wanted), allocated, 0, 0, row.status)
    const { rule, reason } = row.linked
      ? input.transfer_id
        ? {
            rule: AllocationRule.LINKED_TRANSFER,
            reason: `linked to ${input.transfer_number ?? input.transfer_id}`,
          }
        : {
            rule: AllocationRule.LINKED_PURCHASE_ORDER,
            reason: `linked to ${input.purchase_order_number ?? input.purchase_order_id}`,
          }
      : policy === AllocationPolicy.PRIORITY
        ? {
            rule: AllocationRule.PRIORITY,
            reason: `priority ${row.priority}`,
          }
        : policy === AllocationPolicy.DEPOSIT_FIRST &&
            Number(row.paid_amount) > 0
          ? { rule: AllocationRule.DEPOSIT_FIRST, reason: "deposit paid" }
          : { rule: AllocationRule.FIFO, reason: "oldest order" }
    return {
      allocation_id: generateEntityId(undefined, "alloc"),
      backorder_id: row.id,
      quantity: take,
      rule,
      reason,
      previous: {
        status: row.status,
        allocated_quantity: Number(row.allocated_quantity),
        available_at: row.available_at,
      },
      status,
    }
  })

  const values = allocations.map((a) => ({
    id: a.backorder_id,
    take: a.quantity,
    status: a.status,
  }))
  await knex.raw(
    `UPDATE backorder AS b
     SET allocated_quantity = b.allocated_quantity + v.take,
         raw_allocated_quantity = jsonb_build_object(
           'value', CAST(b.allocated_quantity + v.take AS text), 'precision', 20),
         status = v.status,
         available_at = CASE WHEN v.status = 'available' THEN CAST(:now AS timestamptz)
                             ELSE b.available_at END,
         updated_at = CAST(:now AS timestamptz)
     FROM jsonb_to_recordset(CAST(:values AS jsonb)) AS v(id text, take numeric, status text)
     WHERE b.id = v.id`,
    { now: now.toISOString(), values: JSON.stringify(values) }
  )

  // One statement and one bind parameter for the ledger, however many rows: a VALUES list
  // would outgrow PostgreSQL's 65,535 bind parameters. Each row is one microsecond after
  // the previous one, so the ledger keeps the order the units were handed out in.
  await knex.raw(
    `INSERT INTO allocation (id, backorder_id, inventory_item_id, location_id, quantity,
       raw_quantity, source, rule, reason, purchase_order_id, purchase_order_line_id,
       receipt_id, receipt_line_id, transfer_id, transfer_receipt_id, created_by,
       created_at, updated_at)
     SELECT r.id, r.backorder_id, :inventory_item_id, :location_id, r.quantity,
            jsonb_build_object('value', CAST(r.quantity AS text), 'precision', 20),
            :source, r.rule, r.reason, :purchase_order_id, :purchase_order_line_id,
            :receipt_id, :receipt_line_id, :transfer_id, :transfer_receipt_id, :created_by,
            CAST(:now AS timestamptz) + r.ord * interval '1 microsecond',
            CAST(:now AS timestamptz) + r.ord * interval '1 microsecond'
     FROM ROWS FROM (
       jsonb_to_recordset(CAST(:rows AS jsonb))
         AS (id text, backorder_id text, quantity numeric, rule text, reason text)
     ) WITH ORDINALITY AS r(id, backorder_id, quantity, rule, reason, ord)`,
    {
      inventory_item_id: input.inventory_item_id,
      location_id: input.location_id,
      source: input.source,
      purchase_order_id: input.purchase_order_id ?? null,
      purchase_order_line_id: input.purchase_order_line_id ?? null,
      receipt_id: input.receipt_id ?? null,
      receipt_line_id: input.receipt_line_id ?? null,
      transfer_id: input.transfer_id ?? null,
      transfer_receipt_id: input.transfer_receipt_id ?? null,
      created_by: input.created_by ?? null,
      now: now.toISOString(),
      rows: JSON.stringify(
        allocations.map((a) => ({
          id: a.allocation_id,
          backorder_id: a.backorder_id,
          quantity: a.quantity,
          rule: a.rule,
          reason: a.reason,
        }))
      ),
    }
  )
  return allocations
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
