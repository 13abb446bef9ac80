import {
  Button,
  Drawer,
  Input,
  Label,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useCancelBackorder } from "../hooks/backorders"
import { errorMessage, waitingQuantity } from "../lib/format"
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
      {
        onSuccess: () => {
          toast.success(
            `Cancelled ${quantity} of ${backorder!.sku ?? backorder!.title}`
          )
          onOpenChange(false)
        },
        onError: (error) => toast.error(errorMessage(error)),
      }
    )
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>Cancel backorder</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          {backorder && (
            <Text size="small" className="text-ui-fg-subtle">
              {backorder.title} ({backorder.sku}): {openUnits} open,{" "}
              {waitingQuantity(backorder)} still waiting for stock. Money paid
              for the cancelled units is refunded.
            </Text>
          )}
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="cancel-quantity">Units to cancel</Label>
            <Input
              id="cancel-quantity"
              type="number"
              min={1}
              max={openUnits}
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
            />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="cancel-reason">Reason (optional)</Label>
            <Textarea
              id="cancel-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small">
              Keep it
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            variant="danger"
            onClick={submit}
            isLoading={cancel.isPending}
          >
            Cancel units
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
