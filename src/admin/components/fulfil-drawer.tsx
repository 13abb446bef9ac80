import { Skeleton, Text } from "@medusajs/ui"
import { useFulfilBackorders, useFulfilPreview } from "../hooks/backorders"
import { errorMessage, formatMoney } from "../lib/format"
import { toastOutcome } from "../lib/toasts"
import { FormDrawer } from "./form-drawer"

/**
 * The confirmation before backordered units are packed and charged: what Medusa's fulfilment
 * will pack, per backorder, and the amount that will be captured from the customer's payment.
 */
export function FulfilDrawer({
  orderId,
  backorderIds,
  open,
  onOpenChange,
}: {
  orderId: string
  /** Only these backorders of the order; all with allocated units by default. */
  backorderIds?: string[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { data, isLoading, error } = useFulfilPreview(
    orderId,
    backorderIds,
    open
  )
  const fulfil = useFulfilBackorders()
  const preview = data?.preview
  const units = (preview?.backorders ?? []).reduce(
    (sum, b) => sum + b.quantity,
    0
  )
  const currency = preview?.currency_code

  const submit = () =>
    fulfil.mutate(
      { order_id: orderId, backorder_ids: backorderIds },
      toastOutcome(
        ({ captured }) =>
          `Fulfilled ${units} unit${units === 1 ? "" : "s"}${captured ? `, captured ${formatMoney(captured, currency)}` : ", nothing captured"}`,
        () => onOpenChange(false)
      )
    )

  return (
    <FormDrawer
      title="Fulfil backordered units"
      open={open}
      onOpenChange={onOpenChange}
      submitLabel="Fulfil and capture"
      onSubmit={submit}
      isPending={fulfil.isPending}
    >
      {isLoading && <Skeleton className="h-16 w-full" />}
      {error && (
        <Text size="small" className="text-ui-fg-error">
          {errorMessage(error)}
        </Text>
      )}
      {preview?.message && (
        <Text size="small" className="text-ui-fg-subtle">
          {preview.message}
        </Text>
      )}
      {preview && !preview.message && (
        <div className="flex flex-col gap-y-3" data-testid="fulfil-preview">
          <Text size="small">
            Medusa's fulfilment will pack {units} unit
            {units === 1 ? "" : "s"}:
          </Text>
          <ul className="flex flex-col gap-y-1">
            {preview.backorders.map((b) => (
              <li key={b.id} data-testid={`fulfil-preview-${b.sku ?? b.id}`}>
                <Text size="small" className="text-ui-fg-subtle">
                  {b.sku ?? b.title}: {b.quantity} unit
                  {b.quantity === 1 ? "" : "s"}
                </Text>
              </li>
            ))}
          </ul>
          <Text size="small" weight="plus" data-testid="fulfil-capture">
            {preview.capture_amount > 0
              ? `Captures ${formatMoney(preview.capture_amount, currency)} from the customer's payment`
              : "Captures nothing: no balance is due or authorised"}
          </Text>
        </div>
      )}
    </FormDrawer>
  )
}
