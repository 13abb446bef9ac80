import type { PaymentPolicy } from "../../types/enums"

/**
 * The dashboard's names for the shapes the plugin's admin API answers with. They are the
 * server's own HTTP types (`src/types/http`, which the routes answer with), re-exported under
 * the short names the components use; type-only imports, erased in the bundle.
 */
export type {
  BackorderStatus,
  PaymentPolicy,
  PurchaseOrderStatus,
} from "../../types/enums"
export type { ToOrderSalePreview } from "../../types/to-order-sale"
export type {
  AdminOrderPaymentCollection as OrderPaymentCollection,
  AdminBackorder as Backorder,
  AdminBackorderCountsResponse as BackorderCounts,
  AdminSupplierGroup as SupplierGroup,
  AdminAllocation as Allocation,
  AdminBackorderHealth as BackorderHealth,
  AdminStockSummaryResponse as StockSummary,
} from "../../types/http/backorders"
export type {
  AdminPurchaseOrder as PurchaseOrder,
  AdminPurchaseOrderLine as PurchaseOrderLine,
  AdminPurchaseOrderReceipt as Receipt,
  AdminPurchaseOrderDispatch as PurchaseOrderDispatch,
  AdminPlannedPurchaseOrderPreview as PlannedPurchaseOrderPreview,
  AdminStoredFile as StoredFile,
} from "../../types/http/purchase-orders"
export type {
  AdminSupplier as Supplier,
  AdminSupplierVariant as SupplierVariant,
} from "../../types/http/suppliers"

/** The to-order sale form's body (what the dashboard sends, not an answer). */
export type ToOrderSaleInput = {
  customer_id?: string
  location_id: string
  lines: { variant_id: string; quantity: number }[]
  payment_policy: PaymentPolicy
  deposit_percent?: number
}
