import { Container, Heading, Input, Table, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useSendPurchaseOrderToSupplier } from "../../hooks/purchase-orders"
import { formatDateTime } from "../../lib/format"
import { toastOutcome } from "../../lib/toasts"
import type { PurchaseOrder } from "../../lib/types"
import { Field, FormDrawer } from "../form-drawer"
import { SectionMessage } from "../section-states"

/** Emails the purchase order's PDF to the supplier (or another address), with a note. */
export function SendToSupplierDrawer({
  purchaseOrder,
  supplierEmail,
  open,
  onOpenChange,
}: {
  purchaseOrder: PurchaseOrder
  supplierEmail: string | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const send = useSendPurchaseOrderToSupplier(purchaseOrder.id)
  const [to, setTo] = useState(supplierEmail ?? "")
  const [note, setNote] = useState("")
  useEffect(() => {
    if (open) {
      setTo(supplierEmail ?? "")
      setNote("")
    }
  }, [open, supplierEmail])
  return (
    <FormDrawer
      title={`Email ${purchaseOrder.number} to the supplier`}
      open={open}
      onOpenChange={onOpenChange}
      submitLabel="Send"
      isPending={send.isPending}
      onSubmit={() =>
        send.mutate(
          {
            ...(to.trim() ? { to: to.trim() } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
          toastOutcome(`Sent ${purchaseOrder.number} to ${to.trim()}`, () =>
            onOpenChange(false)
          )
        )
      }
    >
      <Field id="send-to" label="To">
        <Input
          id="send-to"
          type="email"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </Field>
      <Field id="send-note" label="Note (optional)">
        <Textarea
          id="send-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
    </FormDrawer>
  )
}

/** When and to whom the purchase order was sent. */
export function DispatchesSection({
  purchaseOrder,
}: {
  purchaseOrder: PurchaseOrder
}) {
  const dispatches = purchaseOrder.dispatches ?? []
  return (
    <Container className="divide-y p-0" data-testid="po-dispatches">
      <div className="px-6 py-4">
        <Heading level="h2">Sent to supplier</Heading>
      </div>
      {!dispatches.length ? (
        <SectionMessage>Not emailed to the supplier yet.</SectionMessage>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Sent</Table.HeaderCell>
                <Table.HeaderCell>To</Table.HeaderCell>
                <Table.HeaderCell>Note</Table.HeaderCell>
                <Table.HeaderCell>Document</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {[...dispatches]
                .sort((a, b) => b.sent_at.localeCompare(a.sent_at))
                .map((d) => (
                  <Table.Row key={d.id}>
                    <Table.Cell>{formatDateTime(d.sent_at)}</Table.Cell>
                    <Table.Cell>{d.sent_to}</Table.Cell>
                    <Table.Cell>{d.note ?? "-"}</Table.Cell>
                    <Table.Cell>
                      {d.file_url ? (
                        <a
                          className="text-ui-fg-base underline underline-offset-2"
                          href={d.file_url}
                          target="_blank"
                          rel="noreferrer"
                        >
                          PDF
                        </a>
                      ) : (
                        "-"
                      )}
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
