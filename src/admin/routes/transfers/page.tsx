import { defineRouteConfig } from "@medusajs/admin-sdk"
import { TruckFast } from "@medusajs/icons"
import {
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  DataTableFilteringState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { useNavigate } from "react-router-dom"
import type { AdminTransfer } from "../../../types/http/transfers"
import {
  TRANSFER_STATUS,
  TransferStatusBadge,
} from "../../components/transfer/transfer-status-badge"
import { useStockLocationOptions } from "../../hooks/lookups"
import { useTransfers } from "../../hooks/transfers"
import { useUrlTable } from "../../hooks/url-state"
import { formatDate } from "../../lib/format"
import { RequirePermission } from "../../components/access-denied"

const PAGE_SIZE = 20
const LIST_FILTERS = [
  "status",
  "source_location_id",
  "destination_location_id",
] as const
const columnHelper = createDataTableColumnHelper<AdminTransfer>()
const filterHelper = createDataTableFilterHelper<AdminTransfer>()

const TransfersPage = () => {
  const navigate = useNavigate()
  const { url, offset, order, pagination, sorting } = useUrlTable({
    pageSize: PAGE_SIZE,
    defaultOrder: "-created_at",
  })
  const query: Record<string, string | number | string[]> = {
    limit: PAGE_SIZE,
    offset,
    order,
  }
  const filtering: DataTableFilteringState = {}
  for (const key of LIST_FILTERS) {
    const values = url.getList(key)
    if (values.length) {
      query[key] = values
      filtering[key] = values
    }
  }
  const { data, isLoading, isError, error } = useTransfers(query)
  const { data: locations } = useStockLocationOptions()

  const columns = useMemo(
    () => [
      columnHelper.accessor("number", {
        header: "Number",
        cell: ({ getValue }) => (
          <span className="font-medium">{getValue()}</span>
        ),
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <TransferStatusBadge status={getValue()} />,
      }),
      columnHelper.accessor("source_location_id", {
        header: "From",
        cell: ({ row }) =>
          row.original.source_location?.name ?? row.original.source_location_id,
      }),
      columnHelper.accessor("destination_location_id", {
        header: "To",
        cell: ({ row }) =>
          row.original.destination_location?.name ??
          row.original.destination_location_id,
      }),
      columnHelper.accessor("lines", {
        header: "Units",
        cell: ({ getValue }) =>
          (getValue() ?? []).reduce((sum, l) => sum + l.quantity, 0),
      }),
      columnHelper.accessor("sent_at", {
        header: "Sent",
        enableSorting: true,
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      columnHelper.accessor("created_at", {
        header: "Created",
        enableSorting: true,
        cell: ({ getValue }) => formatDate(getValue()),
      }),
    ],
    []
  )

  const filters = useMemo(() => {
    const locationOptions = (locations?.stock_locations ?? []).map((l) => ({
      label: l.name,
      value: l.id,
    }))
    return [
      filterHelper.accessor("status", {
        type: "select",
        label: "Status",
        options: Object.entries(TRANSFER_STATUS).map(([value, { label }]) => ({
          label,
          value,
        })),
      }),
      filterHelper.accessor("source_location_id", {
        type: "select",
        label: "From",
        options: locationOptions,
      }),
      filterHelper.accessor("destination_location_id", {
        type: "select",
        label: "To",
        options: locationOptions,
      }),
    ]
  }, [locations])

  const table = useDataTable({
    data: data?.transfers ?? [],
    columns,
    filters,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    onRowClick: (_, row) => navigate(`/transfers/${row.id}`),
    pagination,
    filtering: {
      state: filtering,
      onFilteringChange: (state) =>
        url.set(
          Object.fromEntries(
            LIST_FILTERS.map((key) => [
              key,
              Array.isArray(state[key]) ? (state[key] as string[]) : undefined,
            ])
          )
        ),
    },
    sorting,
  })

  // After every hook: a failed list goes to the dashboard's error page.
  if (isError) {
    throw error
  }

  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div>
            <Heading>Transfers</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Stock moved between your own locations for waiting backorders.
            </Text>
          </div>
        </DataTable.Toolbar>
        <div className="flex items-center justify-between px-6 py-2">
          <DataTable.FilterMenu tooltip="Filter" />
          <DataTable.SortingMenu tooltip="Sort" />
        </div>
        <DataTable.Table
          emptyState={{
            empty: {
              heading: "No transfers",
              description:
                "Request stock for backorders from the Backorders page and pick a transfer.",
            },
            filtered: {
              heading: "No matching transfers",
              description: "Change the filters.",
            },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Transfers",
  icon: TruckFast,
  nested: "/inventory",
})

export const handle = { breadcrumb: () => "Transfers" }

const GuardedTransfersPage = () => (
  <RequirePermission permission="transfer:read">
    <TransfersPage />
  </RequirePermission>
)

export default GuardedTransfersPage
