import { Checkbox, Input, Label, toast } from "@medusajs/ui"
import { toastOutcome } from "../lib/toasts"
import { Field, FormDrawer } from "./form-drawer"
import { useEffect, useState } from "react"
import {
  SupplierVariantInput,
  useCreateSupplierVariant,
  useUpdateSupplierVariant,
} from "../hooks/suppliers"
import type { SupplierVariant } from "../lib/types"
import { useVariantSearch } from "./options"
import { SearchSelect, SearchSelectOption } from "./search-select"

const NUMBER_FIELDS = [
  ["unit_cost", "Unit cost", "0.01"],
  ["lead_time_days", "Lead time (days)", "1"],
  ["minimum_order_quantity", "Minimum order quantity", "1"],
  ["case_pack", "Case pack", "1"],
] as const

/** Adds a variant to a supplier with its terms, or edits the terms given. */
export function SupplierVariantDrawer({
  supplierId,
  terms,
  open,
  onOpenChange,
}: {
  supplierId: string
  terms?: SupplierVariant | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const [variant, setVariant] = useState<SearchSelectOption | null>(null)
  const [sku, setSku] = useState("")
  const [numbers, setNumbers] = useState<Record<string, string>>({})
  const [preferred, setPreferred] = useState(false)
  useEffect(() => {
    if (open) {
      setVariant(null)
      setSku(terms?.supplier_sku ?? "")
      setNumbers(
        Object.fromEntries(
          NUMBER_FIELDS.map(([key]) => [
            key,
            terms?.[key] === null || terms?.[key] === undefined
              ? ""
              : String(terms[key]),
          ])
        )
      )
      setPreferred(terms?.is_preferred ?? false)
    }
  }, [open])
  const create = useCreateSupplierVariant(supplierId)
  const update = useUpdateSupplierVariant(supplierId, terms?.id ?? "")

  const submit = () => {
    const body: SupplierVariantInput = {
      supplier_sku: sku || null,
      unit_cost: numbers.unit_cost === "" ? null : Number(numbers.unit_cost),
      lead_time_days:
        numbers.lead_time_days === "" ? null : Number(numbers.lead_time_days),
      ...(numbers.minimum_order_quantity !== ""
        ? { minimum_order_quantity: Number(numbers.minimum_order_quantity) }
        : {}),
      ...(numbers.case_pack !== ""
        ? { case_pack: Number(numbers.case_pack) }
        : {}),
      is_preferred: preferred,
    }
    const options = toastOutcome("Saved the terms", () => {
      onOpenChange(false)
    })
    if (terms) {
      update.mutate(body, options)
    } else if (!variant) {
      toast.error("Choose a variant")
    } else {
      create.mutate({ ...body, variant_id: variant.value }, options)
    }
  }

  return (
    <FormDrawer
      title={terms ? "Edit terms" : "Add variant"}
      open={open}
      onOpenChange={onOpenChange}
      submitLabel="Save"
      onSubmit={submit}
      isPending={create.isPending || update.isPending}
    >
      {!terms && (
        <Field id="terms-variant" label="Variant">
          <SearchSelect
            id="terms-variant"
            placeholder="Search by title or SKU"
            value={variant}
            onChange={setVariant}
            useOptions={useVariantSearch}
          />
        </Field>
      )}
      <Field id="terms-supplier-sku" label="Supplier SKU">
        <Input
          id="terms-supplier-sku"
          value={sku}
          onChange={(e) => setSku(e.target.value)}
        />
      </Field>
      {NUMBER_FIELDS.map(([key, label, step]) => (
        <div key={key} className="flex flex-col gap-y-2">
          <Label htmlFor={`terms-${key}`}>{label}</Label>
          <Input
            id={`terms-${key}`}
            type="number"
            min={0}
            step={step}
            value={numbers[key] ?? ""}
            onChange={(e) => setNumbers({ ...numbers, [key]: e.target.value })}
          />
        </div>
      ))}
      <div className="flex items-center gap-x-2">
        <Checkbox
          id="terms-preferred"
          checked={preferred}
          onCheckedChange={(checked) => setPreferred(checked === true)}
        />
        <Label htmlFor="terms-preferred">
          Preferred supplier of this variant
        </Label>
      </div>
    </FormDrawer>
  )
}
