import {
  Checkbox,
  Input,
  Label,
  Table,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { formatCount } from "../../lib/format"
import { toastOutcome } from "../../lib/toasts"
import { Field, FormDrawer } from "../form-drawer"
import { useEffect, useState } from "react"
import { useReceivePurchaseOrder } from "../../hooks/purchase-orders"
import type { PurchaseOrder } from "../../lib/types"
import { openQuantity } from "./utils"

/**
 * Receives a purchase order, partially or in full: one quantity per line, prefilled with what
 * is still open. One idempotency key per opening of the form, so a double submit records the
 * receipt once.
 */
export function ReceiveDrawer({
  purchaseOrder,
  open,
  onOpenChange,
}: {
  purchaseOrder: PurchaseOrder
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const lines = (purchaseOrder.lines ?? []).filter(
    (line) => openQuantity(line) > 0
  )
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  const [overReceive, setOverReceive] = useState(false)
  const [note, setNote] = useState("")
  const [idempotencyKey, setIdempotencyKey] = useState("")
  const receive = useReceivePurchaseOrder(purchaseOrder.id)

  useEffect(() => {
    if (open) {
      setQuantities(
        Object.fromEntries(lines.map((l) => [l.id, String(openQuantity(l))]))
      )
      setOverReceive(false)
      setNote("")
      setIdempotencyKey(crypto.randomUUID())
    }
  }, [open])

  const submit = () => {
    const received = lines
      .map((line) => ({ line, quantity: Number(quantities[line.id] || 0) }))
      .filter(({ quantity }) => quantity > 0)
    if (!received.length) {
      toast.error("Enter a quantity for at least one line")
      return
    }
    receive.mutate(
      {
        lines: received.map(({ line, quantity }) => ({
          purchase_order_line_id: line.id,
          quantity,
          ...(overReceive && quantity > openQuantity(line)
            ? { over_receive: true }
            : {}),
        })),
        idempotency_key: idempotencyKey,
        ...(note ? { note } : {}),
      },
      toastOutcome(
        `Received ${formatCount(
          received.reduce((sum, r) => sum + r.quantity, 0),
          "unit"
        )} on ${purchaseOrder.number}`,
        () => {
          onOpenChange(false)
        }
      )
    )
  }

  return (
    <FormDrawer
      title={`Receive ${purchaseOrder.number}`}
      open={open}
      onOpenChange={onOpenChange}
      submitLabel="Receive"
      onSubmit={submit}
      isPending={receive.isPending}
    >
      <Text size="small" className="text-ui-fg-subtle">
        Stock goes into the location and is handed to the waiting customers at
        once.
      </Text>
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Variant</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Open</Table.HeaderCell>
              <Table.HeaderCell className="w-28">Receive</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {lines.map((line) => (
              <Table.Row key={line.id}>
                <Table.Cell>
                  <div className="flex flex-col">
                    <span>{line.title}</span>
                    <span className="text-ui-fg-muted txt-compact-small">
                      {line.sku}
                    </span>
                  </div>
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  {openQuantity(line)}
                </Table.Cell>
                <Table.Cell>
                  <Input
                    type="number"
                    min={0}
                    aria-label={`Receive ${line.sku ?? line.title}`}
                    data-testid={`receive-${line.sku}`}
                    value={quantities[line.id] ?? ""}
                    onChange={(e) =>
                      setQuantities({
                        ...quantities,
                        [line.id]: e.target.value,
                      })
                    }
                  />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <div className="flex items-center gap-x-2">
        <Checkbox
          id="receive-over"
          checked={overReceive}
          onCheckedChange={(checked) => setOverReceive(checked === true)}
        />
        <Label htmlFor="receive-over" size="small">
          Accept more than ordered (the extra units are added to the line)
        </Label>
      </div>
      <Field id="receive-note" label="Note (optional)">
        <Textarea
          id="receive-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
    </FormDrawer>
  )
}
