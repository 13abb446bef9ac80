import { Input, Text, Textarea, toast } from "@medusajs/ui"
import { toastOutcome } from "../lib/toasts"
import { Field, FormDrawer } from "./form-drawer"
import { SimpleSelect } from "./simple-select"
import { useEffect, useState } from "react"
import { useBackorders, useReleaseAllocation } from "../hooks/backorders"
import { customerName, waitingQuantity } from "../lib/format"
import type { Backorder } from "../lib/types"
import { WAITING_BACKORDER_STATUSES } from "../../types/enums"

/**
 * Release / override (POSitive): moves allocated units of one backorder to another customer
 * waiting for the same item at the same location, with a reason kept in the ledger.
 */
export function ReleaseAllocationDrawer({
  backorder,
  onOpenChange,
}: {
  backorder: Backorder | null
  onOpenChange: (open: boolean) => void
}) {
  const releasable = backorder
    ? Number(backorder.allocated_quantity) -
      Number(backorder.fulfilled_quantity)
    : 0
  const [target, setTarget] = useState("")
  const [quantity, setQuantity] = useState("1")
  const [reason, setReason] = useState("")
  useEffect(() => {
    setTarget("")
    setQuantity("1")
    setReason("")
  }, [backorder?.id])

  const { data: candidates } = useBackorders(
    backorder
      ? {
          inventory_item_id: backorder.inventory_item_id,
          location_id: backorder.location_id,
          status: WAITING_BACKORDER_STATUSES,
          limit: 50,
          order: "created_at",
        }
      : {},
    { enabled: !!backorder }
  )
  const release = useReleaseAllocation(backorder?.id ?? "")
  const options = (candidates?.backorders ?? []).filter(
    (b) => b.id !== backorder?.id
  )

  const submit = () => {
    if (!target || !reason.trim()) {
      toast.error("Choose who gets the units and give a reason")
      return
    }
    release.mutate(
      { to_backorder_id: target, quantity: Number(quantity), reason },
      toastOutcome(
        `Moved ${quantity} of ${backorder!.sku ?? backorder!.title}`,
        () => {
          onOpenChange(false)
        }
      )
    )
  }

  return (
    <FormDrawer
      title={"Give units to another customer"}
      open={!!backorder}
      onOpenChange={onOpenChange}
      submitLabel="Move units"
      onSubmit={submit}
      isPending={release.isPending}
      disabled={!!candidates && !options.length}
    >
      {backorder && (
        <Text size="small" className="text-ui-fg-subtle">
          {customerName(backorder.customer)} has {releasable} {backorder.sku}{" "}
          allocated and not packed. The units moved go back to waiting for them.
        </Text>
      )}
      <Field id="release-target" label="Give to">
        <SimpleSelect
          id="release-target"
          value={target}
          onChange={setTarget}
          placeholder="A customer waiting for the same item here"
          options={options.map((b) => ({
            value: b.id,
            label: `${customerName(b.customer)} · #${b.order?.display_id} · waiting ${waitingQuantity(b)}`,
          }))}
        />
        {candidates && !options.length && (
          <Text size="small" className="text-ui-fg-muted">
            Nobody else waits for this item at this location.
          </Text>
        )}
      </Field>
      <Field id="release-quantity" label="Units">
        <Input
          id="release-quantity"
          type="number"
          min={1}
          max={releasable}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
      </Field>
      <Field id="release-reason" label="Reason">
        <Textarea
          id="release-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </FormDrawer>
  )
}
