import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  AllocationPolicy,
  AllocationRule,
  AllocationSource,
  BackorderStatus,
  OPEN_BACKORDER_STATUSES,
  ToOrderSaleAttemptStatus,
  WAITING_BACKORDER_STATUSES,
} from "../../types/enums"
import {
  Allocation,
  Backorder,
  PurchaseOrder,
  PurchaseOrderDispatch,
  PurchaseOrderLine,
  PurchaseOrderLineBackorder,
  Receipt,
  ReceiptLine,
  ShortageCheck,
  Supplier,
  SupplierVariant,
  ToOrderSaleAttempt,
  Transfer,
  TransferLine,
  TransferLineBackorder,
  TransferReceipt,
} from "./models"
import {
  BackorderPluginOptions,
  ResolvedBackorderPluginOptions,
  resolveBackorderPluginOptions,
} from "./options"

type InjectedDependencies = Record<string, unknown>

export type StockPair = { inventory_item_id: string; location_id: string }

/** Columns of the backorder list filters that the aggregate queries understand. */
const FILTER_COLUMNS = [
  "id",
  "status",
  "source",
  "order_id",
  "customer_id",
  "location_id",
  "supplier_id",
  "product_id",
  "variant_id",
  "inventory_item_id",
] as const

/** Filters of the backorder list that the aggregate queries understand. */
export type BackorderAggregateFilters = {
  [column in (typeof FILTER_COLUMNS)[number]]?: string | string[]
} & {
  created_at?: DateRange
  updated_at?: DateRange
  promised_at?: DateRange
}
type DateRange = {
  $gt?: string | Date
  $gte?: string | Date
  $lt?: string | Date
  $lte?: string | Date
}

export type SupplierGroup = {
  supplier_id: string | null
  count: number
  /** Units still waiting for stock. */
  waiting_quantity: number
}

/** What the backorder health page shows, computed in a handful of aggregate queries. */
export type BackorderHealth = {
  /** Open backorders per status. */
  open_by_status: Record<string, number>
  /** Open backorders per age bucket (days since the sale) and status, for the chart. */
  age_buckets: { bucket: string; status: string; count: number }[]
  open_count: number
  /** Units still waiting for stock. */
  waiting_quantity: number
  /** Waiting backorders whose promise date has passed. */
  late_count: number
  /** Backorders nobody has ordered from a supplier yet (`new`). */
  without_purchase_order_count: number
  oldest_open_at: Date | null
  /** Money customers paid towards open backorders, per currency. */
  deposits_held: { currency_code: string; amount: number }[]
  /** Of the units backordered in the last 90 days and not cancelled, the share allocated. */
  fill_rate: number | null
  /**
   * Received over ordered units on purchase orders that have been received, per supplier; a
   * remainder moved to a follow-up counts on the follow-up, a cancelled one against the supplier.
   */
  supplier_fill_rates: {
    supplier_id: string
    ordered_quantity: number
    received_quantity: number
    fill_rate: number
  }[]
}

/** Backorder and purchasing figures of one inventory item per location. */
export type StockSummaryRow = StockPair & {
  open_backorders: number
  /** Units still waiting for stock. */
  waiting_quantity: number
  /** Units allocated to open backorders and not yet fulfilled. */
  allocated_quantity: number
  /** Units on sent purchase orders not yet received or cancelled. */
  incoming_quantity: number
  next_expected_at: Date | null
}

/** Age buckets of the health page, in days since the backorder was created. */
export const AGE_BUCKETS = [
  { bucket: "0-7", max: 7 },
  { bucket: "8-14", max: 14 },
  { bucket: "15-30", max: 30 },
  { bucket: "31+", max: null },
] as const

export type AllocateStockInput = StockPair & {
  /** Units free to hand out at the location. */
  quantity: number
  source: AllocationSource
  /** Backorders linked to this purchase order are served first. */
  purchase_order_id?: string | null
  purchase_order_number?: string | null
  purchase_order_line_id?: string | null
  receipt_id?: string | null
  receipt_line_id?: string | null
  /** Backorders linked to this transfer are served first (instead of a purchase order's). */
  transfer_id?: string | null
  transfer_number?: string | null
  transfer_receipt_id?: string | null
  created_by?: string | null
}

export type StockAllocation = {
  allocation_id: string
  backorder_id: string
  quantity: number
  rule: AllocationRule
  reason: string
  /** The backorder before the allocation, to restore on rollback. */
  previous: {
    status: BackorderStatus
    allocated_quantity: number
    available_at: Date | null
  }
  status: BackorderStatus
}

