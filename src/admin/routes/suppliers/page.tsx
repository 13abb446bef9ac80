import { NameIconButtons } from "../../components/accessible-names"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { SupplierFormDrawer } from "../../components/supplier-form"
import { formatCount } from "../../lib/format"
import { useSuppliers } from "../../hooks/suppliers"
import { useUrlTable } from "../../hooks/url-state"
import type { Supplier } from "../../lib/types"
import { RequirePermission } from "../../components/access-denied"
import { usePermissions } from "../../hooks/permissions"

const PAGE_SIZE = 20
const columnHelper = createDataTableColumnHelper<Supplier>()
const columns = [
  columnHelper.accessor("name", { header: "Name", enableSorting: true }),
  columnHelper.accessor("code", {
    header: "Code",
    cell: ({ getValue }) => getValue() ?? "-",
  }),
  columnHelper.accessor("email", {
    header: "Email",
    cell: ({ getValue }) => getValue() ?? "-",
  }),
  columnHelper.accessor("contact_name", {
    header: "Contact",
    cell: ({ getValue }) => getValue() ?? "-",
  }),
  columnHelper.accessor("default_lead_time_days", {
    header: "Lead time",
    cell: ({ getValue }) =>
      getValue() === null ? "-" : formatCount(getValue()!, "day"),
  }),
  columnHelper.accessor("currency_code", {
    header: "Currency",
    cell: ({ getValue }) => getValue()?.toUpperCase() ?? "-",
  }),
]

const SuppliersPage = () => {
  const { can } = usePermissions()
  const navigate = useNavigate()
  const { offset, order, q, pagination, sorting, search } = useUrlTable({
    pageSize: PAGE_SIZE,
    defaultOrder: "name",
  })
  const [creating, setCreating] = useState(false)
  const { data, isLoading, isError, error } = useSuppliers({
    limit: PAGE_SIZE,
    offset,
    order,
    ...(q ? { q } : {}),
  })

  const table = useDataTable({
    data: data?.suppliers ?? [],
    columns,
    rowCount: data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading,
    onRowClick: (_, row) => navigate(`/suppliers/${row.id}`),
    search,
    pagination,
    sorting,
  })

  // After every hook: a failed list goes to the dashboard's error page.
  if (isError) {
    throw error
  }

  return (
    <NameIconButtons>
      <Container className="divide-y p-0">
        <DataTable instance={table}>
          <DataTable.Toolbar className="flex items-center justify-between">
            <div>
              <Heading>Suppliers</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                Who you buy from, and on what terms.
              </Text>
            </div>
            <div className="flex items-center gap-x-2">
              <DataTable.Search placeholder="Search" />
              {can("supplier:create") && (
                <Button
                  size="small"
                  variant="secondary"
                  onClick={() => setCreating(true)}
                >
                  Create
                </Button>
              )}
            </div>
          </DataTable.Toolbar>
          <NameIconButtons>
            <DataTable.Table
              emptyState={{
                empty: {
                  heading: "No suppliers",
                  description:
                    "Create the suppliers you order from, then add their terms per variant.",
                },
                filtered: {
                  heading: "No matching suppliers",
                  description: "Change the search.",
                },
              }}
            />
          </NameIconButtons>
          <DataTable.Pagination />
        </DataTable>
        <SupplierFormDrawer
          open={creating}
          onOpenChange={setCreating}
          onSaved={(supplier) => navigate(`/suppliers/${supplier.id}`)}
        />
      </Container>
    </NameIconButtons>
  )
}

export const config = defineRouteConfig({
  label: "Suppliers",
  icon: BuildingStorefront,
  nested: "/inventory",
})

export const handle = { breadcrumb: () => "Suppliers" }

const GuardedSuppliersPage = () => (
  <RequirePermission permission="supplier:read">
    <SuppliersPage />
  </RequirePermission>
)

export default GuardedSuppliersPage
