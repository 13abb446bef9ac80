import { Input, Text, Textarea } from "@medusajs/ui"
import { dateInputToIso, isoToDateInput } from "../../lib/format"
import { toastOutcome } from "../../lib/toasts"
import { Field, FormDrawer, DateField } from "../form-drawer"
import { useEffect, useState } from "react"
import {
  useSendPurchaseOrder,
  useUpdatePurchaseOrder,
} from "../../hooks/purchase-orders"
import type { PurchaseOrder } from "../../lib/types"

/** Edits the expected date, supplier reference and notes; a later ETA moves promise dates. */
export function EditDrawer({
  purchaseOrder,
  open,
  onOpenChange,
}: {
  purchaseOrder: PurchaseOrder
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const [expectedAt, setExpectedAt] = useState("")
  const [reference, setReference] = useState("")
  const [notes, setNotes] = useState("")
  const update = useUpdatePurchaseOrder(purchaseOrder.id)
  useEffect(() => {
    if (open) {
      setExpectedAt(isoToDateInput(purchaseOrder.expected_at))
      setReference(purchaseOrder.supplier_reference ?? "")
      setNotes(purchaseOrder.notes ?? "")
    }
  }, [open])

  const submit = () =>
    update.mutate(
      {
        expected_at: dateInputToIso(expectedAt) ?? null,
        supplier_reference: reference || null,
        notes: notes || null,
      },
      toastOutcome(`Saved ${purchaseOrder.number}`, () => {
        onOpenChange(false)
      })
    )

  return (
    <FormDrawer
      title={`Edit ${purchaseOrder.number}`}
      open={open}
      onOpenChange={onOpenChange}
      submitLabel="Save"
      onSubmit={submit}
      isPending={update.isPending}
    >
      <DateField
        id="po-edit-expected"
        label="Expected on"
        value={expectedAt}
        onChange={setExpectedAt}
      />
      <Field id="po-edit-reference" label="Supplier reference">
        <Input
          id="po-edit-reference"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
      </Field>
      <Field id="po-edit-notes" label="Notes">
        <Textarea
          id="po-edit-notes"
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </Field>
    </FormDrawer>
  )
}

/** Sends a draft to the supplier (marks it as ordered): incoming stock goes up. */
export function SendDrawer({
  purchaseOrder,
  open,
  onOpenChange,
}: {
  purchaseOrder: PurchaseOrder
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const [expectedAt, setExpectedAt] = useState("")
  const send = useSendPurchaseOrder(purchaseOrder.id)
  useEffect(() => {
    if (open) {
      setExpectedAt(isoToDateInput(purchaseOrder.expected_at))
    }
  }, [open])
  const submit = () =>
    send.mutate(
      { expected_at: dateInputToIso(expectedAt) },
      toastOutcome(`${purchaseOrder.number} is on order`, () => {
        onOpenChange(false)
      })
    )
  return (
    <FormDrawer
      title={`Mark ${purchaseOrder.number} as ordered`}
      open={open}
      onOpenChange={onOpenChange}
      submitLabel="Mark as ordered"
      onSubmit={submit}
      isPending={send.isPending}
    >
      <Text size="small" className="text-ui-fg-subtle">
        Records that you ordered from the supplier (by phone, email or their
        portal): the units count as incoming and the backorders as on order.
        Nothing is sent to anyone; "Email to supplier" sends the purchase order.
      </Text>
      <DateField
        id="po-send-expected"
        label="Expected on (optional)"
        value={expectedAt}
        onChange={setExpectedAt}
      />
    </FormDrawer>
  )
}
