import type * as Backorders from "../../../types/http/backorders"
import type * as PurchaseOrders from "../../../types/http/purchase-orders"
import type * as Suppliers from "../../../types/http/suppliers"
import type * as Transfers from "../../../types/http/transfers"
import type * as ToOrderSales from "../../../types/http/to-order-sales"
import type * as ToOrderSaleHooks from "../to-order-sales"
import type { Equal, Expect } from "../../../types/http/type-assertions"
import type * as BackorderHooks from "../backorders"
import type * as PurchaseOrderHooks from "../purchase-orders"
import type * as SupplierHooks from "../suppliers"
import type * as TransferHooks from "../transfers"

/** What a React Query hook's `data` holds once loaded: the response it expects. */
type HookData<H extends (...args: never[]) => { data: unknown }> = NonNullable<
  ReturnType<H>["data"]
>

/**
 * The contract test, dashboard side: every hook expects exactly the response type its route
 * answers with (`src/api/response-types.ts` checks the routes). `npm run typecheck:admin`
 * (and so `npm run build`) fails when one drifts.
 */
export type AdminHookResponseTypes = [
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useBackorders>,
      Backorders.AdminBackorderListResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useBackorderCounts>,
      Backorders.AdminBackorderCountsResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useSupplierGroups>,
      Backorders.AdminSupplierGroupsResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useOrderBackorders>,
      Backorders.AdminOrderBackordersResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useBackorderHealth>,
      Backorders.AdminBackorderHealthResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useStockSummary>,
      Backorders.AdminStockSummaryResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useAllocations>,
      Backorders.AdminAllocationListResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useCancelBackorder>,
      Backorders.AdminCancelBackorderResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useFulfilBackorders>,
      Backorders.AdminFulfilBackordersResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useFulfilPreview>,
      Backorders.AdminFulfilPreviewResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useReleaseAllocation>,
      Backorders.AdminReleaseAllocationResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useRequestStock>,
      PurchaseOrders.AdminRequestStockResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useRequestStockPreview>,
      PurchaseOrders.AdminRequestStockPreviewResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof BackorderHooks.useExportBackorders>,
      Backorders.AdminBackorderExportResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof PurchaseOrderHooks.usePurchaseOrders>,
      PurchaseOrders.AdminPurchaseOrderListResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof PurchaseOrderHooks.usePurchaseOrder>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof PurchaseOrderHooks.useCreatePurchaseOrder>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof PurchaseOrderHooks.useUpdatePurchaseOrder>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof PurchaseOrderHooks.useEditPurchaseOrderLines>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof PurchaseOrderHooks.useSendPurchaseOrder>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof PurchaseOrderHooks.useReceivePurchaseOrder>,
      PurchaseOrders.AdminReceivePurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof PurchaseOrderHooks.useCompletePurchaseOrder>,
      PurchaseOrders.AdminCompletePurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof PurchaseOrderHooks.useCancelPurchaseOrder>,
      PurchaseOrders.AdminPurchaseOrderResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof PurchaseOrderHooks.usePurchaseOrderDocument>,
      PurchaseOrders.AdminPurchaseOrderDocumentResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof PurchaseOrderHooks.useSendPurchaseOrderToSupplier>,
      PurchaseOrders.AdminSendPurchaseOrderToSupplierResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof SupplierHooks.useSuppliers>,
      Suppliers.AdminSupplierListResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof SupplierHooks.useSupplier>,
      Suppliers.AdminSupplierResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof SupplierHooks.useSupplierVariants>,
      Suppliers.AdminSupplierVariantListResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof SupplierHooks.useCreateSupplier>,
      Suppliers.AdminSupplierResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof SupplierHooks.useUpdateSupplier>,
      Suppliers.AdminSupplierResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof SupplierHooks.useCreateSupplierVariant>,
      Suppliers.AdminSupplierVariantResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof SupplierHooks.useUpdateSupplierVariant>,
      Suppliers.AdminSupplierVariantResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof SupplierHooks.useDeleteSupplierVariant>,
      Suppliers.AdminSupplierVariantDeleteResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof TransferHooks.useTransfers>,
      Transfers.AdminTransferListResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof TransferHooks.useTransfer>,
      Transfers.AdminTransferResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof TransferHooks.useTransferSources>,
      Transfers.AdminTransferSourcesResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof TransferHooks.useRequestTransfer>,
      Transfers.AdminTransferResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof TransferHooks.useSendTransfer>,
      Transfers.AdminTransferResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof TransferHooks.useCancelTransfer>,
      Transfers.AdminTransferResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof TransferHooks.useReceiveTransfer>,
      Transfers.AdminReceiveTransferResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof ToOrderSaleHooks.useCreateToOrderSale>,
      ToOrderSales.AdminToOrderSaleResponse
    >
  >,
  Expect<
    Equal<
      HookData<typeof ToOrderSaleHooks.usePreviewToOrderSale>,
      ToOrderSales.AdminToOrderSalePreviewResponse
    >
  >,
]
