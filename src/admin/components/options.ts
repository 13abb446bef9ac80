import { useCustomerOptions, useVariantOptions } from "../hooks/lookups"
import type { SearchSelectOption } from "./search-select"

/** Customers as options of a SearchSelect. */
export const useCustomerSearch = (q: string) => {
  const { data, isLoading } = useCustomerOptions(q)
  return {
    isLoading,
    options: (data?.customers ?? []).map(
      (c): SearchSelectOption => ({
        value: c.id,
        label:
          [c.first_name, c.last_name].filter(Boolean).join(" ") ||
          c.company_name ||
          c.email,
        hint: c.email,
      })
    ),
  }
}

/** Product variants as options of a SearchSelect. */
export const useVariantSearch = (q: string) => {
  const { data, isLoading } = useVariantOptions(q)
  return {
    isLoading,
    options: (data?.variants ?? []).map(
      (v): SearchSelectOption => ({
        value: v.id,
        label: `${v.product?.title ?? ""} · ${v.title}`,
        hint: v.sku ?? undefined,
      })
    ),
  }
}
