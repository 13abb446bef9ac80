import { Button, Drawer, Input, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * The drawer every form of the plugin opens in, as Medusa's own edit drawers: a title, the
 * fields, and Cancel / submit in the footer.
 */
export function FormDrawer({
  title,
  open,
  onOpenChange,
  submitLabel,
  onSubmit,
  isPending,
  cancelLabel = "Cancel",
  danger = false,
  disabled = false,
  children,
}: {
  title: string
  open: boolean
  onOpenChange: (open: boolean) => void
  submitLabel: string
  onSubmit: () => void
  isPending: boolean
  cancelLabel?: string
  danger?: boolean
  /** The submit button is off: there is nothing the form could do. */
  disabled?: boolean
  children: ReactNode
}) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>{title}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {children}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {cancelLabel}
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            variant={danger ? "danger" : "primary"}
            onClick={onSubmit}
            isLoading={isPending}
            disabled={disabled}
          >
            {submitLabel}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** A labelled form field. */
export function Field({
  id,
  label,
  children,
}: {
  id: string
  label: string
  children: ReactNode
}) {
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  )
}

/** A labelled date input; the value is the input's `YYYY-MM-DD` text. */
export function DateField({
  id,
  label,
  value,
  onChange,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
}) {
  return (
    <Field id={id} label={label}>
      <Input
        id={id}
        type="date"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  )
}
