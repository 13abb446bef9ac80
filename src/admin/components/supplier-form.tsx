import { Input, Label, Textarea } from "@medusajs/ui"
import { toastOutcome } from "../lib/toasts"
import { Field, FormDrawer } from "./form-drawer"
import { SimpleSelect } from "./simple-select"
import { useStoreCurrencies } from "../hooks/lookups"
import { useEffect, useState } from "react"
import {
  SupplierInput,
  useCreateSupplier,
  useUpdateSupplier,
} from "../hooks/suppliers"
import type { Supplier } from "../lib/types"

const FIELDS = [
  ["name", "Name", "text"],
  ["code", "Code", "text"],
  ["email", "Email", "email"],
  ["phone", "Phone", "text"],
  ["contact_name", "Contact", "text"],
  ["default_lead_time_days", "Lead time (days)", "number"],
] as const
type FieldKey = (typeof FIELDS)[number][0] | "currency_code" | "notes"

const toForm = (supplier?: Supplier | null) =>
  Object.fromEntries(
    [...FIELDS.map(([key]) => key), "currency_code", "notes"].map((key) => [
      key,
      supplier?.[key as keyof Supplier] === null ||
      supplier?.[key as keyof Supplier] === undefined
        ? ""
        : String(supplier[key as keyof Supplier]),
    ])
  ) as Record<FieldKey, string>

/**
 * Creates a supplier, or edits one when `supplier` is given. Its currency is one of the store's
 * (a new supplier starts with the store's default).
 */
export function SupplierFormDrawer({
  supplier,
  open,
  onOpenChange,
  onSaved,
}: {
  supplier?: Supplier | null
  open: boolean
  onOpenChange: (open: boolean) => void
  onSaved?: (supplier: Supplier) => void
}) {
  const [form, setForm] = useState(toForm(supplier))
  const { currencies, defaultCurrency } = useStoreCurrencies()
  useEffect(() => {
    if (open) {
      setForm(toForm(supplier))
    }
  }, [open])
  useEffect(() => {
    if (open && !supplier && defaultCurrency) {
      setForm((current) =>
        current.currency_code
          ? current
          : { ...current, currency_code: defaultCurrency }
      )
    }
  }, [open, defaultCurrency])
  const currencyOptions = [
    ...currencies.map((c) => ({
      value: c.code,
      label: `${c.code.toUpperCase()} · ${c.name}`,
    })),
    // A supplier saved before in a currency the store no longer lists keeps it.
    ...(form.currency_code &&
    !currencies.some((c) => c.code === form.currency_code.toLowerCase())
      ? [
          {
            value: form.currency_code,
            label: form.currency_code.toUpperCase(),
          },
        ]
      : []),
  ]
  const create = useCreateSupplier()
  const update = useUpdateSupplier(supplier?.id ?? "")
  const mutation = supplier ? update : create

  const submit = () => {
    const body: SupplierInput & { name: string } = {
      name: form.name,
      code: form.code || null,
      email: form.email || null,
      phone: form.phone || null,
      contact_name: form.contact_name || null,
      currency_code: form.currency_code
        ? form.currency_code.toLowerCase()
        : null,
      default_lead_time_days:
        form.default_lead_time_days === ""
          ? null
          : Number(form.default_lead_time_days),
      notes: form.notes || null,
    }
    mutation.mutate(
      body,
      toastOutcome(
        ({ supplier: saved }) => `Saved ${saved.name}`,
        ({ supplier: saved }) => {
          onOpenChange(false)
          onSaved?.(saved)
        }
      )
    )
  }

  return (
    <FormDrawer
      title={supplier ? `Edit ${supplier.name}` : "Create supplier"}
      open={open}
      onOpenChange={onOpenChange}
      submitLabel="Save"
      onSubmit={submit}
      isPending={mutation.isPending}
    >
      {FIELDS.map(([key, label, type]) => (
        <div key={key} className="flex flex-col gap-y-2">
          <Label htmlFor={`supplier-${key}`}>{label}</Label>
          <Input
            id={`supplier-${key}`}
            type={type}
            value={form[key]}
            onChange={(e) => setForm({ ...form, [key]: e.target.value })}
          />
        </div>
      ))}
      <Field id="supplier-currency_code" label="Currency">
        <SimpleSelect
          id="supplier-currency_code"
          placeholder="Choose a currency"
          value={form.currency_code}
          onChange={(value) => setForm({ ...form, currency_code: value })}
          options={currencyOptions}
        />
      </Field>
      <Field id="supplier-notes" label="Notes">
        <Textarea
          id="supplier-notes"
          value={form.notes}
          onChange={(e) => setForm({ ...form, notes: e.target.value })}
        />
      </Field>
    </FormDrawer>
  )
}
