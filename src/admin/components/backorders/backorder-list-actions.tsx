import { Button } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useExportBackorders } from "../../hooks/backorders"
import type { useBackorderTableQuery } from "../../hooks/table/use-backorder-table-query"
import { toastOutcome } from "../../lib/toasts"

/**
 * The buttons above the backorder list: group by supplier, the "Open only" and "Late only"
 * toggles, CSV export of what the list shows, and the way to a to-order sale.
 */
export function BackorderListActions({
  state,
}: {
  state: ReturnType<typeof useBackorderTableQuery>
}) {
  const { url, groupBySupplier, openOnly, lateOnly, tabFilters } = state
  const exportCsv = useExportBackorders()
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        size="small"
        variant="secondary"
        onClick={() =>
          url.set(
            { group: groupBySupplier ? undefined : "supplier" },
            { resetPage: false }
          )
        }
      >
        {groupBySupplier ? "Ungroup" : "Group by supplier"}
      </Button>
      {openOnly && (
        <Button
          size="small"
          variant="primary"
          aria-pressed
          onClick={() => url.set({ open: undefined })}
        >
          Open only
        </Button>
      )}
      <Button
        size="small"
        variant={lateOnly ? "primary" : "secondary"}
        aria-pressed={lateOnly}
        onClick={() => url.set({ late: lateOnly ? undefined : "true" })}
      >
        Late only
      </Button>
      <Button
        size="small"
        variant="secondary"
        isLoading={exportCsv.isPending}
        onClick={() =>
          exportCsv.mutate(
            tabFilters,
            toastOutcome(
              ({ count }) =>
                `Exported ${count} backorder${count === 1 ? "" : "s"}`,
              ({ file }) => window.open(file.url, "_blank", "noopener")
            )
          )
        }
      >
        Export CSV
      </Button>
      <Button size="small" variant="secondary" asChild>
        <Link to="/to-order-sale">To-order sale</Link>
      </Button>
    </div>
  )
}
