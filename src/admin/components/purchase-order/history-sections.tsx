import { Container, Heading, Table, Text } from "@medusajs/ui"
import { SectionSkeleton, SectionMessage } from "../section-states"
import { Link } from "react-router-dom"
import { useAllocations, useBackorders } from "../../hooks/backorders"
import { usePurchaseOrders } from "../../hooks/purchase-orders"
import {
  backorderCustomerName,
  customerName,
  formatDateTime,
} from "../../lib/format"
import type { Allocation, PurchaseOrder } from "../../lib/types"
import { AllocationRule } from "../../../types/enums"
import { BackorderStatusBadge, PurchaseOrderStatusBadge } from "../badges"

/** The backorders this purchase order is meant to fill, and who waits for them. */
export function BackordersSection({
  purchaseOrder,
}: {
  purchaseOrder: PurchaseOrder
}) {
  const ids = [
    ...new Set(
      (purchaseOrder.lines ?? []).flatMap((line) =>
        line.backorders.map((b) => b.backorder_id)
      )
    ),
  ]
  const { data, isLoading, isError, error } = useBackorders(
    { id: ids, limit: 100 },
    { enabled: ids.length > 0 }
  )
  if (isError) {
    throw error
  }
  return (
    <Container className="divide-y p-0" data-testid="po-backorders">
      <div className="px-6 py-4">
        <Heading level="h2">Backorders and customers</Heading>
      </div>
      {!ids.length ? (
        <SectionMessage>
          This purchase order was placed for stock, not for waiting customers.
        </SectionMessage>
      ) : isLoading ? (
        <SectionSkeleton />
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Variant</Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  Short / allocated
                </Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(data?.backorders ?? []).map((b) => (
                <Table.Row key={b.id}>
                  <Table.Cell>{customerName(b.customer)}</Table.Cell>
                  <Table.Cell>
                    <Link
                      className="text-ui-fg-base underline underline-offset-2"
                      to={`/orders/${b.order_id}`}
                    >
                      #{b.order?.display_id}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{b.sku}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {Number(b.quantity) - Number(b.cancelled_quantity)} /{" "}
                    {b.allocated_quantity}
                  </Table.Cell>
                  <Table.Cell>
                    <BackorderStatusBadge status={b.status} />
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

/** Every receipt on the purchase order, newest last, with the note staff wrote on it. */
export function ReceiptsSection({
  purchaseOrder,
}: {
  purchaseOrder: PurchaseOrder
}) {
  const lines = new Map((purchaseOrder.lines ?? []).map((l) => [l.id, l]))
  const receipts = [...(purchaseOrder.receipts ?? [])].sort(
    (a, b) =>
      new Date(a.received_at).getTime() - new Date(b.received_at).getTime()
  )
  return (
    <Container className="divide-y p-0" data-testid="po-receipts">
      <div className="px-6 py-4">
        <Heading level="h2">Receipts</Heading>
      </div>
      {!receipts.length ? (
        <SectionMessage>Nothing received yet.</SectionMessage>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Received</Table.HeaderCell>
                <Table.HeaderCell>Units</Table.HeaderCell>
                <Table.HeaderCell>Note</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {receipts.map((receipt) => (
                <Table.Row key={receipt.id}>
                  <Table.Cell>{formatDateTime(receipt.received_at)}</Table.Cell>
                  <Table.Cell>
                    {receipt.lines
                      .map(
                        (l) =>
                          `${lines.get(l.purchase_order_line_id)?.sku ?? "?"} × ${l.quantity}`
                      )
                      .join(", ")}
                  </Table.Cell>
                  <Table.Cell
                    className="whitespace-pre-wrap"
                    data-testid="po-receipt-note"
                  >
                    {receipt.note ?? "-"}
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

/** The allocation ledger of the purchase order: who got which arriving units, and why. */
export function LedgerSection({
  purchaseOrder,
}: {
  purchaseOrder: PurchaseOrder
}) {
  const { data, isLoading, isError, error } = useAllocations({
    purchase_order_id: purchaseOrder.id,
    limit: 100,
  })
  if (isError) {
    throw error
  }
  return (
    <Container className="divide-y p-0" data-testid="po-ledger">
      <div className="px-6 py-4">
        <Heading level="h2">Allocation ledger</Heading>
      </div>
      {isLoading ? (
        <SectionSkeleton />
      ) : !data?.allocations.length ? (
        <SectionMessage>
          No units handed out from this purchase order yet.
        </SectionMessage>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell>Variant</Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  Units
                </Table.HeaderCell>
                <Table.HeaderCell>Reason</Table.HeaderCell>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Customer</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.allocations.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>{formatDateTime(a.created_at)}</Table.Cell>
                  <Table.Cell>{a.backorder?.sku}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {Number(a.quantity) > 0 ? `+${a.quantity}` : a.quantity}
                  </Table.Cell>
                  <Table.Cell data-testid="ledger-reason">
                    <AllocationReason allocation={a} />
                  </Table.Cell>
                  <Table.Cell>
                    {a.backorder && (
                      <Link
                        className="text-ui-fg-base underline underline-offset-2"
                        to={`/orders/${a.backorder.order_id}`}
                      >
                        {a.backorder.order
                          ? `Order #${a.backorder.order.display_id}`
                          : "Order"}
                      </Link>
                    )}
                  </Table.Cell>
                  <Table.Cell data-testid="ledger-customer">
                    {a.backorder ? backorderCustomerName(a.backorder) : "-"}
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

/**
 * Why a ledger row's backorder got the units: the purchase order it was linked to named as a
 * link to it, any other rule as the ledger wrote it.
 */
function AllocationReason({ allocation }: { allocation: Allocation }) {
  if (
    allocation.rule === AllocationRule.LINKED_PURCHASE_ORDER &&
    allocation.purchase_order_id &&
    allocation.purchase_order_number
  ) {
    return (
      <>
        Linked to{" "}
        <Link
          className="text-ui-fg-base underline underline-offset-2"
          to={`/purchase-orders/${allocation.purchase_order_id}`}
        >
          {allocation.purchase_order_number}
        </Link>
      </>
    )
  }
  return <>{allocation.reason}</>
}

/** The purchase order it follows up, and the follow-ups it rolled its remainder into. */
export function RelatedSection({
  purchaseOrder,
}: {
  purchaseOrder: PurchaseOrder
}) {
  const { data: followUps } = usePurchaseOrders(
    { parent_id: purchaseOrder.id, limit: 20 },
    { keepPrevious: false }
  )
  const { data: parent } = usePurchaseOrders(
    { id: purchaseOrder.parent_id ?? "" },
    { enabled: !!purchaseOrder.parent_id, keepPrevious: false }
  )
  // Each entry says which way it points, naming both purchase orders.
  const related = [
    ...(parent?.purchase_orders ?? []).map((po) => ({
      po,
      role: `Earlier order: ${purchaseOrder.number} follows up ${po.number} (its unreceived remainder)`,
    })),
    ...(followUps?.purchase_orders ?? []).map((po) => ({
      po,
      role: `Follow-up: ${po.number} follows up ${purchaseOrder.number} (its unreceived remainder)`,
    })),
  ]
  if (!related.length) {
    return null
  }
  return (
    <Container className="divide-y p-0" data-testid="po-related">
      <div className="px-6 py-4">
        <Heading level="h2">Related purchase orders</Heading>
      </div>
      {related.map(({ po, role }) => (
        <div
          key={po.id}
          className="flex items-center justify-between px-6 py-3"
        >
          <div className="flex flex-col">
            <Link
              className="text-ui-fg-base txt-compact-small-plus underline underline-offset-2"
              to={`/purchase-orders/${po.id}`}
            >
              {po.number}
            </Link>
            <Text
              size="xsmall"
              className="text-ui-fg-subtle"
              data-testid="po-related-role"
            >
              {role}
            </Text>
          </div>
          <PurchaseOrderStatusBadge status={po.status} />
        </div>
      ))}
    </Container>
  )
}
