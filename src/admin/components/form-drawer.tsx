import { Button, DatePicker, Drawer, Label } from "@medusajs/ui"
import { useMemo, type ReactNode } from "react"

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

/**
 * A labelled date, picked with Medusa UI's DatePicker as in Medusa's own forms; the value is
 * the day as `YYYY-MM-DD` text ("" for none).
 */
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
  // The picker resets what is typed whenever it is given a new Date object: one per day.
  const date = useMemo(() => dayToDate(value), [value])
  return (
    <div className="flex flex-col gap-y-2">
      <Label id={`${id}-label`}>{label}</Label>
      <DatePicker
        id={id}
        aria-labelledby={`${id}-label`}
        value={date}
        onChange={(date) => onChange(date ? dateToDay(date) : "")}
      />
    </div>
  )
}

/** `YYYY-MM-DD` as that day's local midnight, the way the picker shows a day. */
function dayToDate(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  return match
    ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    : null
}

function dateToDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
