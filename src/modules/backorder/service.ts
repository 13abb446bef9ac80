import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { BackorderStatus, WAITING_BACKORDER_STATUSES } from "../../types/enums"
import {
  Allocation,
  Backorder,
  PurchaseOrder,
  PurchaseOrderLine,
  PurchaseOrderLineBackorder,
  Receipt,
  ReceiptLine,
  Supplier,
  SupplierVariant,
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
  PurchaseOrderLine,
  PurchaseOrderLineBackorder,
  Receipt,
  ReceiptLine,
  Supplier,
  SupplierVariant,
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
    const knex = this.knex(sharedContext)
    const rows: {
      inventory_item_id: string
      location_id: string
      waiting: string
    }[] = await knex("backorder")
      .select("inventory_item_id", "location_id")
      .sum({
        waiting: knex.raw("quantity - allocated_quantity - cancelled_quantity"),
      })
      .whereNull("deleted_at")
      .whereIn("status", WAITING_BACKORDER_STATUSES)
      .whereIn(
        ["inventory_item_id", "location_id"],
        pairs.map((p) => [p.inventory_item_id, p.location_id])
      )
      .groupBy("inventory_item_id", "location_id")
    for (const row of rows) {
      waiting.set(stockPairKey(row), Number(row.waiting))
    }
    return waiting
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
    const { created_at, updated_at, ...columns } = filters
    for (const [column, value] of Object.entries(columns)) {
      if (
        value !== undefined &&
        (FILTER_COLUMNS as readonly string[]).includes(column)
      ) {
        query.whereIn(column, ([] as string[]).concat(value))
      }
    }
    const operators = { $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" } as const
    for (const [column, range] of Object.entries({ created_at, updated_at })) {
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
