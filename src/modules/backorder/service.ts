import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { WAITING_BACKORDER_STATUSES } from "../../types/enums"
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
    const manager = (sharedContext.transactionManager ??
      sharedContext.manager) as SqlEntityManager
    const knex = manager.getTransactionContext() ?? manager.getKnex()
    const rows: { inventory_item_id: string; location_id: string; waiting: string }[] =
      await knex("backorder")
        .select("inventory_item_id", "location_id")
        .sum({
          waiting: knex.raw(
            "quantity - allocated_quantity - cancelled_quantity"
          ),
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
}

export default BackorderModuleService
