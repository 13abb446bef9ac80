import { NameIconButtons } from "../../components/accessible-names"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath } from "@medusajs/icons"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  createDataTableCommandHelper,
  createDataTableFilterHelper,
  DataTable,
  DataTableFilteringState,
  DataTableRowSelectionState,
  Heading,
  Tabs,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { toastOutcome } from "../../lib/toasts"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { BackorderStatusBadge } from "../../components/badges"
import { CancelBackorderDrawer } from "../../components/cancel-backorder-drawer"
import { ReleaseAllocationDrawer } from "../../components/release-allocation-drawer"
import { FulfilDrawer } from "../../components/fulfil-drawer"
import { RequestStockDrawer } from "../../components/request-stock-drawer"
import { SupplierGroups } from "../../components/supplier-groups"
import {
  BackorderListQuery,
  useBackorderCounts,
  useBackorders,
  useExportBackorders,
} from "../../hooks/backorders"
import {
  useCustomerOptions,
  useStockLocationOptions,
} from "../../hooks/lookups"
import { useSuppliers } from "../../hooks/suppliers"
import { useUrlTable } from "../../hooks/url-state"
import {
  ageInDays,
  BACKORDER_STATUS,
  backorderCustomerName,
  formatDate,
  orderPayment,
  PAYMENT_POLICY_LABEL,
  SOURCE_LABEL,
} from "../../lib/format"
import type { Backorder, BackorderStatus } from "../../lib/types"
import {
  TransferNotes,
  useTransferNotesOf,
} from "../../components/transfer/transfers-in-transit"
import { RequirePermission } from "../../components/access-denied"
import { usePermissions } from "../../hooks/permissions"

const PAGE_SIZE = 20
const TABS: (BackorderStatus | "all")[] = [
  "all",
  "new",
  "on_order",
  "partially_available",
  "available",
  "fulfilled",
  "cancelled",
]
const LIST_FILTERS = [
  "supplier_id",
  "location_id",
  "customer_id",
  "source",
] as const
const DATE_OPERATORS = ["$gte", "$lte", "$gt", "$lt"] as const

const columnHelper = createDataTableColumnHelper<Backorder>()
const filterHelper = createDataTableFilterHelper<Backorder>()
const commandHelper = createDataTableCommandHelper()

/** The purchase order a backorder is on, if any: the last one it was linked to. */
const purchaseOrderOf = (backorder: Backorder) =>
  [...(backorder.purchase_order_lines ?? [])]
    .map((link) => link.purchase_order_line?.purchase_order)
    .filter(Boolean)
    .pop() ?? null

