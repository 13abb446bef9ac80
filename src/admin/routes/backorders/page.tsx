import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath } from "@medusajs/icons"
import {
  Container,
  createDataTableCommandHelper,
  DataTable,
  DataTableFilteringState,
  DataTableRowSelectionState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { BackorderStatus } from "../../../types/enums"
import { RequirePermission } from "../../components/access-denied"
import { NameIconButtons } from "../../components/accessible-names"
import { BackorderListActions } from "../../components/backorders/backorder-list-actions"
import { BackorderStatusTabs } from "../../components/backorders/backorder-status-tabs"
import { CancelBackorderDrawer } from "../../components/cancel-backorder-drawer"
import { FulfilDrawer } from "../../components/fulfil-drawer"
import { ReleaseAllocationDrawer } from "../../components/release-allocation-drawer"
import { RequestStockDrawer } from "../../components/request-stock-drawer"
import { SupplierGroups } from "../../components/supplier-groups"
import { useTransferNotesOf } from "../../components/transfer/transfers-in-transit"
import { useBackorderCounts, useBackorders } from "../../hooks/backorders"
import { usePermissions } from "../../hooks/permissions"
import {
  BackorderRowActions,
  useBackorderTableColumns,
} from "../../hooks/table/use-backorder-table-columns"
import { useBackorderTableFilters } from "../../hooks/table/use-backorder-table-filters"
import {
  BACKORDER_LIST_FILTERS,
  DATE_OPERATORS,
  useBackorderTableQuery,
} from "../../hooks/table/use-backorder-table-query"
import type { Backorder } from "../../lib/types"

const PAGE_SIZE = 20

const commandHelper = createDataTableCommandHelper()

const BackordersPage = () => {
  const navigate = useNavigate()
  const state = useBackorderTableQuery({ pageSize: PAGE_SIZE })
  const { url, tab, filters, tabFilters, listQuery, groupBySupplier } = state
  const [requestStockFor, setRequestStockFor] = useState<string[] | null>(null)
  const [cancelling, setCancelling] = useState<Backorder | null>(null)
  const [releasing, setReleasing] = useState<Backorder | null>(null)
  const [fulfilling, setFulfilling] = useState<Backorder | null>(null)
  const [rowSelection, setRowSelection] = useState<DataTableRowSelectionState>(
    {}
  )
  // The rows wait for the user's permissions: a row menu opened before they load would be
  // re-drawn (and closed) the moment they arrive.
  const { can, isLoading: permissionsLoading } = usePermissions()

  const { data, isLoading, isError, error } = useBackorders(listQuery)
  const transferNotes = useTransferNotesOf(
    (data?.backorders ?? []).map((b) => b.id)
  )
  // The tabs count across statuses: the filters without the tab's own.
  const { data: counts } = useBackorderCounts(filters)

  const actions: BackorderRowActions = useMemo(
    () => ({
      requestStock: (b) => setRequestStockFor([b.id]),
      fulfil: setFulfilling,
      release: setReleasing,
      cancel: setCancelling,
    }),
    []
  )
  const columns = useBackorderTableColumns({ transferNotes, can, actions })
  const dataTableFilters = useBackorderTableFilters()

  // The DataTable's filter chips: the list filters without the search.
  const { q: _q, ...filtering } = filters as DataTableFilteringState

  const table = useDataTable({
    data: data?.backorders ?? [],
    columns,
    filters: dataTableFilters,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isLoading || permissionsLoading,
    onRowClick: (_, row) => navigate(`/orders/${row.order_id}`),
    search: state.search,
    pagination: state.pagination,
    filtering: {
      state: filtering,
      onFilteringChange: (next) => {
        const changes: Record<string, string | string[] | undefined> = {}
        for (const key of BACKORDER_LIST_FILTERS) {
          const value = next[key]
          changes[key] = Array.isArray(value) ? (value as string[]) : undefined
        }
        const range = (next.created_at ?? {}) as Record<string, string | Date>
        for (const op of DATE_OPERATORS) {
          const value = range[op]
          changes[`created_at${op}`] = value
            ? new Date(value).toISOString()
            : undefined
        }
        url.set(changes)
      },
    },
    sorting: state.sorting,
    rowSelection: {
      state: rowSelection,
      onRowSelectionChange: setRowSelection,
      enableRowSelection: (row) =>
        row.original.status === BackorderStatus.NEW &&
        can("purchase_order:create"),
    },
    commands: [
      commandHelper.command({
        label: "Request stock",
        shortcut: "r",
        action: async (selection) => setRequestStockFor(Object.keys(selection)),
      }),
    ],
  })

  // After every hook: a failed list goes to the dashboard's error page.
  if (isError) {
    throw error
  }

  return (
    <NameIconButtons>
      <div className="flex flex-col gap-y-3">
        <Container className="divide-y p-0">
          <DataTable instance={table}>
            <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
              <div>
                <Heading>Backorders</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  Who waits for what, and where it stands.
                </Text>
              </div>
              <BackorderListActions state={state} />
            </DataTable.Toolbar>
            <BackorderStatusTabs
              tab={tab}
              counts={counts}
              onChange={(next) => {
                setRowSelection({})
                url.set({ status: next === "all" ? undefined : next })
              }}
            />
            <div className="flex items-center justify-between gap-x-2 px-6 py-2">
              <NameIconButtons label="Filter">
                <DataTable.FilterMenu tooltip="Filter" />
              </NameIconButtons>
              <div className="flex items-center gap-x-2">
                <DataTable.Search placeholder="Search SKU, customer, #order" />
                <NameIconButtons label="Sort">
                  <DataTable.SortingMenu tooltip="Sort" />
                </NameIconButtons>
              </div>
            </div>
            <NameIconButtons>
              <DataTable.Table
                emptyState={{
                  empty: {
                    heading: "No backorders",
                    description:
                      "Short sales at the point of sale and backordered checkouts show up here.",
                  },
                  filtered: {
                    heading: "No matching backorders",
                    description: "Change the tab, the search or the filters.",
                  },
                }}
              />
            </NameIconButtons>
            <DataTable.Pagination />
            <DataTable.CommandBar
              selectedLabel={(count) => `${count} selected`}
            />
          </DataTable>
        </Container>
        {groupBySupplier && (
          <SupplierGroups
            query={tabFilters}
            selected={url.getList("supplier_id")}
            onShow={(supplierId) =>
              url.set({ supplier_id: supplierId ?? undefined })
            }
          />
        )}
        <RequestStockDrawer
          open={!!requestStockFor}
          onOpenChange={(open) => !open && setRequestStockFor(null)}
          backorderIds={requestStockFor ?? []}
          onDone={() => setRowSelection({})}
        />
        {fulfilling && (
          <FulfilDrawer
            orderId={fulfilling.order_id}
            backorderIds={[fulfilling.id]}
            open
            onOpenChange={(open) => !open && setFulfilling(null)}
          />
        )}
        <ReleaseAllocationDrawer
          backorder={releasing}
          onOpenChange={(open) => !open && setReleasing(null)}
        />
        <CancelBackorderDrawer
          backorder={cancelling}
          onOpenChange={(open) => !open && setCancelling(null)}
        />
      </div>
    </NameIconButtons>
  )
}

export const config = defineRouteConfig({
  label: "Backorders",
  icon: ArrowPath,
  nested: "/orders",
})

export const handle = { breadcrumb: () => "Backorders" }

const GuardedBackordersPage = () => (
  <RequirePermission permission="backorder:read">
    <BackordersPage />
  </RequirePermission>
)

export default GuardedBackordersPage