/** One try at a to-order sale, as the workflows and routes read it. */
export type ToOrderSaleAttemptView = {
  id: string
  idempotency_key: string | null
  request_hash: string
  status: ToOrderSaleAttemptStatus
  /** The id the sale's order gets (or got). */
  order_id: string
  due_now: number | null
  started_at: Date
  failure_reason: string | null
  created_by: string | null
}

export type BeginToOrderSaleAttemptInput = {
  idempotency_key?: string | null
  request_hash: string
  created_by?: string | null
}

export type BeginToOrderSaleAttemptResult = {
  attempt: ToOrderSaleAttemptView
  /** The sale was made by an earlier request with the same key and body: answer it again. */
  replay: boolean
  /** A failed try taken up again: its fields before, to restore on rollback. */
  previous: ToOrderSaleAttemptView | null
}

/** `inventory_item_id:location_id`, the key of per-location stock figures. */
export const stockPairKey = (pair: StockPair) =>
  `${pair.inventory_item_id}:${pair.location_id}`

/**
 * The backorder module: suppliers and their terms, backorders, purchase orders, receipts
 * and the allocation ledger.
 */
class BackorderModuleService extends MedusaService({
  Allocation,
  Backorder,
  PurchaseOrder,
  PurchaseOrderDispatch,
  PurchaseOrderLine,
  PurchaseOrderLineBackorder,
  Receipt,
  ReceiptLine,
  ShortageCheck,
  Supplier,
  SupplierVariant,
  ToOrderSaleAttempt,
  Transfer,
  TransferLine,
  TransferLineBackorder,
  TransferReceipt,
}) {
  protected readonly options_: ResolvedBackorderPluginOptions

  constructor(
    container: InjectedDependencies,
    options: BackorderPluginOptions = {}
  ) {
    super(...arguments)
    this.options_ = resolveBackorderPluginOptions(options)
  }

  /** The plugin options with their defaults filled in. */
  getOptions(): ResolvedBackorderPluginOptions {
    return this.options_
  }

  /** The human number of a purchase order, e.g. `PO-0012`. */
  formatPurchaseOrderNumber(displayId: number): string {
    const { purchaseOrderPrefix, purchaseOrderNumberPadding } = this.options_
    return `${purchaseOrderPrefix}${String(displayId).padStart(
      purchaseOrderNumberPadding,
      "0"
    )}`
  }

  /** The human number of a transfer, e.g. `TR-0003`, padded like purchase orders. */
  formatTransferNumber(displayId: number): string {
    return `TR-${String(displayId).padStart(
      this.options_.purchaseOrderNumberPadding,
      "0"
    )}`
  }

  /**
   * How many backordered units still wait for stock (`quantity - allocated - cancelled` of
   * waiting backorders) per inventory item and location, in one aggregate query.
   * Pairs with nothing waiting are absent from the result.
   */
  @InjectManager()
  async sumWaitingQuantities(
    pairs: StockPair[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, number>> {
    const waiting = new Map<string, number>()
    if (!pairs.length) {
      return waiting
    }
    for (const row of await this.waitingByPair(pairs, sharedContext)) {
      waiting.set(stockPairKey(row), row.waiting)
    }
    return waiting
  }

  /**
   * The inventory item and location pairs where backordered units still wait for stock, with
   * how many, in one aggregate query (for the catch-up that hands out stock whose change
   * event was lost).
   */
  @InjectManager()
  async listWaitingPairs(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<(StockPair & { waiting: number })[]> {
    return await this.waitingByPair(null, sharedContext)
  }

  /** Units still waiting per pair (only the given pairs, or every pair where some wait). */
  private async waitingByPair(
    pairs: StockPair[] | null,
    sharedContext: Context
  ): Promise<(StockPair & { waiting: number })[]> {
    const knex = this.knex(sharedContext)
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
    const rows: {
      inventory_item_id: string
      location_id: string
      waiting: string
    }[] = await query
    return rows.map((row) => ({
      inventory_item_id: row.inventory_item_id,
      location_id: row.location_id,
      waiting: Number(row.waiting),
    }))
  }

  /**
   * How many backorders match the filters in each status (the status filter itself is
   * ignored, so the tabs of a list can show every count), in one query.
   */
  @InjectManager()
  async countBackordersByStatus(
    filters: BackorderAggregateFilters = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<BackorderStatus, number>> {
    const { status: _status, ...rest } = filters
    const rows: { status: BackorderStatus; count: string }[] =
      await this.filteredBackorders(rest, sharedContext)
        .select("status")
        .count({ count: "*" })
        .groupBy("status")
    const counts = Object.fromEntries(
      Object.values(BackorderStatus).map((status) => [status, 0])
    ) as Record<BackorderStatus, number>
    for (const row of rows) {
      counts[row.status] = Number(row.count)
    }
    return counts
  }

  /**
   * The backorders matching the filters grouped by supplier (SaleDock's list), in one query.
   */
  @InjectManager()
  async groupBackordersBySupplier(
    filters: BackorderAggregateFilters = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SupplierGroup[]> {
    const knex = this.knex(sharedContext)
    const rows: {
      supplier_id: string | null
      count: string
      waiting_quantity: string
    }[] = await this.filteredBackorders(filters, sharedContext)
      .select("supplier_id")
      .count({ count: "*" })
      .sum({
        waiting_quantity: knex.raw(
          "GREATEST(quantity - allocated_quantity - cancelled_quantity, 0)"
        ),
      })
      .groupBy("supplier_id")
    return rows.map((row) => ({
      supplier_id: row.supplier_id,
      count: Number(row.count),
      waiting_quantity: Number(row.waiting_quantity),
    }))
  }

  /**
   * Hands units that arrived at a location to the waiting backorders of that inventory item,
   * in a fair and explainable order: backorders linked to the arriving purchase order first,
   * then by the allocation policy (oldest first; or highest priority; or those with money
   * paid first), ties by age. Set-based: one query reads the queue up to the units handed
   * out, one updates the backorders and one writes the ledger, however many wait. Call it
   * under the Locking module lock on the inventory item id.
   */
  @InjectTransactionManager()
  async allocateStock(
    input: AllocateStockInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StockAllocation[]> {
    if (input.quantity <= 0) {
      return []
    }
    const knex = this.knex(sharedContext)
    const policy = this.options_.allocationPolicy
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
      const available = allocated >= Number(row.wanted)
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
        status: available
          ? BackorderStatus.AVAILABLE
          : BackorderStatus.PARTIALLY_AVAILABLE,
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
  @InjectTransactionManager()
  async revertStockAllocations(
    allocations: StockAllocation[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!allocations.length) {
      return
    }
    const knex = this.knex(sharedContext)
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

  /**
   * Ids of the backorders a staff search matches: SKU or title containing the text, or one
   * of the given customers or orders (found by the caller in their own modules). At most
   * `limit`, newest first.
   */
  @InjectManager()
  async searchBackorderIds(
    q: string,
    matches: { customer_ids?: string[]; order_ids?: string[] } = {},
    limit = 1000,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const rows: { id: string }[] = await this.knex(sharedContext)("backorder")
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
   * late ETAs, backorders with no PO), each one aggregate query.
   */
  @InjectManager()
  async summarizeBackorderHealth(
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context = {}
  ): Promise<BackorderHealth> {
    const knex = this.knex(sharedContext)
    const open = () =>
      knex("backorder")
        .whereNull("deleted_at")
        .whereIn("status", OPEN_BACKORDER_STATUSES)
    const ageDays = knex.raw(
      "EXTRACT(EPOCH FROM (?::timestamptz - created_at)) / 86400",
      [now]
    )
    const bucketCase = knex.raw(
      `CASE ${AGE_BUCKETS.filter((b) => b.max !== null)
        .map((b) => `WHEN age < ${Number(b.max) + 1} THEN '${b.bucket}'`)
        .join(" ")} ELSE '${AGE_BUCKETS[AGE_BUCKETS.length - 1].bucket}' END`
    )

    const [byAge, totals, deposits, fill, suppliers] = await Promise.all([
      knex
        .from(open().select("status", { age: ageDays }).as("b"))
        .select("status", { bucket: bucketCase })
        .count({ count: "*" })
        .groupBy("status", "bucket"),
      open()
        .first()
        .count({ open_count: "*" })
        .sum({
          waiting_quantity: knex.raw(
            "CASE WHEN status = ANY(?) THEN GREATEST(quantity - allocated_quantity - cancelled_quantity, 0) ELSE 0 END",
            [WAITING_BACKORDER_STATUSES]
          ),
        })
        .sum({
          late_count: knex.raw(
            "CASE WHEN status = ANY(?) AND promised_at < ? THEN 1 ELSE 0 END",
            [WAITING_BACKORDER_STATUSES, now]
          ),
        })
        .sum({
          without_purchase_order_count: knex.raw(
            "CASE WHEN status = ? THEN 1 ELSE 0 END",
            [BackorderStatus.NEW]
          ),
        })
        .min({ oldest_open_at: "created_at" }),
      open()
        .whereNotNull("currency_code")
        .select("currency_code")
        .sum({ amount: knex.raw("paid_amount - refunded_amount") })
        .groupBy("currency_code")
        .havingRaw("SUM(paid_amount - refunded_amount) > 0")
        .orderBy("currency_code"),
      knex("backorder")
        .whereNull("deleted_at")
        .where("created_at", ">=", new Date(now.getTime() - 90 * 86400000))
        .first()
        .sum({ wanted: knex.raw("quantity - cancelled_quantity") })
        .sum({ allocated: "allocated_quantity" }),
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
        .orderBy("po.supplier_id"),
    ])

    const openByStatus = Object.fromEntries(
      OPEN_BACKORDER_STATUSES.map((status) => [status, 0])
    )
    const ageBuckets = AGE_BUCKETS.flatMap(({ bucket }) =>
      OPEN_BACKORDER_STATUSES.map((status) => ({ bucket, status, count: 0 }))
    )
    for (const row of byAge as {
      status: string
      bucket: string
      count: string
    }[]) {
      openByStatus[row.status] += Number(row.count)
      const cell = ageBuckets.find(
        (b) => b.bucket === row.bucket && b.status === row.status
      )
      if (cell) {
        cell.count = Number(row.count)
      }
    }
    const t = totals as Record<string, string | Date | null>
    const f = fill as { wanted: string | null; allocated: string | null }
    const wanted = Number(f?.wanted ?? 0)
    return {
      open_by_status: openByStatus,
      age_buckets: ageBuckets,
      open_count: Number(t?.open_count ?? 0),
      waiting_quantity: Number(t?.waiting_quantity ?? 0),
      late_count: Number(t?.late_count ?? 0),
      without_purchase_order_count: Number(
        t?.without_purchase_order_count ?? 0
      ),
      oldest_open_at: t?.oldest_open_at ? new Date(t.oldest_open_at) : null,
      deposits_held: (
        deposits as { currency_code: string; amount: string }[]
      ).map((row) => ({
        currency_code: row.currency_code,
        amount: Number(row.amount),
      })),
      fill_rate: wanted > 0 ? roundRate(Number(f.allocated) / wanted) : null,
      supplier_fill_rates: (
        suppliers as {
          supplier_id: string
          ordered_quantity: string
          received_quantity: string
        }[]
      ).map((row) => ({
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
   * Per location, what one inventory item has backordered, allocated and incoming, and the
   * next expected date of a purchase order bringing it: two aggregate queries.
   */
  @InjectManager()
  async summarizeStock(
    inventoryItemIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StockSummaryRow[]> {
    if (!inventoryItemIds.length) {
      return []
    }
    const knex = this.knex(sharedContext)
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

  /**
   * Records a try at a to-order sale in its own transaction, before anything is sold, so a
   * try that never finishes can be found. Without an idempotency key every call is a new
   * try. With one, under a row lock on the key: a new key starts a try; the same key with
   * another request is refused (409); a try still `pending` is refused (409: retry later
   * with the same key); a `completed` one is answered again (`replay`); a `failed` one (it
   * left nothing behind) is started again, with this request and a new order id. Every try
   * gets the id of the order it will create.
   */
  @InjectTransactionManager()
  async beginToOrderSaleAttempt(
    input: BeginToOrderSaleAttemptInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<BeginToOrderSaleAttemptResult> {
    const key = input.idempotency_key ?? null
    const existing: ToOrderSaleAttemptRow | undefined = key
      ? await this.knex(sharedContext)("to_order_sale_attempt")
          .where({ idempotency_key: key })
          .whereNull("deleted_at")
          .forUpdate()
          .first()
      : undefined
    const quotedKey = JSON.stringify(key)

    if (!existing) {
      try {
        const attempt = await this.createToOrderSaleAttempts(
          {
            idempotency_key: key,
            request_hash: input.request_hash,
            status: ToOrderSaleAttemptStatus.PENDING,
            order_id: generateEntityId(undefined, "order"),
            started_at: new Date(),
            created_by: input.created_by ?? null,
          },
          sharedContext
        )
        return {
          attempt: toAttemptView(attempt as unknown as ToOrderSaleAttemptRow),
          replay: false,
          previous: null,
        }
      } catch (error) {
        // Another request with the same key recorded its try first.
        if (key && isUniqueViolation(error)) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            `A to-order sale with Idempotency-Key ${quotedKey} is being made by another request: retry with the same Idempotency-Key to get its result`
          )
        }
        throw error
      }
    }

    const attempt = toAttemptView(existing)
    // A failed try left nothing behind: its key may carry a corrected request.
    if (
      attempt.status !== ToOrderSaleAttemptStatus.FAILED &&
      attempt.request_hash !== input.request_hash
    ) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Idempotency-Key ${quotedKey} was used for another to-order sale (attempt ${attempt.id}, order ${attempt.order_id}) with a different request: send a new Idempotency-Key for a new sale`
      )
    }
    if (attempt.status === ToOrderSaleAttemptStatus.COMPLETED) {
      return { attempt, replay: true, previous: null }
    }
    if (attempt.status === ToOrderSaleAttemptStatus.PENDING) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `The to-order sale with Idempotency-Key ${quotedKey} (attempt ${attempt.id}, order ${attempt.order_id}) is still being made, since ${attempt.started_at.toISOString()}: retry with the same Idempotency-Key to get its result`
      )
    }
    const retried = await this.updateToOrderSaleAttempts(
      {
        id: attempt.id,
        request_hash: input.request_hash,
        status: ToOrderSaleAttemptStatus.PENDING,
        order_id: generateEntityId(undefined, "order"),
        started_at: new Date(),
        failure_reason: null,
        due_now: null,
        created_by: input.created_by ?? attempt.created_by,
      },
      sharedContext
    )
    return {
      attempt: toAttemptView(retried as unknown as ToOrderSaleAttemptRow),
      replay: false,
      previous: attempt,
    }
  }

  /**
   * Moves a `pending` try at a to-order sale to `completed` or `failed`, under a row lock,
   * and answers it; answers `null` (changing nothing) when it is no longer pending, or, with
   * `started_before`, when it started later than that. Two sweeps, or a sweep and the
   * request itself, therefore never both finish the same try.
   */
  @InjectTransactionManager()
  async finishToOrderSaleAttempt(
    input: {
      id: string
      status: Exclude<ToOrderSaleAttemptStatus, "pending">
      due_now?: number
      failure_reason?: string
      started_before?: Date
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ToOrderSaleAttemptView | null> {
    const query = this.knex(sharedContext)("to_order_sale_attempt")
      .where({ id: input.id, status: ToOrderSaleAttemptStatus.PENDING })
      .whereNull("deleted_at")
      .forUpdate()
      .first()
    if (input.started_before) {
      query.where("started_at", "<", input.started_before)
    }
    const row: ToOrderSaleAttemptRow | undefined = await query
    if (!row) {
      return null
    }
    const updated = await this.updateToOrderSaleAttempts(
      {
        id: input.id,
        status: input.status,
        due_now: input.due_now ?? null,
        failure_reason: input.failure_reason ?? null,
      },
      sharedContext
    )
    return toAttemptView(updated as unknown as ToOrderSaleAttemptRow)
  }

  private knex(sharedContext: Context) {
    const manager = (sharedContext.transactionManager ??
      sharedContext.manager) as SqlEntityManager
    return manager.getTransactionContext() ?? manager.getKnex()
  }

  private filteredBackorders(
    filters: BackorderAggregateFilters,
    sharedContext: Context
  ) {
    const query = this.knex(sharedContext)("backorder").whereNull("deleted_at")
    const { created_at, updated_at, promised_at, ...columns } = filters
    for (const [column, value] of Object.entries(columns)) {
      if (
        value !== undefined &&
        (FILTER_COLUMNS as readonly string[]).includes(column)
      ) {
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
}

export default BackorderModuleService

/** A share rounded to four places (0.8333). */
function roundRate(rate: number) {
  return Math.round(rate * 10000) / 10000
}

type ToOrderSaleAttemptRow = {
  id: string
  idempotency_key: string | null
  request_hash: string
  status: ToOrderSaleAttemptStatus
  order_id: string
  due_now: string | number | { numeric?: number } | null
  started_at: Date | string
  failure_reason: string | null
  created_by: string | null
}

function toAttemptView(row: ToOrderSaleAttemptRow): ToOrderSaleAttemptView {
  return {
    id: row.id,
    idempotency_key: row.idempotency_key,
    request_hash: row.request_hash,
    status: row.status,
    order_id: row.order_id,
    due_now: row.due_now === null ? null : Number(row.due_now),
    started_at: new Date(row.started_at),
    failure_reason: row.failure_reason,
    created_by: row.created_by,
  }
}

function isUniqueViolation(error: unknown) {
  const candidate = error as { code?: unknown; name?: unknown } | null
  return (
    candidate?.code === "23505" ||
    candidate?.name === "UniqueConstraintViolationException"
  )
}
