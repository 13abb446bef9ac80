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
