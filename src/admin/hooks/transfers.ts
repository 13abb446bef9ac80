import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminReceiveTransferResponse,
  AdminTransferListResponse,
  AdminTransferResponse,
  AdminTransferSourcesResponse,
} from "../../types/http/transfers"
import { useInvalidateBackorders } from "./backorders"
import { queryKeysFactory } from "./query-keys"

export const transferQueryKeys = queryKeysFactory("transfer")

/** Transfers matching `query`; a table keeps the previous page while the next loads. */
export const useTransfers = (
  query: Record<string, string | number | string[] | undefined>,
  { enabled = true }: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: transferQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminTransferListResponse>("/admin/transfers", {
        query,
      }),
    placeholderData: keepPreviousData,
    enabled,
  })

export const useTransfer = (id: string) =>
  useQuery({
    queryKey: transferQueryKeys.detail(id),
    queryFn: () =>
      sdk.client.fetch<AdminTransferResponse>(`/admin/transfers/${id}`),
  })

/** The own locations with free stock for the backorders (where a transfer can come from). */
export const useTransferSources = (backorderIds: string[], enabled: boolean) =>
  useQuery({
    queryKey: [...transferQueryKeys.all, "sources", backorderIds],
    queryFn: () =>
      sdk.client.fetch<AdminTransferSourcesResponse>(
        "/admin/transfers/sources",
        { query: { backorder_ids: backorderIds } }
      ),
    enabled: enabled && backorderIds.length > 0,
  })

/** After a transfer changes, transfers, backorders and stock screens are stale. */
const useInvalidateTransfers = () => {
  const queryClient = useQueryClient()
  const invalidateBackorders = useInvalidateBackorders()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: transferQueryKeys.all }),
      invalidateBackorders(),
    ])
}

const useTransferMutation = <TBody, TResult = AdminTransferResponse>(
  path: (body: TBody) => string,
  headers?: (body: TBody) => Record<string, string>
) => {
  const invalidate = useInvalidateTransfers()
  return useMutation({
    mutationFn: (body: TBody) =>
      sdk.client.fetch<TResult>(path(body), {
        method: "POST",
        body: body as Record<string, unknown>,
        headers: headers?.(body),
      }),
    onSuccess: invalidate,
  })
}

export type RequestTransferBody = {
  backorder_ids: string[]
  source_location_id: string
  transfer_id?: string
  note?: string
}

export const useRequestTransfer = () =>
  useTransferMutation<RequestTransferBody>(
    () => "/admin/transfers/request-stock"
  )

export const useSendTransfer = (id: string) =>
  useTransferMutation<Record<string, never>>(
    () => `/admin/transfers/${id}/send`
  )

export const useCancelTransfer = (id: string) =>
  useTransferMutation<Record<string, never>>(
    () => `/admin/transfers/${id}/cancel`
  )

export type ReceiveTransferBody = {
  lines: { transfer_line_id: string; quantity: number }[]
  idempotency_key: string
}

/** Receives with an idempotency key made once per form, so a retried click counts once. */
export const useReceiveTransfer = (id: string) =>
  useTransferMutation<ReceiveTransferBody, AdminReceiveTransferResponse>(
    () => `/admin/transfers/${id}/receive`
  )
