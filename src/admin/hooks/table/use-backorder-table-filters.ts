import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { SOURCE_LABEL } from "../../lib/format"
import type { Backorder } from "../../lib/types"
import { useCustomerOptions, useStockLocationOptions } from "../lookups"
import { useSuppliers } from "../suppliers"

const filterHelper = createDataTableFilterHelper<Backorder>()

/** The start of the day `days` ago, for the "Created" presets. */
function daysAgo(days: number) {
  const date = new Date()
  date.setHours(0, 0, 0, 0)
  date.setDate(date.getDate() - days)
  return date.toISOString()
}

/**
 * The filter menu of the backorder list: supplier, location, customer, source and when the
 * backorder was created (as Medusa's dashboard builds its tables: `use-<x>-table-filters`).
 */
export function useBackorderTableFilters() {
  const { data: suppliers } = useSuppliers({ limit: 100 })
  const { data: locations } = useStockLocationOptions()
  const { data: customers } = useCustomerOptions("")
  return useMemo(
    () => [
      filterHelper.accessor("supplier_id", {
        type: "select",
        label: "Supplier",
        options: (suppliers?.suppliers ?? []).map((s) => ({
          label: s.name,
          value: s.id,
        })),
      }),
      filterHelper.accessor("location_id", {
        type: "select",
        label: "Location",
        options: (locations?.stock_locations ?? []).map((l) => ({
          label: l.name,
          value: l.id,
        })),
      }),
      filterHelper.accessor("customer_id", {
        type: "select",
        label: "Customer",
        options: (customers?.customers ?? []).map((c) => ({
          label:
            [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email,
          value: c.id,
        })),
      }),
      filterHelper.accessor("source", {
        type: "select",
        label: "Source",
        options: Object.entries(SOURCE_LABEL).map(([value, label]) => ({
          label,
          value,
        })),
      }),
      filterHelper.accessor("created_at", {
        type: "date",
        label: "Created",
        format: "date",
        options: [
          { label: "Last 7 days", value: { $gte: daysAgo(7) } },
          { label: "Last 30 days", value: { $gte: daysAgo(30) } },
          { label: "Older than 30 days", value: { $lt: daysAgo(30) } },
        ],
      }),
    ],
    [suppliers, locations, customers]
  )
}
