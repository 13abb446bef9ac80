import { Label, RadioGroup, Text, toast } from "@medusajs/ui"
import { dateInputToIso } from "../lib/format"
import { SimpleSelect } from "./simple-select"
import { toastOutcome } from "../lib/toasts"
import { Field, FormDrawer, DateField } from "./form-drawer"
import { useState } from "react"
import {
  RequestStockBody,
  RequestStockResult,
  useRequestStock,
} from "../hooks/backorders"
import { RequestStockPreview } from "./request-stock-preview"
import { usePurchaseOrders } from "../hooks/purchase-orders"
import { useSuppliers } from "../hooks/suppliers"
import type { PurchaseOrder } from "../lib/types"
import { useRequestTransferForm } from "./transfer/request-transfer-fields"

type Mode = "new" | "draft" | "dropship" | "transfer"
const PREFERRED = "__preferred__"

/**
 * Turns waiting backorders into purchase orders: a new draft per supplier and destination
 * (rounded to the supplier's MOQ and case pack), lines added to an open draft, or a dropship
 * order to the customer's address.
 */
export function RequestStockDrawer({
  open,
  onOpenChange,
  backorderIds,
  supplierId,
  onDone,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The backorders to order; without them, every open backorder of `supplierId`. */
  backorderIds?: string[]
  supplierId?: string
  onDone?: (purchaseOrders: PurchaseOrder[]) => void
}) {
  const [mode, setMode] = useState<Mode>("new")
  const [supplier, setSupplier] = useState(supplierId ?? PREFERRED)
  const [draftId, setDraftId] = useState<string>("")
  const [expectedAt, setExpectedAt] = useState("")
  const { data: suppliers } = useSuppliers({ limit: 100 })
  const { data: drafts } = usePurchaseOrders(
    {
      status: "draft",
      limit: 50,
      ...(supplierId ? { supplier_id: supplierId } : {}),
    },
    { enabled: open }
  )
  const requestStock = useRequestStock()
  const transfer = useRequestTransferForm(
    backorderIds ?? [],
    open && mode === "transfer"
  )

  const body: RequestStockBody = backorderIds?.length
    ? { backorder_ids: backorderIds, skip_unavailable: true }
    : { all_open_backorders_of_supplier: true, supplier_id: supplierId }
  if (mode === "draft") {
    body.purchase_order_id = draftId || undefined
  } else {
    if (mode === "dropship") {
      body.dropship = true
    }
    if (supplier !== PREFERRED) {
      body.supplier_id = supplier
    }
    body.expected_at = dateInputToIso(expectedAt)
  }

  const submit = () => {
    if (mode === "transfer") {
      if (!transfer.submit(() => onOpenChange(false))) {
        toast.error("Choose the location to transfer from")
      }
      return
    }
    if (mode === "draft" && !draftId) {
      toast.error("Choose the draft purchase order to add the lines to")
      return
    }
    requestStock.mutate(
      body,
      toastOutcome(describeRequestOutcome, ({ purchase_orders }) => {
        onOpenChange(false)
        onDone?.(purchase_orders)
      })
    )
  }

  const count = backorderIds?.length
  return (
    <FormDrawer
      title={"Request stock"}
      open={open}
      onOpenChange={onOpenChange}
      submitLabel="Request stock"
      onSubmit={submit}
      isPending={requestStock.isPending || transfer.isPending}
    >
      <Text size="small" className="text-ui-fg-subtle">
        {count
          ? `${count} backorder${count === 1 ? "" : "s"} selected.`
          : "Every open backorder of this supplier that is not on order yet."}
      </Text>
      <RadioGroup
        value={mode}
        onValueChange={(value) => setMode(value as Mode)}
        className="flex flex-col gap-y-3"
      >
        {(
          [
            [
              "new",
              "New purchase order",
              "One draft per supplier and location, rounded to MOQ and case pack.",
            ],
            [
              "draft",
              "Add to an open draft",
              "Add the lines to a draft purchase order not sent yet.",
            ],
            [
              "dropship",
              "Dropship to the customer",
              "The supplier delivers straight to the customer's address.",
            ],
            ...(backorderIds?.length
              ? ([
                  [
                    "transfer",
                    "Transfer from another location",
                    "Move free stock from one of your own locations.",
                  ],
                ] as const)
              : []),
          ] as const
        ).map(([value, label, hint]) => (
          <div key={value} className="flex items-start gap-x-3">
            <RadioGroup.Item value={value} id={`request-stock-${value}`} />
            <div className="flex flex-col">
              <Label htmlFor={`request-stock-${value}`} weight="plus">
                {label}
              </Label>
              <Text size="small" className="text-ui-fg-subtle">
                {hint}
              </Text>
            </div>
          </div>
        ))}
      </RadioGroup>

      {mode === "transfer" ? (
        transfer.fields
      ) : mode === "draft" ? (
        <Field id="request-stock-draft" label="Draft purchase order">
          <SimpleSelect
            id="request-stock-draft"
            value={draftId}
            onChange={setDraftId}
            placeholder="Choose a draft"
            options={(drafts?.purchase_orders ?? []).map((po) => ({
              value: po.id,
              label: `${po.number} · ${po.supplier?.name ?? po.supplier_id}`,
            }))}
          />
          {drafts && !drafts.purchase_orders.length && (
            <Text size="small" className="text-ui-fg-muted">
              There is no open draft.
            </Text>
          )}
        </Field>
      ) : (
        <>
          {!supplierId && (
            <Field id="request-stock-supplier" label="Supplier">
              <SimpleSelect
                id="request-stock-supplier"
                value={supplier}
                onChange={setSupplier}
                options={[
                  {
                    value: PREFERRED,
                    label: "Each variant's preferred supplier",
                  },
                  ...(suppliers?.suppliers ?? []).map((s) => ({
                    value: s.id,
                    label: s.name,
                  })),
                ]}
              />
            </Field>
          )}
          <DateField
            id="request-stock-expected"
            label="Expected on (optional)"
            value={expectedAt}
            onChange={setExpectedAt}
          />
        </>
      )}
      <RequestStockPreview
        body={body}
        enabled={open && mode !== "transfer" && (mode !== "draft" || !!draftId)}
      />
    </FormDrawer>
  )
}

/** "Stock requested on PO-0002; left out: KETTLE-MATTE × 2 for Jane Doe (order #1) is already on PO-0001" */
function describeRequestOutcome({
  purchase_orders,
  skipped,
}: RequestStockResult) {
  const ordered = purchase_orders.length
    ? `Stock requested on ${purchase_orders.map((po) => po.number).join(", ")}`
    : "Nothing was ordered"
  return skipped?.length
    ? `${ordered}; left out: ${skipped.map((s) => s.message).join("; ")}`
    : ordered
}
