import type { Context, IModuleService } from "@medusajs/framework/types"
import type {
  AllocationRule,
  AllocationSource,
  BackorderStatus,
  ToOrderSaleAttemptStatus,
} from "./enums"
import type { ResolvedBackorderPluginOptions } from "../modules/backorder/options"

/** The searchable fields copied from a Medusa customer into `backorder_customer`. */
export const BACKORDER_CUSTOMER_FIELDS = [
  "email",
  "first_name",
  "last_name",
  "company_name",
  "phone",
] as const

/** A Medusa customer's id and its `BACKORDER_CUSTOMER_FIELDS`. */
export type BackorderCustomerFields = {
  id: string
  email?: string | null
  first_name?: string | null
  last_name?: string | null
  company_name?: string | null
  phone?: string | null
}

/**
 * Types of the backorder module service: what its own (non-CRUD) methods take and answer,
 * and `IBackorderModuleService`, the interface of those methods. The generated CRUD methods
 * (`listBackorders`, `createPurchaseOrders`, ...) come from `MedusaService`.
 */

export type StockPair = { inventory_item_id: string; location_id: string }

/** Columns of the backorder list filters that the aggregate queries understand. */
export const BACKORDER_FILTER_COLUMNS = [
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
  [column in Exclude<(typeof BACKORDER_FILTER_COLUMNS)[number], "id">]?:
    | string
    | string[]
} & {
  /** These backorders, or all but these (`$nin`). */
  id?: string | string[] | { $nin: string[] }
  created_at?: DateRange
  updated_at?: DateRange
  promised_at?: DateRange
}
export type DateRange = {
  $gt?: string | Date
  $gte?: string | Date
  $lt?: string | Date
  $lte?: string | Date
}

export type SupplierGroup = {
  supplier_id: string | null
  count: number
  /**
   * `true` when the count holds the planner's estimate of this supplier's history (fulfilled
   * and cancelled backorders), which would take reading more rows than `EXACT_COUNT_LIMIT`.
   */
  count_estimated: boolean
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
  /**
   * Backorders nobody has requested yet: `new` and on no purchase order or transfer, draft
   * included (those on a draft are the list's Requested tab).
   */
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

/** The number of rows of the backorder list, exact or estimated by the query planner. */
export type BackorderListCount = {
  count: number
  /**
   * `true` when counting exactly would read more rows than `EXACT_COUNT_LIMIT` allows and the
   * planner's estimate is answered instead.
   */
  estimated: boolean
}

/**
 * The backorder module's own methods (besides the generated CRUD methods of its models).
 */
export interface IBackorderModuleService extends IModuleService {
  /** The plugin options with their defaults filled in. */
  getOptions(): ResolvedBackorderPluginOptions
  /** The human number of a purchase order, e.g. `PO-0012`. */
  formatPurchaseOrderNumber(displayId: number): string
  /** Units still waiting for stock per inventory item and location (absent: none). */
  sumWaitingQuantities(
    pairs: StockPair[],
    sharedContext?: Context
  ): Promise<Map<string, number>>
  /** Every inventory item and location where units wait, with how many. */
  listWaitingPairs(
    sharedContext?: Context
  ): Promise<(StockPair & { waiting: number })[]>
  /** Waiting backorders past their promise and not marked late for it yet (ids). */
  listUnmarkedLateBackorderIds(
    now: Date,
    limit: number,
    sharedContext?: Context
  ): Promise<string[]>
  /** Backorders matching the filters per status (the status filter itself ignored). */
  countBackordersByStatus(
    filters?: BackorderAggregateFilters,
    sharedContext?: Context
  ): Promise<Record<BackorderStatus, number>>
  /**
   * The same counts, with the statuses whose count is the planner's estimate (a count over
   * more than `EXACT_COUNT_LIMIT` rows).
   */
  countBackorderTabs(
    filters?: BackorderAggregateFilters,
    sharedContext?: Context
  ): Promise<{
    counts: Record<BackorderStatus, number>
    estimated: BackorderStatus[]
  }>
  /** How many backorders the list filters match: exact when cheap, else estimated. */
  countBackorderList(
    filters?: BackorderAggregateFilters,
    sharedContext?: Context
  ): Promise<BackorderListCount>
  /** Backorders matching the filters grouped by supplier. */
  groupBackordersBySupplier(
    filters?: BackorderAggregateFilters,
    sharedContext?: Context
  ): Promise<SupplierGroup[]>
  /** Hands arrived units to waiting backorders, writing the ledger; under the item's lock. */
  allocateStock(
    input: AllocateStockInput,
    sharedContext?: Context
  ): Promise<StockAllocation[]>
  /** Undoes `allocateStock`. */
  revertStockAllocations(
    allocations: StockAllocation[],
    sharedContext?: Context
  ): Promise<void>
  /** Ids of the backorders a staff search matches, newest first. */
  searchBackorderIds(
    q: string,
    matches?: { customer_ids?: string[]; order_ids?: string[] },
    limit?: number,
    sharedContext?: Context
  ): Promise<string[]>
  /** Ids of the customers with backorders whose searchable fields contain `q`. */
  searchBackorderCustomerIds(
    q: string,
    limit?: number,
    sharedContext?: Context
  ): Promise<string[]>
  /** Copies Medusa customers' searchable fields for the backorder search. */
  upsertBackorderCustomerCopies(
    customers: BackorderCustomerFields[],
    sharedContext?: Context
  ): Promise<void>
  /** Ids of the backorders on a draft purchase order or draft transfer (requested, not sent). */
  listBackorderIdsInDraft(sharedContext?: Context): Promise<string[]>
  /** The figures of the backorder health page. */
  summarizeBackorderHealth(
    now?: Date,
    sharedContext?: Context
  ): Promise<BackorderHealth>
  /** Per location, an inventory item's backordered, allocated and incoming units. */
  summarizeStock(
    inventoryItemIds: string[],
    sharedContext?: Context
  ): Promise<StockSummaryRow[]>
  /** Records a try at a to-order sale (idempotency). */
  beginToOrderSaleAttempt(
    input: BeginToOrderSaleAttemptInput,
    sharedContext?: Context
  ): Promise<BeginToOrderSaleAttemptResult>
  /** Moves a pending try at a to-order sale to `completed` or `failed`. */
  finishToOrderSaleAttempt(
    input: {
      id: string
      status: Exclude<ToOrderSaleAttemptStatus, "pending">
      due_now?: number
      failure_reason?: string
      started_before?: Date
    },
    sharedContext?: Context
  ): Promise<ToOrderSaleAttemptView | null>
}
