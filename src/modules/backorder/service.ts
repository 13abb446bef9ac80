import {
  Context,
  DAL,
  InferTypeOf,
  ModulesSdkTypes,
} from "@medusajs/framework/types"
import {
  EmitEvents,
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { BackorderStatus, ToOrderSaleAttemptStatus } from "../../types/enums"
import {
  AllocateStockInput,
  BackorderAggregateFilters,
  BackorderCustomerFields,
  BackorderHealth,
  BackorderListCount,
  BeginToOrderSaleAttemptInput,
  BeginToOrderSaleAttemptResult,
  IBackorderModuleService,
  StockAllocation,
  StockPair,
  StockSummaryRow,
  SupplierGroup,
  stockPairKey,
  ToOrderSaleAttemptView,
} from "../../types/backorder-module"
import {
  Allocation,
  Backorder,
  BackorderCustomer,
  BackorderSearchText,
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
import * as allocation from "./queries/allocation"
import * as reporting from "./queries/reporting"

// The module's types live in src/types; re-exported here for the code that imports them
// from the service.
export * from "../../types/backorder-module"
export { AGE_BUCKETS, EXACT_COUNT_LIMIT } from "./queries/reporting"

type InjectedDependencies = Record<string, unknown>

/** A backorder as the generated methods return it, and what `createBackorders` takes. */
type BackorderRecord = InferTypeOf<typeof Backorder>
type CreateBackorderInput = {
  sku?: string | null
  title?: string | null
  [field: string]: unknown
}

/**
 * The backorder module: suppliers and their terms, backorders, purchase orders, receipts
 * and the allocation ledger. Its SQL lives in `queries/`: the allocation in
 * `queries/allocation.ts`, the dashboard's figures in `queries/reporting.ts`.
 */
class BackorderModuleService
  extends MedusaService({
    Allocation,
    Backorder,
    BackorderCustomer,
    BackorderSearchText,
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
  })
  implements IBackorderModuleService
{
  protected readonly options_: ResolvedBackorderPluginOptions

  // The repository and the `backorder` table's service the generated methods use.
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly backorderService_: ModulesSdkTypes.IMedusaInternalService<
    typeof Backorder
  >

  constructor(
    container: InjectedDependencies,
    options: BackorderPluginOptions = {}
  ) {
    super(...arguments)
    this.options_ = resolveBackorderPluginOptions(options)
    this.baseRepository_ = container.baseRepository as DAL.RepositoryService
    this.backorderService_ =
      container.backorderService as typeof this.backorderService_
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
   * The generated `createBackorders`, with the SKUs and titles of the new backorders written
   * to `backorder_search_text` (the texts the staff search matches) in the same
   * transaction, before the backorders. Built as core's modules build theirs (`createCarts`):
   * the transaction commits before the result is serialized (so it has the columns' defaults)
   * and the module's events are emitted. `updateBackorders` keeps the generated method: no
   * code path changes a backorder's `sku` or `title` after it is recorded (the workflows
   * update quantities, statuses, dates, suppliers and payments), and a text never needs
   * deleting.
   */
  // @ts-expect-error: the generated method is typed as a property
  createBackorders(
    data: CreateBackorderInput,
    sharedContext?: Context
  ): Promise<BackorderRecord>
  createBackorders(
    data: CreateBackorderInput[],
    sharedContext?: Context
  ): Promise<BackorderRecord[]>
  @InjectManager()
  @EmitEvents()
  async createBackorders(
    data: CreateBackorderInput | CreateBackorderInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<BackorderRecord | BackorderRecord[]> {
    const created = await this.createBackordersWithSearchTexts_(
      data,
      sharedContext
    )
    return await this.baseRepository_.serialize(created)
  }

  @InjectTransactionManager()
  protected async createBackordersWithSearchTexts_(
    data: CreateBackorderInput | CreateBackorderInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<BackorderRecord | BackorderRecord[]> {
    await reporting.insertBackorderSearchTexts(
      this.knex(sharedContext),
      [data].flat()
    )
    return await this.backorderService_.create(data, sharedContext)
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
    for (const row of await allocation.waitingByPair(
      this.knex(sharedContext),
      pairs
    )) {
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
    return await allocation.waitingByPair(this.knex(sharedContext), null)
  }

  /**
   * Ids of waiting backorders whose promise date is before `now` and that were not found
   * late for that promise yet, earliest promise first, at most `limit`. The "not yet" is in
   * the query: once more than `limit` are marked, a filter after the read would find the
   * same marked ones every run and never the next (`IDX_backorder_status_promised_at`).
   */
  @InjectManager()
  async listUnmarkedLateBackorderIds(
    now: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await reporting.unmarkedLateBackorderIds(
      this.knex(sharedContext),
      now,
      limit
    )
  }

  /**
   * How many backorders match the filters in each status (the status filter itself is
   * ignored, so the tabs of a list can show every count). A count over more than
   * `EXACT_COUNT_LIMIT` rows is the planner's estimate (see `countBackorderTabs`).
   */
  @InjectManager()
  async countBackordersByStatus(
    filters: BackorderAggregateFilters = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<BackorderStatus, number>> {
    return (await this.countBackorderTabs(filters, sharedContext)).counts
  }

  /**
   * The tab counts with the statuses whose count is an estimate: the open statuses are
   * always exact, a closed one (history) is estimated when it has more than
   * `EXACT_COUNT_LIMIT` rows.
   */
  @InjectManager()
  async countBackorderTabs(
    filters: BackorderAggregateFilters = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{
    counts: Record<BackorderStatus, number>
    estimated: BackorderStatus[]
  }> {
    return await reporting.countBackordersByStatus(
      this.knex(sharedContext),
      filters
    )
  }

  /**
   * How many backorders the list filters match: an exact count up to `EXACT_COUNT_LIMIT`
   * rows, the planner's estimate (flagged) above it.
   */
  @InjectManager()
  async countBackorderList(
    filters: BackorderAggregateFilters = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<BackorderListCount> {
    const knex = this.knex(sharedContext)
    return await reporting.countRows(
      knex,
      reporting.filteredBackorders(knex, filters)
    )
  }

  /**
   * The backorders matching the filters grouped by supplier (SaleDock's list): exact counts,
   * but for a supplier's history too large to count cheaply, which is estimated.
   */
  @InjectManager()
  async groupBackordersBySupplier(
    filters: BackorderAggregateFilters = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SupplierGroup[]> {
    return await reporting.groupBackordersBySupplier(
      this.knex(sharedContext),
      filters
    )
  }

  /**
   * Hands units that arrived at a location to the waiting backorders of that inventory item,
   * in a fair and explainable order: backorders linked to the arriving purchase order first,
   * then by the allocation policy (oldest first; or highest priority; or those with money
   * paid first), ties by age. Set-based (see `queries/allocation.ts`): one query reads the
   * queue up to the units handed out, one updates the backorders and one writes the ledger,
   * however many wait. Call it under the Locking module lock on the inventory item id.
   */
  @InjectTransactionManager()
  async allocateStock(
    input: AllocateStockInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StockAllocation[]> {
    return await allocation.allocateStock(
      this.knex(sharedContext),
      this.options_.allocationPolicy,
      input
    )
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
    await allocation.revertStockAllocations(
      this.knex(sharedContext),
      allocations
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
    return await reporting.searchBackorderIds(
      this.knex(sharedContext),
      q,
      matches,
      limit
    )
  }

  /**
   * A page of the backorders a `confirmed` or `ready` notice is owed for, from the window
   * (see `reporting.listBackorderIdsToNotify`): ids after `after`, in id order.
   */
  @InjectManager()
  async listBackorderIdsToNotify(
    kind: "confirmed" | "ready",
    window: { since: Date; until: Date },
    after = "",
    limit = 1000,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await reporting.listBackorderIdsToNotify(
      this.knex(sharedContext),
      kind,
      window,
      after,
      limit
    )
  }

  /**
   * Adds the SKUs and titles of the backorders created since `since` that the search does
   * not know yet (recorded by a server of an older version), and returns them.
   */
  @InjectTransactionManager()
  async catchUpBackorderSearchTexts(
    since: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await reporting.insertMissingBackorderSearchTexts(
      this.knex(sharedContext),
      since
    )
  }

  /**
   * Ids of the customers with backorders whose email, name, company or phone contains `q`
   * (their copy in this module, trigram indexed), at most `limit`.
   */
  @InjectManager()
  async searchBackorderCustomerIds(
    q: string,
    limit = 200,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await reporting.searchBackorderCustomerIds(
      this.knex(sharedContext),
      q,
      limit
    )
  }

  /**
   * Copies the searchable fields of Medusa customers (read by the caller from the customer
   * module) for the backorder search: inserted, or refreshed when already copied.
   */
  @InjectTransactionManager()
  async upsertBackorderCustomerCopies(
    customers: BackorderCustomerFields[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await reporting.upsertBackorderCustomers(
      this.knex(sharedContext),
      customers
    )
  }

  /**
   * Ids of the backorders on a draft purchase order or draft transfer: requested, not yet
   * sent (still `new`). One query; drafts are few.
   */
  @InjectManager()
  async listBackorderIdsInDraft(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await reporting.listBackorderIdsInDraft(this.knex(sharedContext))
  }

  /**
   * The backorder health figures (DOMAIN: open backorders, age, fill rate, deposit liability,
   * late ETAs, backorders with no PO) in four aggregate queries.
   */
  @InjectManager()
  async summarizeBackorderHealth(
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context = {}
  ): Promise<BackorderHealth> {
    return await reporting.summarizeBackorderHealth(
      this.knex(sharedContext),
      now
    )
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
    return await reporting.summarizeStock(
      this.knex(sharedContext),
      inventoryItemIds
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
}

export default BackorderModuleService

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
