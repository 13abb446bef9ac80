import { Trash } from "@medusajs/icons"
import {
  Button,
  FocusModal,
  Heading,
  IconButton,
  Input,
  Label,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { LocationSelect } from "./location-select"
import { dateInputToIso } from "../lib/format"
import { SimpleSelect } from "./simple-select"
import { toastOutcome } from "../lib/toasts"
import { Field, DateField } from "./form-drawer"
import { useState } from "react"
import { useCreatePurchaseOrder } from "../hooks/purchase-orders"
import { useSuppliers } from "../hooks/suppliers"
import type { PurchaseOrder } from "../lib/types"
import { useVariantSearch } from "./options"
import { SearchSelect, SearchSelectOption } from "./search-select"

type LineDraft = {
  variant: SearchSelectOption
  quantity: string
  unit_cost: string
}

/** Creates a draft purchase order by hand: supplier, destination, lines. */
export function CreatePurchaseOrderModal({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onCreated: (po: PurchaseOrder) => void
}) {
  const [supplierId, setSupplierId] = useState("")
  const [locationId, setLocationId] = useState("")
  const [expectedAt, setExpectedAt] = useState("")
  const [notes, setNotes] = useState("")
  const [lines, setLines] = useState<LineDraft[]>([])
  const { data: suppliers } = useSuppliers({ limit: 100 })
  const create = useCreatePurchaseOrder()

  const submit = () => {
    if (!supplierId || !locationId || !lines.length) {
      toast.error("Choose a supplier, a location and at least one variant")
      return
    }
    create.mutate(
      {
        supplier_id: supplierId,
        location_id: locationId,
        expected_at: dateInputToIso(expectedAt),
        ...(notes ? { notes } : {}),
        lines: lines.map((line) => ({
          variant_id: line.variant.value,
          quantity: Number(line.quantity),
          ...(line.unit_cost !== ""
            ? { unit_cost: Number(line.unit_cost) }
            : {}),
        })),
      },
      toastOutcome(
        ({ purchase_order }) =>
          [
            `Created ${purchase_order.number}`,
            ...(purchase_order.lines ?? [])
              .filter((line) => line.rounding)
              .map(
                (line) => `${line.sku ?? line.title}: ${line.rounding!.reason}`
              ),
          ].join(". "),
        ({ purchase_order }) => {
          onOpenChange(false)
          setLines([])
          onCreated(purchase_order)
        }
      )
    )
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <FocusModal.Header>
          <FocusModal.Title asChild>
            <span className="sr-only">Create purchase order</span>
          </FocusModal.Title>
          <Button size="small" onClick={submit} isLoading={create.isPending}>
            Create draft
          </Button>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-16">
          <div className="flex w-full max-w-[720px] flex-col gap-y-6">
            <Heading>Create purchase order</Heading>
            <div className="grid grid-cols-2 gap-4">
              <Field id="po-supplier" label="Supplier">
                <SimpleSelect
                  id="po-supplier"
                  value={supplierId}
                  onChange={setSupplierId}
                  placeholder="Choose a supplier"
                  options={(suppliers?.suppliers ?? []).map((s) => ({
                    value: s.id,
                    label: s.name,
                  }))}
                />
              </Field>
              <Field id="po-location" label="Deliver to">
                <LocationSelect
                  id="po-location"
                  value={locationId}
                  onChange={setLocationId}
                  placeholder="Choose a location"
                />
              </Field>
              <DateField
                id="po-expected"
                label="Expected on (optional)"
                value={expectedAt}
                onChange={setExpectedAt}
              />
            </div>
            <Field id="po-notes" label="Notes (optional)">
              <Textarea
                id="po-notes"
                value={notes}
                onChange={(e) => setNotes(e.target.value)}
              />
            </Field>
            <div className="flex flex-col gap-y-3">
              <Heading level="h2">Lines</Heading>
              {lines.map((line, index) => (
                <div
                  key={line.variant.value}
                  className="flex items-end gap-x-3"
                >
                  <div className="flex flex-1 flex-col">
                    <Text size="small" weight="plus">
                      {line.variant.label}
                    </Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {line.variant.hint}
                    </Text>
                  </div>
                  <div className="flex w-24 flex-col gap-y-1">
                    <Label size="xsmall">Quantity</Label>
                    <Input
                      type="number"
                      min={1}
                      value={line.quantity}
                      onChange={(e) =>
                        setLines(
                          lines.map((l, i) =>
                            i === index ? { ...l, quantity: e.target.value } : l
                          )
                        )
                      }
                    />
                  </div>
                  <div className="flex w-28 flex-col gap-y-1">
                    <Label size="xsmall">Unit cost</Label>
                    <Input
                      type="number"
                      min={0}
                      step="0.01"
                      placeholder="Terms"
                      value={line.unit_cost}
                      onChange={(e) =>
                        setLines(
                          lines.map((l, i) =>
                            i === index
                              ? { ...l, unit_cost: e.target.value }
                              : l
                          )
                        )
                      }
                    />
                  </div>
                  <IconButton
                    variant="transparent"
                    aria-label="Remove line"
                    onClick={() =>
                      setLines(lines.filter((_, i) => i !== index))
                    }
                  >
                    <Trash />
                  </IconButton>
                </div>
              ))}
              <SearchSelect
                id="po-add-variant"
                placeholder="Add a variant: search by title or SKU"
                value={null}
                useOptions={useVariantSearch}
                onChange={(option) =>
                  option &&
                  !lines.some((l) => l.variant.value === option.value) &&
                  setLines([
                    ...lines,
                    { variant: option, quantity: "1", unit_cost: "" },
                  ])
                }
              />
            </div>
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
