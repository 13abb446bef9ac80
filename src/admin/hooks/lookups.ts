import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/**
 * Core records the plugin's forms pick from: customers, stock locations, product variants
 * and draft purchase orders, read through Medusa's own admin API.
 */
export const useCustomerOptions = (q: string) =>
  useQuery({
    queryKey: ["backorders-plugin", "lookup", "customers", q],
    queryFn: () =>
      sdk.admin.customer.list({
        q: q || undefined,
        limit: 20,
        fields: "id,email,first_name,last_name,company_name",
      }),
    placeholderData: keepPreviousData,
  })

export const useStockLocationOptions = () =>
  useQuery({
    queryKey: ["backorders-plugin", "lookup", "stock-locations"],
    queryFn: () =>
      sdk.admin.stockLocation.list({ limit: 100, fields: "id,name" }),
  })

export const useVariantOptions = (q: string) =>
  useQuery({
    queryKey: ["backorders-plugin", "lookup", "variants", q],
    queryFn: () =>
      sdk.admin.productVariant.list({
        q: q || undefined,
        limit: 20,
        fields: "id,title,sku,product.title,allow_backorder,manage_inventory",
      }),
    placeholderData: keepPreviousData,
  })

/**
 * The store's currencies (Medusa's store settings), the default first: what a supplier may
 * bill in, and the currency an amount without one is shown in.
 */
export const useStoreCurrencies = () => {
  const query = useQuery({
    queryKey: ["backorders-plugin", "lookup", "store-currencies"],
    queryFn: () =>
      sdk.admin.store.list({
        fields: "id,*supported_currencies,*supported_currencies.currency",
      }),
    staleTime: 5 * 60 * 1000,
  })
  const currencies = [...(query.data?.stores[0]?.supported_currencies ?? [])]
    .sort((a, b) => Number(b.is_default) - Number(a.is_default))
    .map((c) => ({
      code: c.currency_code,
      name: c.currency?.name ?? c.currency_code.toUpperCase(),
      is_default: c.is_default,
    }))
  return {
    ...query,
    currencies,
    defaultCurrency: currencies.find((c) => c.is_default)?.code ?? null,
  }
}