const BackordersPage = () => {
  const navigate = useNavigate()
  const { url, offset, order, q, pagination, sorting, search } = useUrlTable({
    pageSize: PAGE_SIZE,
    defaultOrder: "-created_at",
  })
  const status = (url.get("status") ?? "all") as BackorderStatus | "all"
  const groupBySupplier = url.get("group") === "supplier"
  const [requestStockFor, setRequestStockFor] = useState<string[] | null>(null)
  const [cancelling, setCancelling] = useState<Backorder | null>(null)
  const [releasing, setReleasing] = useState<Backorder | null>(null)
  const [rowSelection, setRowSelection] = useState<DataTableRowSelectionState>(
    {}
  )
  const [fulfilling, setFulfilling] = useState<Backorder | null>(null)
  // The rows wait for the user's permissions: a row menu opened before they load would be
  // re-drawn (and closed) the moment they arrive.
  const { can, isLoading: permissionsLoading } = usePermissions()
  const exportCsv = useExportBackorders()

  // Filters shared by the list, the tab counts and the supplier groups.
  const filters: BackorderListQuery = {}
  for (const key of LIST_FILTERS) {
    const values = url.getList(key)
    if (values.length) {
      filters[key] = values
    }
  }
  const createdAt: Record<string, string> = {}
  for (const op of DATE_OPERATORS) {
    const value = url.get(`created_at${op}`)
    if (value && !Number.isNaN(Date.parse(value))) {
      createdAt[op] = value
    }
  }
  if (Object.keys(createdAt).length) {
    filters.created_at = createdAt
  }
  if (q) {
    filters.q = q
  }
  const lateOnly = url.get("late") === "true"
  if (lateOnly) {
    filters.late = "true"
  }

  // "Open only" (the Health page's open backorders): every status but fulfilled and cancelled.
  const openOnly = url.get("open") === "true"

  const listQuery: BackorderListQuery = {
    ...filters,
    ...(status === "all"
      ? openOnly
        ? { status: [...OPEN_STATUSES] }
        : {}
      : { status }),
    limit: PAGE_SIZE,
    offset,
    order,
  }
  const { data, isLoading, isError, error } = useBackorders(listQuery)
  const transferNotes = useTransferNotesOf(
    (data?.backorders ?? []).map((b) => b.id)
  )
  const { data: counts } = useBackorderCounts(filters)

  const { data: suppliers } = useSuppliers({ limit: 100 })
  const { data: locations } = useStockLocationOptions()
  const { data: customers } = useCustomerOptions("")

  const columns = useMemo(
    () => [
      columnHelper.select(),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <BackorderStatusBadge status={getValue()} />,
      }),
      columnHelper.accessor("customer", {
        header: "Customer",
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span>{backorderCustomerName(row.original)}</span>
            <span className="text-ui-fg-muted txt-compact-small">
              {row.original.customer?.email}
            </span>
          </div>
        ),
      }),
      columnHelper.accessor("order", {
        header: "Order",
        cell: ({ row }) =>
          row.original.order ? (
            <Link
              to={`/orders/${row.original.order_id}`}
              className="text-ui-fg-base txt-compact-small-plus underline-offset-2 hover:underline"
              onClick={(e) => e.stopPropagation()}
            >
              #{row.original.order.display_id}
            </Link>
          ) : (
            "-"
          ),
      }),
      columnHelper.accessor("sku", {
        header: "Variant",
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span>{row.original.title}</span>
            <span className="text-ui-fg-muted txt-compact-small">
              {row.original.sku}
            </span>
          </div>
        ),
      }),
      columnHelper.accessor("quantity", {
        header: "Short / allocated",
        headerAlign: "right",
        cell: ({ row }) => (
          <div className="text-right tabular-nums">
            {Number(row.original.quantity) -
              Number(row.original.cancelled_quantity)}{" "}
            / {row.original.allocated_quantity}
          </div>
        ),
      }),
      columnHelper.accessor("created_at", {
        header: "Age",
        enableSorting: true,
        sortAscLabel: "Newest first",
        sortDescLabel: "Oldest first",
        cell: ({ getValue }) => `${ageInDays(getValue())} d`,
      }),
      columnHelper.accessor("promised_at", {
        header: "Promised",
        enableSorting: true,
        cell: ({ row }) => {
          const late =
            row.original.promised_at &&
            ["new", "on_order", "partially_available"].includes(
              row.original.status
            ) &&
            new Date(row.original.promised_at) < new Date()
          return (
            <span className={late ? "text-ui-fg-error" : undefined}>
              {formatDate(row.original.promised_at)}
              {late ? " (late)" : ""}
            </span>
          )
        },
      }),
      columnHelper.accessor("payment_policy", {
        header: "Payment",
        cell: ({ row }) => {
          const b = row.original
          const payment = orderPayment(
            b.order?.payment_collections,
            b.currency_code
          )
          return (
            <div className="flex flex-col" data-testid="backorder-payment">
              <span>{payment?.label ?? "-"}</span>
              {payment && (
                <span className="text-ui-fg-muted txt-compact-small">
                  {payment.detail}
                </span>
              )}
              {b.payment_policy && b.source !== "storefront" && (
                <span className="text-ui-fg-muted txt-compact-small">
                  {PAYMENT_POLICY_LABEL[b.payment_policy]}
                </span>
              )}
            </div>
          )
        },
      }),
      columnHelper.display({
        id: "purchase_order",
        header: "PO",
        cell: ({ row }) => {
          const po = purchaseOrderOf(row.original)
          const transfers = transferNotes.get(row.original.id)
          return po ? (
            <div className="flex flex-col">
              <Link
                to={`/purchase-orders/${po.id}`}
                className="text-ui-fg-base txt-compact-small-plus underline-offset-2 hover:underline"
                onClick={(e) => e.stopPropagation()}
              >
                {po.number}
              </Link>
              <TransferNotes notes={transfers} />
            </div>
          ) : transfers ? (
            <TransferNotes notes={transfers} />
          ) : (
            "-"
          )
        },
      }),
      columnHelper.action({
        actions: ({ row }) => {
          const b = row.original
          const po = purchaseOrderOf(b)
          const open = [
            "new",
            "on_order",
            "partially_available",
            "available",
          ].includes(b.status)
          const stage = [
            ...(b.status === "new" && can("purchase_order:create")
              ? [
                  {
                    label: "Request stock",
                    onClick: () => setRequestStockFor([b.id]),
                  },
                ]
              : []),
            ...(po
              ? [
                  {
                    label: "View PO",
                    onClick: () => navigate(`/purchase-orders/${po.id}`),
                  },
                ]
              : []),
            ...(Number(b.allocated_quantity) > Number(b.fulfilled_quantity)
              ? [
                  ...(can("backorder:update")
                    ? [
                        {
                          label: "Fulfil",
                          onClick: () => setFulfilling(b),
                        },
                      ]
                    : []),
                  ...(can("backorder:release")
                    ? [
                        {
                          label: "Give to another customer",
                          onClick: () => setReleasing(b),
                        },
                      ]
                    : []),
                ]
              : []),
            {
              label: "View order",
              onClick: () => navigate(`/orders/${b.order_id}`),
            },
          ]
          return open && can("backorder:cancel")
            ? [stage, [{ label: "Cancel", onClick: () => setCancelling(b) }]]
            : [stage]
        },
      }),
    ],
    [navigate, transferNotes, can]
  )

  const dataTableFilters = useMemo(
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
    search,
    pagination,
    filtering: {
      state: filtering,
      onFilteringChange: (state) => {
        const changes: Record<string, string | string[] | undefined> = {}
        for (const key of LIST_FILTERS) {
          const value = state[key]
          changes[key] = Array.isArray(value) ? (value as string[]) : undefined
        }
        const range = (state.created_at ?? {}) as Record<string, string | Date>
        for (const op of DATE_OPERATORS) {
          const value = range[op]
          changes[`created_at${op}`] = value
            ? new Date(value).toISOString()
            : undefined
        }
        url.set(changes)
      },
    },
    sorting,
    rowSelection: {
      state: rowSelection,
      onRowSelectionChange: setRowSelection,
      enableRowSelection: (row) =>
        row.original.status === "new" && can("purchase_order:create"),
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
                  onClick={() =>
                    url.set({ late: lateOnly ? undefined : "true" })
                  }
                >
                  Late only
                </Button>
                <Button
                  size="small"
                  variant="secondary"
                  isLoading={exportCsv.isPending}
                  onClick={() =>
                    exportCsv.mutate(
                      { ...filters, ...(status === "all" ? {} : { status }) },
                      toastOutcome(
                        ({ count }) =>
                          `Exported ${count} backorder${count === 1 ? "" : "s"}`,
                        ({ file }) =>
                          window.open(file.url, "_blank", "noopener")
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
            </DataTable.Toolbar>
            <div className="overflow-x-auto px-6 py-2">
              <Tabs
                value={status}
                onValueChange={(value) => {
                  setRowSelection({})
                  url.set({ status: value === "all" ? undefined : value })
                }}
              >
                <Tabs.List>
                  {TABS.map((tab) => (
                    <Tabs.Trigger
                      key={tab}
                      value={tab}
                      data-testid={`backorder-tab-${tab}`}
                    >
                      {tab === "all" ? "All" : BACKORDER_STATUS[tab].label}
                      <span className="text-ui-fg-muted ml-1.5 tabular-nums">
                        {counts
                          ? (
                              tab === "all"
                                ? counts.estimated.length > 0
                                : counts.estimated.includes(tab)
                            )
                            ? `~${tab === "all" ? counts.total : counts.counts[tab]}`
                            : tab === "all"
                              ? counts.total
                              : counts.counts[tab]
                          : ""}
                      </span>
                    </Tabs.Trigger>
                  ))}
                </Tabs.List>
                {/* The tab's panel is the table below; this names it for screen readers. */}
                <Tabs.Content value={status} className="sr-only">
                  {status === "all" ? "All" : BACKORDER_STATUS[status].label}{" "}
                  backorders are listed below.
                </Tabs.Content>
              </Tabs>
            </div>
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
            query={{ ...filters, ...(status === "all" ? {} : { status }) }}
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

function daysAgo(days: number) {
  const date = new Date()
  date.setHours(0, 0, 0, 0)
  date.setDate(date.getDate() - days)
  return date.toISOString()
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

const OPEN_STATUSES: BackorderStatus[] = [
  "new",
  "on_order",
  "partially_available",
  "available",
]

export default GuardedBackordersPage
