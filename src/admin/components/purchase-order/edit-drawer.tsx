import { Button, Drawer, Input, Label, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import {
  useSendPurchaseOrder,
  useUpdatePurchaseOrder,
} from "../../hooks/purchase-orders"
import { errorMessage } from "../../lib/format"
import type { PurchaseOrder } from "../../lib/types"

const dateInput = (value: string | null | undefined) =>
  value ? value.slice(0, 10) : ""

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
      setExpectedAt(dateInput(purchaseOrder.expected_at))
      setReference(purchaseOrder.supplier_reference ?? "")
      setNotes(purchaseOrder.notes ?? "")
    }
  }, [open])

  const submit = () =>
    update.mutate(
      {
        expected_at: expectedAt ? new Date(expectedAt).toISOString() : null,
        supplier_reference: reference || null,
        notes: notes || null,
      },
      {
        onSuccess: () => {
          toast.success(`Saved ${purchaseOrder.number}`)
          onOpenChange(false)
        },
        onError: (error) => toast.error(errorMessage(error)),
      }
    )

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>Edit {purchaseOrder.number}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="po-edit-expected">Expected on</Label>
            <Input
              id="po-edit-expected"
              type="date"
              value={expectedAt}
              onChange={(e) => setExpectedAt(e.target.value)}
            />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="po-edit-reference">Supplier reference</Label>
            <Input
              id="po-edit-reference"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="po-edit-notes">Notes</Label>
            <Textarea
              id="po-edit-notes"
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={update.isPending}>
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
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
      setExpectedAt(dateInput(purchaseOrder.expected_at))
    }
  }, [open])
  const submit = () =>
    send.mutate(
      expectedAt ? { expected_at: new Date(expectedAt).toISOString() } : {},
      {
        onSuccess: () => {
          toast.success(`${purchaseOrder.number} is on order`)
          onOpenChange(false)
        },
        onError: (error) => toast.error(errorMessage(error)),
      }
    )
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>Send {purchaseOrder.number}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="po-send-expected">Expected on (optional)</Label>
            <Input
              id="po-send-expected"
              type="date"
              value={expectedAt}
              onChange={(e) => setExpectedAt(e.target.value)}
            />
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={send.isPending}>
            Mark as ordered
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
