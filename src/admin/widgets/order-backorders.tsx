import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import {
  Button,
  Container,
  Heading,
  Skeleton,
  StatusBadge,
  Table,
  Text,
} from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { BackorderStatusBadge } from "../components/badges"
import { RequestStockDrawer } from "../components/request-stock-drawer"
import { useOrderBackorders } from "../hooks/backorders"
import { FulfilDrawer } from "../components/fulfil-drawer"
import {
  TransferNotes,
  useTransferNotesOf,
} from "../components/transfer/transfers-in-transit"
import {
  formatDate,
  formatMoney,
  orderPayment,
  waitingQuantity,
} from "../lib/format"
import type { OrderPaymentCollection } from "../lib/types"
import { usePermissions } from "../hooks/permissions"

const ORDER_STATUS = {
  backordered: { label: "Backordered", color: "orange" },
  available: { label: "Ready to fulfil", color: "green" },
  fulfilled: { label: "Backorders fulfilled", color: "grey" },
  cancelled: { label: "Backorders cancelled", color: "red" },
} as const

/**
 * The order's backorder lines: status, allocation, the purchase order bringing them and its
 * ETA, what is still unpaid, with "Request stock" and "Fulfil available".
 */
const OrderBackordersWidget = ({
  data: order,
}: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, isError } = useOrderBackorders(order.id)
  const transferNotes = useTransferNotesOf(
    (data?.backorders ?? []).map((b) => b.id)
  )
  const [requesting, setRequesting] = useState(false)
  const [fulfilling, setFulfilling] = useState(false)
  const { can } = usePermissions()

  // With Medusa RBAC on, staff who may not read backorders do not see the widget.
  if (!can("backorder:read")) {
    return null
  }
  if (isLoading) {
    return (
      <Container className="px-6 py-4">
        <Skeleton className="h-16 w-full" />
      </Container>
    )
  }
  if (isError || !data) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-error">
          The backorders of this order could not be loaded.
        </Text>
      </Container>
    )
  }
  if (data.backorder_status === "none") {
    return null
  }

  const backorders = data.backorders
  const newIds = backorders.filter((b) => b.status === "new").map((b) => b.id)
  const ready = backorders.filter(
    (b) => Number(b.allocated_quantity) > Number(b.fulfilled_quantity)
  )
  const unpaid = backorders.reduce(
    (sum, b) => sum + Number(b.unpaid_amount ?? 0),
    0
  )
  const currency = backorders[0]?.currency_code ?? order.currency_code
  // Medusa's own payment figures of the order: authorised is not paid.
  const payment = orderPayment(
    order.payment_collections as unknown as
      | OrderPaymentCollection[]
      | undefined,
    order.currency_code
  )
  const status =
    ORDER_STATUS[data.backorder_status as keyof typeof ORDER_STATUS]

  return (
    <Container className="divide-y p-0" data-testid="order-backorders-widget">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">Backorders</Heading>
          {status && (
            <StatusBadge color={status.color}>{status.label}</StatusBadge>
          )}
        </div>
        <div className="flex items-center gap-x-2">
          {newIds.length > 0 && can("purchase_order:create") && (
            <Button
              size="small"
              variant="secondary"
              onClick={() => setRequesting(true)}
            >
              Request stock
            </Button>
          )}
          {ready.length > 0 && can("backorder:update") && (
            <Button size="small" onClick={() => setFulfilling(true)}>
              Fulfil available
            </Button>
          )}
        </div>
      </div>
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Variant</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Short</Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                Allocated
              </Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                Waiting
              </Table.HeaderCell>
              <Table.HeaderCell>Purchase order</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Unpaid</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {backorders.map((b) => {
              const po = (b.purchase_order_lines ?? [])
                .map((l) => l.purchase_order_line?.purchase_order)
                .filter(Boolean)
                .pop()
              return (
                <Table.Row key={b.id} data-testid={`order-backorder-${b.sku}`}>
                  <Table.Cell>
                    <div className="flex flex-col">
                      <span>{b.title}</span>
                      <span className="text-ui-fg-muted txt-compact-small">
                        {b.sku}
                      </span>
                    </div>
                  </Table.Cell>
                  <Table.Cell data-testid="status">
                    <BackorderStatusBadge status={b.status} />
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {Number(b.quantity) - Number(b.cancelled_quantity)}
                  </Table.Cell>
                  <Table.Cell
                    className="text-right tabular-nums"
                    data-testid="allocated"
                  >
                    {b.allocated_quantity}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {waitingQuantity(b)}
                  </Table.Cell>
                  <Table.Cell>
                    {po ? (
                      <div className="flex flex-col">
                        <Link
                          className="text-ui-fg-base underline underline-offset-2"
                          to={`/purchase-orders/${po.id}`}
                        >
                          {po.number}
                        </Link>
                        <span
                          className="text-ui-fg-muted txt-compact-small"
                          data-testid="order-backorder-eta"
                        >
                          {etaOf(po, b)}
                        </span>
                        <TransferNotes notes={transferNotes.get(b.id)} />
                      </div>
                    ) : transferNotes.has(b.id) ? (
                      <TransferNotes notes={transferNotes.get(b.id)} />
                    ) : (
                      "-"
                    )}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {formatMoney(b.unpaid_amount ?? 0, b.currency_code)}
                    {b.payment_reminder && (
                      <div className="text-ui-fg-error txt-compact-small">
                        Fulfilled unpaid
                      </div>
                    )}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
      {payment && (
        <div
          className="flex justify-between gap-x-3 px-6 py-3"
          data-testid="order-payment"
        >
          <Text size="small" className="text-ui-fg-subtle">
            Payment: {payment.label}
          </Text>
          <Text size="small" className="text-right tabular-nums">
            {payment.detail}
          </Text>
        </div>
      )}
      {unpaid > 0 && (
        <div className="flex justify-between px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">
            Still to pay for backordered lines
          </Text>
          <Text size="small" weight="plus" className="tabular-nums">
            {formatMoney(unpaid, currency)}
          </Text>
        </div>
      )}
      <RequestStockDrawer
        open={requesting}
        onOpenChange={setRequesting}
        backorderIds={newIds}
      />
      <FulfilDrawer
        orderId={order.id}
        backorderIds={ready.map((b) => b.id)}
        open={fulfilling}
        onOpenChange={setFulfilling}
      />
    </Container>
  )
}

/** The purchase order statuses in which units are still on their way. */
const RECEIVING = ["draft", "ordered", "partially_received"]

/**
 * What the purchase order column says under the number: its ETA while the purchase order
 * still has units to bring and this backorder still waits; once it has nothing left to
 * receive, or the backorder has all its units, an expected date would be stale.
 */
function etaOf(
  po: { status?: string | null; expected_at?: string | null },
  b: Parameters<typeof waitingQuantity>[0] & { promised_at?: string | null }
) {
  if (!po.status || !RECEIVING.includes(po.status)) {
    return po.status === "cancelled" ? "Cancelled" : "Received"
  }
  if (waitingQuantity(b) === 0) {
    return "Units allocated"
  }
  const eta = po.expected_at ?? b.promised_at
  return eta ? `ETA ${formatDate(eta)}` : "No ETA"
}

export const config = defineWidgetConfig({
  zone: "order.details.before",
})

export default OrderBackordersWidget
