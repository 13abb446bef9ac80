import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminCompletePurchaseOrderResponse,
  AdminPurchaseOrderDocumentResponse,
  AdminPurchaseOrderListResponse,
  AdminPurchaseOrderResponse,
  AdminReceivePurchaseOrderResponse,
  AdminSendPurchaseOrderToSupplierResponse,
} from "../../types/http/purchase-orders"
import { useInvalidateBackorders } from "./backorders"
import { purchaseOrderQueryKeys } from "./query-keys"

/**
 * Purchase orders matching `query`. A table keeps showing the previous page while the next
 * loads (`keepPrevious`, on by default); a section of one purchase order should not.
 */
export const usePurchaseOrders = (
  query: Record<string, string | number | string[] | undefined>,
  {
    enabled = true,
    keepPrevious = true,
  }: { enabled?: boolean; keepPrevious?: boolean } = {}
) =>
  useQuery({
    queryKey: purchaseOrderQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminPurchaseOrderListResponse>(
        "/admin/purchase-orders",
        { query }
      ),
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    enabled,
  })

export const usePurchaseOrder = (id: string) =>
  useQuery({
    queryKey: purchaseOrderQueryKeys.detail(id),
    queryFn: () =>
      sdk.client.fetch<AdminPurchaseOrderResponse>(
        `/admin/purchase-orders/${id}`
      ),
  })

/** A POST to the purchase order routes that refreshes every plugin screen afterwards. */
const usePurchaseOrderMutation = <TBody, TResult = AdminPurchaseOrderResponse>(
  path: (body: TBody) => string
) => {
  const invalidate = useInvalidateBackorders()
  return useMutation({
    mutationFn: (body: TBody) =>
      sdk.client.fetch<TResult>(path(body), {
        method: "POST",
        body: body as Record<string, unknown>,
      }),
    onSuccess: invalidate,
  })
}

export type PurchaseOrderLineInput = {
  variant_id: string
  quantity: number
  unit_cost?: number
}

export const useCreatePurchaseOrder = () =>
  usePurchaseOrderMutation<{
    supplier_id: string
    location_id?: string
    expected_at?: string
    notes?: string
    lines: PurchaseOrderLineInput[]
  }>(() => "/admin/purchase-orders")

export const useUpdatePurchaseOrder = (id: string) =>
  usePurchaseOrderMutation<{
    expected_at?: string | null
    notes?: string | null
    supplier_reference?: string | null
  }>(() => `/admin/purchase-orders/${id}`)

export const useEditPurchaseOrderLines = (id: string) =>
  usePurchaseOrderMutation<{
    add?: PurchaseOrderLineInput[]
    update?: { id: string; quantity?: number; unit_cost?: number | null }[]
    remove?: string[]
  }>(() => `/admin/purchase-orders/${id}/lines`)

export const useSendPurchaseOrder = (id: string) =>
  usePurchaseOrderMutation<{ expected_at?: string }>(
    () => `/admin/purchase-orders/${id}/send`
  )

export const useReceivePurchaseOrder = (id: string) =>
  usePurchaseOrderMutation<
    {
      lines: {
        purchase_order_line_id: string
        quantity: number
        over_receive?: boolean
      }[]
      idempotency_key: string
      note?: string
    },
    AdminReceivePurchaseOrderResponse
  >(() => `/admin/purchase-orders/${id}/receive`)

export const useCompletePurchaseOrder = (id: string) =>
  usePurchaseOrderMutation<
    {
      lines?: {
        purchase_order_line_id: string
        action: "backorder" | "cancel"
      }[]
      expected_at?: string
    },
    AdminCompletePurchaseOrderResponse
  >(() => `/admin/purchase-orders/${id}/complete`)

export const useCancelPurchaseOrder = (id: string) =>
  usePurchaseOrderMutation<Record<string, never>>(
    () => `/admin/purchase-orders/${id}/cancel`
  )

/** Renders the purchase order's PDF and answers the stored file, to open or download. */
export const usePurchaseOrderDocument = (id: string) =>
  useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminPurchaseOrderDocumentResponse>(
        `/admin/purchase-orders/${id}/document`,
        { method: "POST", body: {} }
      ),
  })

export const useSendPurchaseOrderToSupplier = (id: string) =>
  usePurchaseOrderMutation<
    { to?: string; note?: string },
    AdminSendPurchaseOrderToSupplierResponse
  >(() => `/admin/purchase-orders/${id}/send-to-supplier`)
