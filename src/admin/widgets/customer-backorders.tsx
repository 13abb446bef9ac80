import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminCustomer,
  DetailWidgetProps,
} from "@medusajs/framework/types"
import { Container, Heading, Table } from "@medusajs/ui"
import { SectionSkeleton, SectionMessage } from "../components/section-states"
import { Link } from "react-router-dom"
import { BackorderStatusBadge } from "../components/badges"
import { useBackorders } from "../hooks/backorders"
import { ageInDays, formatDate } from "../lib/format"

const OPEN = ["new", "on_order", "partially_available", "available"]

/** What the customer is still waiting for. */
const CustomerBackordersWidget = ({
  data: customer,
}: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError } = useBackorders({
    customer_id: customer.id,
    status: OPEN,
    limit: 50,
    order: "created_at",
  })
  return (
    <Container
      className="divide-y p-0"
      data-testid="customer-backorders-widget"
    >
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Open backorders</Heading>
        <Link
          className="text-ui-fg-base txt-compact-small underline underline-offset-2"
          to={`/backorders?customer_id=${customer.id}`}
        >
          View all
        </Link>
      </div>
      {isLoading ? (
        <SectionSkeleton />
      ) : isError || !data ? (
        <SectionMessage tone="error">
          The customer's backorders could not be loaded.
        </SectionMessage>
      ) : !data.backorders.length ? (
        <SectionMessage>Nothing on backorder.</SectionMessage>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Variant</Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  Short / allocated
                </Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Promised</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Age</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.backorders.map((b) => (
                <Table.Row key={b.id}>
                  <Table.Cell>
                    <Link
                      className="text-ui-fg-base underline underline-offset-2"
                      to={`/orders/${b.order_id}`}
                    >
                      #{b.order?.display_id}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{b.sku ?? b.title}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {Number(b.quantity) - Number(b.cancelled_quantity)} /{" "}
                    {b.allocated_quantity}
                  </Table.Cell>
                  <Table.Cell>
                    <BackorderStatusBadge status={b.status} />
                  </Table.Cell>
                  <Table.Cell>{formatDate(b.promised_at)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {ageInDays(b.created_at)} d
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.before",
})

export default CustomerBackordersWidget
