import { Checkbox, Hint, Input, Label } from "@medusajs/ui"
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

type TermsErrors = Partial<
  Record<"variant" | (typeof NUMBER_FIELDS)[number][0], string>
>

/**
 * The form's own checks, shown under each field before anything is sent (the API checks
 * the same bounds): a new term needs its variant; a cost is not negative; a lead time is
 * whole days; a minimum order and a case pack are whole units, at least 1.
 */
function validateTerms(
  numbers: Record<string, string>,
  needsVariant: boolean
): TermsErrors {
  const errors: TermsErrors = {}
  if (needsVariant) {
    errors.variant = "Choose the variant these terms are for"
  }
  const value = (key: string) =>
    (numbers[key] ?? "") === "" ? null : Number(numbers[key])
  const cost = value("unit_cost")
  if (cost !== null && !(cost >= 0)) {
    errors.unit_cost = "Enter a cost of 0 or more"
  }
  const lead = value("lead_time_days")
  if (lead !== null && !(Number.isInteger(lead) && lead >= 0)) {
    errors.lead_time_days = "Enter whole days, 0 or more"
  }
  for (const key of ["minimum_order_quantity", "case_pack"] as const) {
    const units = value(key)
    if (units !== null && !(Number.isInteger(units) && units >= 1)) {
      errors[key] = "Enter whole units, at least 1"
    }
  }
  return errors
}

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
  const [errors, setErrors] = useState<TermsErrors>({})
  useEffect(() => {
    if (open) {
      setVariant(null)
      setErrors({})
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
    const found = validateTerms(numbers, !terms && !variant)
    setErrors(found)
    if (Object.keys(found).length) {
      return
    }
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
    } else if (variant) {
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
            onChange={(option) => {
              setVariant(option)
              setErrors(({ variant: _variant, ...rest }) => rest)
            }}
            useOptions={useVariantSearch}
            errorId={errors.variant ? "terms-variant-error" : undefined}
          />
          <FieldError id="terms-variant-error" message={errors.variant} />
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
            aria-invalid={errors[key] ? true : undefined}
            aria-describedby={errors[key] ? `terms-${key}-error` : undefined}
          />
          <FieldError id={`terms-${key}-error`} message={errors[key]} />
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

/** A field's error under it, as Medusa's forms show one. */
function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <Hint id={id} variant="error">
      {message}
    </Hint>
  ) : null
}
