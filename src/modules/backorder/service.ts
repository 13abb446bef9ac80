import { MedusaService } from "@medusajs/framework/utils"
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
}

export default BackorderModuleService
