import type { MedusaResponse } from "@medusajs/framework/http"
import type * as Backorders from "../types/http/backorders"
import type * as PurchaseOrders from "../types/http/purchase-orders"
import type * as Suppliers from "../types/http/suppliers"
import type * as Transfers from "../types/http/transfers"
import type * as ToOrderSales from "../types/http/to-order-sales"
import type * as ToOrderSale from "./admin/to-order-sales/route"
import type * as ToOrderSalePreview from "./admin/to-order-sales/preview/route"
import type { Equal, Expect } from "../types/http/type-assertions"
import type * as BackorderList from "./admin/backorders/route"
import type * as BackorderDetail from "./admin/backorders/[id]/route"
import type * as BackorderCancel from "./admin/backorders/[id]/cancel/route"
import type * as BackorderRelease from "./admin/backorders/[id]/release/route"
import type * as Allocations from "./admin/backorders/allocations/route"
import type * as Counts from "./admin/backorders/counts/route"
import type * as Export from "./admin/backorders/export/route"
import type * as Health from "./admin/backorders/health/route"
import type * as StockSummary from "./admin/backorders/stock-summary/route"
import type * as SupplierGroups from "./admin/backorders/supplier-groups/route"
import type * as OrderBackorders from "./admin/orders/[id]/backorders/route"
import type * as OrderBackordersFulfil from "./admin/orders/[id]/backorders/fulfil/route"
import type * as PurchaseOrderList from "./admin/purchase-orders/route"
import type * as PurchaseOrderDetail from "./admin/purchase-orders/[id]/route"
import type * as PurchaseOrderCancel from "./admin/purchase-orders/[id]/cancel/route"
import type * as PurchaseOrderComplete from "./admin/purchase-orders/[id]/complete/route"
import type * as PurchaseOrderDocument from "./admin/purchase-orders/[id]/document/route"
import type * as PurchaseOrderLines from "./admin/purchase-orders/[id]/lines/route"
import type * as PurchaseOrderReceive from "./admin/purchase-orders/[id]/receive/route"
import type * as PurchaseOrderSend from "./admin/purchase-orders/[id]/send/route"
import type * as PurchaseOrderSendToSupplier from "./admin/purchase-orders/[id]/send-to-supplier/route"
import type * as RequestStock from "./admin/purchase-orders/request-stock/route"
import type * as SupplierList from "./admin/suppliers/route"
import type * as SupplierDetail from "./admin/suppliers/[id]/route"
import type * as SupplierVariants from "./admin/suppliers/[id]/variants/route"
import type * as TransferList from "./admin/transfers/route"
import type * as TransferDetail from "./admin/transfers/[id]/route"
import type * as TransferCancel from "./admin/transfers/[id]/cancel/route"
import type * as TransferReceive from "./admin/transfers/[id]/receive/route"
import type * as TransferSend from "./admin/transfers/[id]/send/route"
import type * as TransferRequestStock from "./admin/transfers/request-stock/route"
import type * as TransferSources from "./admin/transfers/sources/route"
import type * as SupplierVariant from "./admin/suppliers/[id]/variants/[variant_terms_id]/route"

/**
 * The body type a route handler answers with: the `T` of its `MedusaResponse<T>`. A handler
 * typed with a bare `MedusaResponse` gives `unknown`, which fails the checks below.
 */
type RouteBody<H extends (req: never, res: never) => unknown> =
  Parameters<H>[1] extends MedusaResponse<infer B> ? B : never

/**
 * The contract test, route side: every admin route the dashboard calls answers with its
 * shared type from `src/types/http`. `src/admin/hooks/__tests__/response-types.ts` checks the
 * hooks expect the same types, so a route and a hook cannot drift apart without `tsc -p .`
 * (and `medusa plugin:build`) or `npm run typecheck:admin` failing.
 */
