import { Input, Label, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { AdminTransfer } from "../../../types/http/transfers"
import { useReceiveTransfer } from "../../hooks/transfers"
import { formatCount } from "../../lib/format"
import { toastOutcome } from "../../lib/toasts"
import { FormDrawer } from "../form-drawer"

const inTransit = (line: NonNullable<AdminTransfer["lines"]>[number]) =>
  line.sent_quantity - line.received_quantity

/**
 * Receives a transfer at its destination, partially or in full: one quantity per line,
 * prefilled with what is still in transit. One idempotency key per opening of the form, so a
 * double submit records the receipt once.
 */
export function ReceiveTransferDrawer({
  transfer,
  open,
  onOpenChange,
}: {
  transfer: AdminTransfer
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const lines = (transfer.lines ?? []).filter((line) => inTransit(line) > 0)
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  const [idempotencyKey, setIdempotencyKey] = useState("")
  const receive = useReceiveTransfer(transfer.id)

  useEffect(() => {
    if (open) {
      setQuantities(
        Object.fromEntries(lines.map((l) => [l.id, String(inTransit(l))]))
      )
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
          transfer_line_id: line.id,
          quantity,
        })),
        idempotency_key: idempotencyKey,
      },
      toastOutcome(
        `Received ${formatCount(
          received.reduce((sum, r) => sum + r.quantity, 0),
          "unit"
        )} on ${transfer.number}`,
        () => onOpenChange(false)
      )
    )
  }

  return (
    <FormDrawer
      title={`Receive ${transfer.number}`}
      open={open}
      onOpenChange={onOpenChange}
      submitLabel="Receive"
      onSubmit={submit}
      isPending={receive.isPending}
    >
      <Text size="small" className="text-ui-fg-subtle">
        The units go into the stock of{" "}
        {transfer.destination_location?.name ??
          transfer.destination_location_id}{" "}
        and to the backorders waiting there, those on this transfer first.
      </Text>
      {lines.map((line) => (
        <div key={line.id} className="flex flex-col gap-y-1">
          <Label htmlFor={`receive-${line.id}`} size="small" weight="plus">
            {line.title ?? line.sku ?? line.variant_id} ({inTransit(line)} in
            transit)
          </Label>
          <Input
            id={`receive-${line.id}`}
            type="number"
            min={0}
            max={inTransit(line)}
            value={quantities[line.id] ?? ""}
            onChange={(e) =>
              setQuantities((q) => ({ ...q, [line.id]: e.target.value }))
            }
          />
        </div>
      ))}
    </FormDrawer>
  )
}
