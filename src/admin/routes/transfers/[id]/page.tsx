import {
  Button,
  Container,
  Heading,
  Skeleton,
  Table,
  Text,
  usePrompt,
} from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { DetailRow } from "../../../components/section-states"
import { ReceiveTransferDrawer } from "../../../components/transfer/receive-transfer-drawer"
import { TransferStatusBadge } from "../../../components/transfer/transfer-status-badge"
import {
  useCancelTransfer,
  useSendTransfer,
  useTransfer,
} from "../../../hooks/transfers"
import { formatCount, formatDate } from "../../../lib/format"
import { RequirePermission } from "../../../components/access-denied"
import { usePermissions } from "../../../hooks/permissions"
import { toastOutcome } from "../../../lib/toasts"

const TransferDetailPage = () => {
  const { id } = useParams()
  const { can } = usePermissions()
  const { data, isLoading, isError, error } = useTransfer(id!)
  const send = useSendTransfer(id!)
  const cancel = useCancelTransfer(id!)
  const [receiving, setReceiving] = useState(false)
  const prompt = usePrompt()

  if (isError) {
    throw error
  }
  if (isLoading || !data) {
    return (
      <Container className="flex flex-col gap-y-3">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-24 w-full" />
      </Container>
    )
  }
  const transfer = data.transfer
  const from = transfer.source_location?.name ?? transfer.source_location_id
  const to =
    transfer.destination_location?.name ?? transfer.destination_location_id
  const inTransit =
    transfer.status === "in_transit" || transfer.status === "partially_received"

  const onCancel = async () => {
    const confirmed = await prompt({
      title: `Cancel ${transfer.number}?`,
      description: inTransit
        ? `The units still in transit go back into the stock of ${from}, and its backorders wait for stock again.`
        : "Its backorders wait for stock again.",
      confirmText: "Cancel transfer",
      cancelText: "Keep it",
    })
    if (confirmed) {
      cancel.mutate({}, toastOutcome(`Cancelled ${transfer.number}`))
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div className="flex items-center gap-x-3">
            <Heading data-testid="transfer-number">{transfer.number}</Heading>
            <span data-testid="transfer-status">
              <TransferStatusBadge status={transfer.status} />
            </span>
          </div>
          <div className="flex items-center gap-x-2">
            {(transfer.status === "draft" || inTransit) &&
              can("transfer:cancel") && (
                <Button
                  size="small"
                  variant="secondary"
                  isLoading={cancel.isPending}
                  onClick={onCancel}
                >
                  Cancel transfer
                </Button>
              )}
            {transfer.status === "draft" && can("transfer:send") && (
              <Button
                size="small"
                isLoading={send.isPending}
                onClick={() =>
                  send.mutate(
                    {},
                    toastOutcome(`${transfer.number} is on its way to ${to}`)
                  )
                }
              >
                Send
              </Button>
            )}
            {inTransit && can("transfer:receive") && (
              <Button size="small" onClick={() => setReceiving(true)}>
                Receive
              </Button>
            )}
          </div>
        </div>
        <DetailRow label="From">{from}</DetailRow>
        <DetailRow label="To">{to}</DetailRow>
        <DetailRow label="Sent">{formatDate(transfer.sent_at)}</DetailRow>
        <DetailRow label="Received">
          {formatDate(transfer.received_at)}
        </DetailRow>
        {transfer.note && <DetailRow label="Note">{transfer.note}</DetailRow>}
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Lines</Heading>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Item</Table.HeaderCell>
              <Table.HeaderCell>Quantity</Table.HeaderCell>
              <Table.HeaderCell>Sent</Table.HeaderCell>
              <Table.HeaderCell>Received</Table.HeaderCell>
              <Table.HeaderCell>For backorders</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(transfer.lines ?? []).map((line) => (
              <Table.Row key={line.id} data-testid="transfer-line">
                <Table.Cell>
                  <div className="flex flex-col">
                    <Text size="small" weight="plus">
                      {line.title ?? line.variant_id}
                    </Text>
                    <Text size="small" className="text-ui-fg-subtle">
                      {line.sku}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell>{line.quantity}</Table.Cell>
                <Table.Cell>{line.sent_quantity}</Table.Cell>
                <Table.Cell>{line.received_quantity}</Table.Cell>
                <Table.Cell>
                  {(line.backorders ?? []).map((b) => (
                    <Link
                      key={b.backorder_id}
                      to={`/backorders?q=${encodeURIComponent(b.backorder_id)}`}
                      className="text-ui-fg-interactive mr-2"
                    >
                      {b.quantity} × {b.backorder_id.slice(-6)}
                    </Link>
                  ))}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>

      {!!transfer.receipts?.length && (
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Receipts</Heading>
          </div>
          {transfer.receipts.map((receipt) => (
            <DetailRow key={receipt.id} label={formatDate(receipt.received_at)}>
              {formatCount(
                Object.values(receipt.lines).reduce((sum, q) => sum + q, 0),
                "unit"
              )}
            </DetailRow>
          ))}
        </Container>
      )}

      <ReceiveTransferDrawer
        transfer={transfer}
        open={receiving}
        onOpenChange={setReceiving}
      />
    </div>
  )
}

const GuardedTransferDetailPage = () => (
  <RequirePermission permission="transfer:read">
    <TransferDetailPage />
  </RequirePermission>
)

export default GuardedTransferDetailPage
