import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminSupplierListResponse,
  AdminSupplierResponse,
  AdminSupplierVariantDeleteResponse,
  AdminSupplierVariantListResponse,
  AdminSupplierVariantResponse,
} from "../../types/http/suppliers"
import { supplierQueryKeys } from "./query-keys"

export const useSuppliers = (
  query: Record<string, string | number | undefined> = {}
) =>
  useQuery({
    queryKey: supplierQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminSupplierListResponse>("/admin/suppliers", {
        query,
      }),
    placeholderData: keepPreviousData,
  })

export const useSupplier = (
  id: string,
  { enabled = true }: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: supplierQueryKeys.detail(id),
    queryFn: () =>
      sdk.client.fetch<AdminSupplierResponse>(`/admin/suppliers/${id}`),
    enabled,
  })

export const useSupplierVariants = (supplierId: string) =>
  useQuery({
    queryKey: [...supplierQueryKeys.detail(supplierId), "variants"],
    queryFn: () =>
      sdk.client.fetch<AdminSupplierVariantListResponse>(
        `/admin/suppliers/${supplierId}/variants`,
        { query: { limit: 100 } }
      ),
  })

export type SupplierInput = {
  name?: string
  code?: string | null
  email?: string | null
  phone?: string | null
  contact_name?: string | null
  currency_code?: string | null
  default_lead_time_days?: number | null
  notes?: string | null
}

const useSupplierMutation = <TBody, TResult>(
  request: (body: TBody) => Promise<TResult>
) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: supplierQueryKeys.all }),
  })
}

export const useCreateSupplier = () =>
  useSupplierMutation((body: SupplierInput & { name: string }) =>
    sdk.client.fetch<AdminSupplierResponse>("/admin/suppliers", {
      method: "POST",
      body,
    })
  )

export const useUpdateSupplier = (id: string) =>
  useSupplierMutation((body: SupplierInput) =>
    sdk.client.fetch<AdminSupplierResponse>(`/admin/suppliers/${id}`, {
      method: "POST",
      body,
    })
  )

export type SupplierVariantInput = {
  supplier_sku?: string | null
  unit_cost?: number | null
  lead_time_days?: number | null
  minimum_order_quantity?: number
  case_pack?: number
  is_preferred?: boolean
}

export const useCreateSupplierVariant = (supplierId: string) =>
  useSupplierMutation((body: SupplierVariantInput & { variant_id: string }) =>
    sdk.client.fetch<AdminSupplierVariantResponse>(
      `/admin/suppliers/${supplierId}/variants`,
      { method: "POST", body }
    )
  )

export const useUpdateSupplierVariant = (supplierId: string, id: string) =>
  useSupplierMutation((body: SupplierVariantInput) =>
    sdk.client.fetch<AdminSupplierVariantResponse>(
      `/admin/suppliers/${supplierId}/variants/${id}`,
      { method: "POST", body }
    )
  )

export const useDeleteSupplierVariant = (supplierId: string) =>
  useSupplierMutation((id: string) =>
    sdk.client.fetch<AdminSupplierVariantDeleteResponse>(
      `/admin/suppliers/${supplierId}/variants/${id}`,
      {
        method: "DELETE",
      }
    )
  )
