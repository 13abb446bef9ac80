import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminAllocationListResponse,
  AdminBackorderCountsResponse,
  AdminBackorderExportResponse,
  AdminBackorderHealthResponse,
  AdminBackorderListResponse,
  AdminCancelBackorderResponse,
  AdminFulfilBackordersResponse,
  AdminFulfilmentPreview,
  AdminFulfilPreviewResponse,
  AdminOrderBackordersResponse,
  AdminReleaseAllocationResponse,
  AdminStockSummaryResponse,
  AdminSupplierGroupsResponse,
} from "../../types/http/backorders"
import type {
  AdminPlannedPurchaseOrderPreview,
  AdminRequestStockPreviewResponse,
  AdminRequestStockResponse,
  AdminSkippedBackorder,
} from "../../types/http/purchase-orders"
import { backorderQueryKeys, purchaseOrderQueryKeys } from "./query-keys"
import { BACKORDER_ROW_FIELDS } from "../lib/backorder-fields"

export type BackorderListQuery = Record<
  string,
  string | number | string[] | Record<string, string> | undefined
>

export const useBackorders = (
  query: BackorderListQuery,
  options: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: backorderQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminBackorderListResponse>("/admin/backorders", {
        query: { fields: BACKORDER_ROW_FIELDS, ...query },
      }),
    placeholderData: keepPreviousData,
    ...options,
  })

export const useBackorderCounts = (query: BackorderListQuery) =>
  useQuery({
    queryKey: [...backorderQueryKeys.all, "counts", query],
    queryFn: () =>
      sdk.client.fetch<AdminBackorderCountsResponse>(
        "/admin/backorders/counts",
        { query }
      ),
    placeholderData: keepPreviousData,
  })

export const useSupplierGroups = (
  query: BackorderListQuery,
  options: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: [...backorderQueryKeys.all, "supplier-groups", query],
    queryFn: () =>
      sdk.client.fetch<AdminSupplierGroupsResponse>(
        "/admin/backorders/supplier-groups",
        { query }
      ),
    placeholderData: keepPreviousData,
    ...options,
  })

export const useOrderBackorders = (orderId: string) =>
  useQuery({
    queryKey: [...backorderQueryKeys.all, "order", orderId],
    queryFn: () =>
      sdk.client.fetch<AdminOrderBackordersResponse>(
        `/admin/orders/${orderId}/backorders`,
        {
          query: { fields: BACKORDER_ROW_FIELDS },
        }
      ),
  })

export const useBackorderHealth = () =>
  useQuery({
    queryKey: [...backorderQueryKeys.all, "health"],
    queryFn: () =>
      sdk.client.fetch<AdminBackorderHealthResponse>(
        "/admin/backorders/health"
      ),
  })

export const useStockSummary = (
  query: { variant_id: string } | { inventory_item_id: string }
) =>
  useQuery({
    queryKey: [...backorderQueryKeys.all, "stock-summary", query],
    queryFn: () =>
      sdk.client.fetch<AdminStockSummaryResponse>(
        "/admin/backorders/stock-summary",
        {
          query,
        }
      ),
  })

export const useAllocations = (query: Record<string, string | number>) =>
  useQuery({
    queryKey: [...backorderQueryKeys.all, "allocations", query],
    queryFn: () =>
      sdk.client.fetch<AdminAllocationListResponse>(
        "/admin/backorders/allocations",
        { query }
      ),
  })

/** Everything that shows backorders or purchase orders is stale after a change. */
export const useInvalidateBackorders = () => {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: backorderQueryKeys.all }),
      queryClient.invalidateQueries({ queryKey: purchaseOrderQueryKeys.all }),
      // Core screens (orders, inventory) show reservations and payments the plugin changed.
      queryClient.invalidateQueries({ queryKey: ["orders"] }),
      queryClient.invalidateQueries({ queryKey: ["inventory_items"] }),
    ])
}

