import { Input, Text, Textarea } from "@medusajs/ui"
import { toastOutcome } from "../lib/toasts"
import { Field, FormDrawer } from "./form-drawer"
import { useEffect, useState } from "react"
import { useCancelBackorder } from "../hooks/backorders"
import { waitingQuantity } from "../lib/format"
import type { Backorder } from "../lib/types"

/**
 * Cancels all or part of a backorder's open units: the paid share is refunded, the
 * reservation lowered and freed stock handed to the next customer in line.
 */
export function CancelBackorderDrawer({
  backorder,
  onOpenChange,
}: {
  backorder: Backorder | null
  onOpenChange: (open: boolean) => void
}) {
  const open = !!backorder
  const openUnits = backorder
    ? Number(backorder.quantity) -
      Number(backorder.cancelled_quantity) -
      Number(backorder.fulfilled_quantity)
    : 0
  const [quantity, setQuantity] = useState(String(openUnits))
  const [reason, setReason] = useState("")
  useEffect(() => {
    setQuantity(String(openUnits))
    setReason("")
  }, [backorder?.id])
  const cancel = useCancelBackorder(backorder?.id ?? "")

  const submit = () => {
    cancel.mutate(
      {
        quantity: Number(quantity),
        ...(reason ? { reason } : {}),
      },
      toastOutcome(
        `Cancelled ${quantity} of ${backorder!.sku ?? backorder!.title}`,
        () => {
          onOpenChange(false)
        }
      )
    )
  }

  return (
    <FormDrawer
      title="Cancel backorder"
      open={open}
      onOpenChange={onOpenChange}
      submitLabel="Cancel units"
      cancelLabel="Keep it"
      danger
      onSubmit={submit}
      isPending={cancel.isPending}
    >
      {backorder && (
        <Text size="small" className="text-ui-fg-subtle">
          {backorder.title} ({backorder.sku}): {openUnits} open,{" "}
          {waitingQuantity(backorder)} still waiting for stock. Money paid for
          the cancelled units is refunded.
        </Text>
      )}
      <Field id="cancel-quantity" label="Units to cancel">
        <Input
          id="cancel-quantity"
          type="number"
          min={1}
          max={openUnits}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
      </Field>
      <Field id="cancel-reason" label="Reason (optional)">
        <Textarea
          id="cancel-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </FormDrawer>
  )
}
