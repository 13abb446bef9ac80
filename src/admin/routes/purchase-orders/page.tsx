import { NameIconButtons } from "../../components/accessible-names"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  DataTableFilteringState,
  DropdownMenu,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { PurchaseOrderStatusBadge } from "../../components/badges"
import { CreatePurchaseOrderModal } from "../../components/create-purchase-order-modal"
import { RequestStockDrawer } from "../../components/request-stock-drawer"
import {
  useStockLocationOptions,
  useStoreCurrencies,
} from "../../hooks/lookups"
import { usePurchaseOrders } from "../../hooks/purchase-orders"
import { useSuppliers } from "../../hooks/suppliers"
import { useUrlTable } from "../../hooks/url-state"
import {
  formatDate,
  formatMoney,
  PURCHASE_ORDER_STATUS,
} from "../../lib/format"
import type { PurchaseOrder } from "../../lib/types"
import { RequirePermission } from "../../components/access-denied"
import { usePermissions } from "../../hooks/permissions"

const PAGE_SIZE = 20
const LIST_FILTERS = ["status", "supplier_id", "location_id"] as const
const columnHelper = createDataTableColumnHelper<PurchaseOrder>()
const filterHelper = createDataTableFilterHelper<PurchaseOrder>()

const PurchaseOrdersPage = () => {
  const { can } = usePermissions()
  const navigate = useNavigate()
  const { url, offset, order, pagination, sorting } = useUrlTable({
    pageSize: PAGE_SIZE,
    defaultOrder: "-created_at",
  })
  const [creating, setCreating] = useState(false)
  const [orderAllFrom, setOrderAllFrom] = useState<string | null>(null)
  const { defaultCurrency } = useStoreCurrencies()

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
  const { data, isLoading, isError, error } = usePurchaseOrders(query)
  const { data: suppliers } = useSuppliers({ limit: 100 })
  const { data: locations } = useStockLocationOptions()
  const locationName = (id: string | null) =>
    locations?.stock_locations.find((l) => l.id === id)?.name ?? id ?? "-"

  const columns = useMemo(
    () => [
      columnHelper.accessor("number", {
        header: "Number",
        cell: ({ getValue }) => (
          <span className="font-medium">{getValue()}</span>
        ),
      }),
      columnHelper.accessor("supplier", {
        header: "Supplier",
        cell: ({ row }) => row.original.supplier?.name ?? "-",
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => (
          <PurchaseOrderStatusBadge status={getValue()} />
        ),
      }),
      columnHelper.accessor("location_id", {
        header: "Deliver to",
        cell: ({ row }) =>
          row.original.is_dropship
            ? `Dropship: ${row.original.dropship_address?.city ?? "customer"}`
            : locationName(row.original.location_id),
      }),
      columnHelper.accessor("total", {
        header: "Value",
        cell: ({ row }) => (
          <span className="tabular-nums" data-testid="po-value">
            {formatMoney(
              row.original.total,
              row.original.currency_code ?? defaultCurrency
            )}
          </span>
        ),
      }),
      columnHelper.accessor("expected_at", {
        header: "Expected",
        enableSorting: true,
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      columnHelper.accessor("created_at", {
        header: "Created",
        enableSorting: true,
        cell: ({ getValue }) => formatDate(getValue()),
      }),
    ],
    [locations, defaultCurrency]
  )

  const filters = useMemo(
    () => [
      filterHelper.accessor("status", {
        type: "select",
        label: "Status",
        options: Object.entries(PURCHASE_ORDER_STATUS).map(
          ([value, { label }]) => ({
            label,
            value,
          })
        ),
      }),
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
    ],
    [suppliers, locations]
  )

  const table = useDataTable({
    data: data?.purchase_orders ?? [],
    columns,
    filters,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    onRowClick: (_, row) => navigate(`/purchase-orders/${row.id}`),
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
            <Heading>Purchase orders</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              What was ordered from suppliers, and what has arrived.
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            {can("purchase_order:create") && (
              <>
                <OrderAllOpenMenu onPick={setOrderAllFrom} />
                <Button
                  size="small"
                  variant="secondary"
                  onClick={() => setCreating(true)}
                >
                  Create
                </Button>
              </>
            )}
          </div>
        </DataTable.Toolbar>
        <div className="flex items-center justify-between px-6 py-2">
          <NameIconButtons label="Filter">
            <DataTable.FilterMenu tooltip="Filter" />
          </NameIconButtons>
          <NameIconButtons label="Sort">
            <DataTable.SortingMenu tooltip="Sort" />
          </NameIconButtons>
        </div>
        <NameIconButtons>
          <DataTable.Table
            emptyState={{
              empty: {
                heading: "No purchase orders",
                description:
                  "Request stock for backorders, or create one by hand.",
              },
              filtered: {
                heading: "No matching purchase orders",
                description: "Change the filters.",
              },
            }}
          />
        </NameIconButtons>
        <DataTable.Pagination />
      </DataTable>
      <CreatePurchaseOrderModal
        open={creating}
        onOpenChange={setCreating}
        onCreated={(po) => navigate(`/purchase-orders/${po.id}`)}
      />
      {orderAllFrom && (
        <RequestStockDrawer
          open
          onOpenChange={(open) => !open && setOrderAllFrom(null)}
          supplierId={orderAllFrom}
          onDone={(pos) => pos[0] && navigate(`/purchase-orders/${pos[0].id}`)}
        />
      )}
    </Container>
  )
}

/** "Add all open backorders of this supplier": pick the supplier, then request stock. */
const OrderAllOpenMenu = ({
  onPick,
}: {
  onPick: (supplierId: string) => void
}) => {
  const { data } = useSuppliers({ limit: 100 })
  return (
    <DropdownSupplierMenu
      suppliers={data?.suppliers ?? []}
      onPick={onPick}
      label="Order open backorders"
    />
  )
}

const DropdownSupplierMenu = ({
  suppliers,
  onPick,
  label,
}: {
  suppliers: { id: string; name: string }[]
  onPick: (id: string) => void
  label: string
}) => (
  <DropdownMenu>
    <DropdownMenu.Trigger asChild>
      <Button size="small" variant="secondary">
        {label}
      </Button>
    </DropdownMenu.Trigger>
    <DropdownMenu.Content>
      {suppliers.map((s) => (
        <DropdownMenu.Item key={s.id} onClick={() => onPick(s.id)}>
          {s.name}
        </DropdownMenu.Item>
      ))}
    </DropdownMenu.Content>
  </DropdownMenu>
)

export const config = defineRouteConfig({
  label: "Purchase orders",
  icon: DocumentText,
  nested: "/inventory",
})

export const handle = { breadcrumb: () => "Purchase orders" }

const GuardedPurchaseOrdersPage = () => (
  <RequirePermission permission="purchase_order:read">
    <PurchaseOrdersPage />
  </RequirePermission>
)

export default GuardedPurchaseOrdersPage