export const useCancelBackorder = (id: string) => {
  const invalidate = useInvalidateBackorders()
  return useMutation({
    mutationFn: (body: { quantity?: number; reason?: string }) =>
      sdk.client.fetch<AdminCancelBackorderResponse>(
        `/admin/backorders/${id}/cancel`,
        { method: "POST", body }
      ),
    onSuccess: invalidate,
  })
}

/** Packs allocated backorders of one order through Medusa's fulfilment, then captures the balance. */
export const useFulfilBackorders = () => {
  const invalidate = useInvalidateBackorders()
  return useMutation({
    mutationFn: ({
      order_id,
      ...body
    }: {
      order_id: string
      backorder_ids?: string[]
    }) =>
      sdk.client.fetch<AdminFulfilBackordersResponse>(
        `/admin/orders/${order_id}/backorders/fulfil`,
        { method: "POST", body }
      ),
    onSuccess: invalidate,
  })
}

export type FulfilmentPreview = AdminFulfilmentPreview

/** What fulfilling would pack and capture, for the confirmation. */
export const useFulfilPreview = (
  orderId: string,
  backorderIds: string[] | undefined,
  enabled: boolean
) =>
  useQuery({
    queryKey: backorderQueryKeys.detail("fulfil-preview", {
      orderId,
      backorderIds,
    }),
    queryFn: () =>
      sdk.client.fetch<AdminFulfilPreviewResponse>(
        `/admin/orders/${orderId}/backorders/fulfil`,
        {
          method: "POST",
          body: { backorder_ids: backorderIds, preview: true },
        }
      ),
    enabled,
    retry: false,
    gcTime: 0,
  })

/** Release / override: moves allocated units of a backorder to another one. */
export const useReleaseAllocation = (id: string) => {
  const invalidate = useInvalidateBackorders()
  return useMutation({
    mutationFn: (body: {
      to_backorder_id: string
      quantity: number
      reason: string
    }) =>
      sdk.client.fetch<AdminReleaseAllocationResponse>(
        `/admin/backorders/${id}/release`,
        { method: "POST", body }
      ),
    onSuccess: invalidate,
  })
}

export type RequestStockBody = {
  backorder_ids?: string[]
  all_open_backorders_of_supplier?: boolean
  supplier_id?: string
  purchase_order_id?: string
  dropship?: boolean
  location_id?: string
  expected_at?: string
  /** Leave out backorders that cannot be ordered and say why in `skipped`. */
  skip_unavailable?: boolean
}

/** A backorder a stock request left out, with why in names and numbers. */
export type SkippedBackorder = AdminSkippedBackorder

/** A purchase order a stock request would create (or the draft it would add to). */
export type PlannedPurchaseOrderPreview = AdminPlannedPurchaseOrderPreview

export type RequestStockResult = AdminRequestStockResponse

export const useRequestStock = () => {
  const invalidate = useInvalidateBackorders()
  return useMutation({
    mutationFn: (body: RequestStockBody) =>
      sdk.client.fetch<RequestStockResult>(
        "/admin/purchase-orders/request-stock",
        { method: "POST", body }
      ),
    onSuccess: invalidate,
  })
}

/** What `body` would create or add to, read again whenever the form changes. */
export const useRequestStockPreview = (
  body: RequestStockBody,
  enabled: boolean
) =>
  useQuery({
    queryKey: backorderQueryKeys.detail("request-stock-preview", body),
    queryFn: () =>
      sdk.client.fetch<AdminRequestStockPreviewResponse>(
        "/admin/purchase-orders/request-stock",
        {
          method: "POST",
          body: { ...body, preview: true },
        }
      ),
    enabled,
    retry: false,
  })

/** Exports the backorders matching `query` as CSV through the File module. */
export const useExportBackorders = () =>
  useMutation({
    mutationFn: (query: BackorderListQuery) =>
      sdk.client.fetch<AdminBackorderExportResponse>(
        "/admin/backorders/export",
        { method: "POST", query, body: {} }
      ),
  })