export type AdminRouteResponseTypes = [
  Expect<
    Equal<
      RouteBody<typeof BackorderList.GET>,
      Backorders.AdminBackorderListResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof BackorderDetail.GET>,
      Backorders.AdminBackorderResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof BackorderCancel.POST>,
      Backorders.AdminCancelBackorderResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof BackorderRelease.POST>,
      Backorders.AdminReleaseAllocationResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof Allocations.GET>,
      Backorders.AdminAllocationListResponse
    >
  >,
  Expect<
    Equal<RouteBody<typeof Counts.GET>, Backorders.AdminBackorderCountsResponse>
  >,
  Expect<
    Equal<
      RouteBody<typeof Export.POST>,
      Backorders.AdminBackorderExportResponse
    >
  >,
  Expect<
    Equal<RouteBody<typeof Health.GET>, Backorders.AdminBackorderHealthResponse>
  >,
  Expect<
    Equal<
      RouteBody<typeof StockSummary.GET>,
      Backorders.AdminStockSummaryResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof SupplierGroups.GET>,
      Backorders.AdminSupplierGroupsResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof OrderBackorders.GET>,
      Backorders.AdminOrderBackordersResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof OrderBackordersFulfil.POST>,
      | Backorders.AdminFulfilBackordersResponse
      | Backorders.AdminFulfilPreviewResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof PurchaseOrderList.GET>,
      PurchaseOrders.AdminPurchaseOrderListResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof PurchaseOrderList.POST>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof PurchaseOrderDetail.GET>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof PurchaseOrderDetail.POST>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof PurchaseOrderCancel.POST>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof PurchaseOrderComplete.POST>,
      PurchaseOrders.AdminCompletePurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof PurchaseOrderDocument.POST>,
      PurchaseOrders.AdminPurchaseOrderDocumentResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof PurchaseOrderLines.POST>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof PurchaseOrderReceive.POST>,
      PurchaseOrders.AdminReceivePurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof PurchaseOrderSend.POST>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof PurchaseOrderSendToSupplier.POST>,
      PurchaseOrders.AdminSendPurchaseOrderToSupplierResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof RequestStock.POST>,
      | PurchaseOrders.AdminRequestStockResponse
      | PurchaseOrders.AdminRequestStockPreviewResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof SupplierList.GET>,
      Suppliers.AdminSupplierListResponse
    >
  >,
  Expect<
    Equal<RouteBody<typeof SupplierList.POST>, Suppliers.AdminSupplierResponse>
  >,
  Expect<
    Equal<RouteBody<typeof SupplierDetail.GET>, Suppliers.AdminSupplierResponse>
  >,
  Expect<
    Equal<
      RouteBody<typeof SupplierDetail.POST>,
      Suppliers.AdminSupplierResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof SupplierDetail.DELETE>,
      Suppliers.AdminSupplierDeleteResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof SupplierVariants.GET>,
      Suppliers.AdminSupplierVariantListResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof SupplierVariants.POST>,
      Suppliers.AdminSupplierVariantResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof SupplierVariant.POST>,
      Suppliers.AdminSupplierVariantResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof SupplierVariant.DELETE>,
      Suppliers.AdminSupplierVariantDeleteResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof TransferList.GET>,
      Transfers.AdminTransferListResponse
    >
  >,
  Expect<
    Equal<RouteBody<typeof TransferDetail.GET>, Transfers.AdminTransferResponse>
  >,
  Expect<
    Equal<
      RouteBody<typeof TransferCancel.POST>,
      Transfers.AdminTransferResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof TransferReceive.POST>,
      Transfers.AdminReceiveTransferResponse
    >
  >,
  Expect<
    Equal<RouteBody<typeof TransferSend.POST>, Transfers.AdminTransferResponse>
  >,
  Expect<
    Equal<
      RouteBody<typeof TransferRequestStock.POST>,
      Transfers.AdminTransferResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof TransferSources.GET>,
      Transfers.AdminTransferSourcesResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof ToOrderSale.POST>,
      ToOrderSales.AdminToOrderSaleResponse
    >
  >,
  Expect<
    Equal<
      RouteBody<typeof ToOrderSalePreview.POST>,
      ToOrderSales.AdminToOrderSalePreviewResponse
    >
  >,
]
