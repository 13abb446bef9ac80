import { Badge, Heading, Skeleton, Text } from "@medusajs/ui"
import {
  RequestStockBody,
  SkippedBackorder,
  useRequestStockPreview,
} from "../hooks/backorders"
import { useStoreCurrencies } from "../hooks/lookups"
import { errorMessage, formatDate, formatMoney } from "../lib/format"
import type { PlannedPurchaseOrderPreview } from "../lib/types"

/**
 * What a stock request will do, shown before it is confirmed: each purchase order it creates or
 * adds to, with supplier, destination, expected date (and the lead time it was counted from),
 * per line the units asked and ordered (with why it was rounded), the cost and the total; and
 * the backorders it leaves out, and why.
 */
export function RequestStockPreview({
  body,
  enabled,
}: {
  body: RequestStockBody
  enabled: boolean
}) {
  const { data, isLoading, error } = useRequestStockPreview(body, enabled)
  const { defaultCurrency } = useStoreCurrencies()
  if (!enabled) {
    return null
  }
  return (
    <section
      className="flex flex-col gap-y-3"
      data-testid="request-stock-preview"
      aria-label="What will be ordered"
    >
      <Heading level="h3">What will be ordered</Heading>
      {isLoading && <Skeleton className="h-20 w-full" />}
      {error && (
        <Text size="small" className="text-ui-fg-error">
          {errorMessage(error)}
        </Text>
      )}
      {data && !data.preview.purchase_orders.length && (
        <Text size="small" className="text-ui-fg-subtle">
          Nothing to order.
        </Text>
      )}
      {data?.preview.purchase_orders.map((po, i) => {
        const currency =
          po.currency_code ?? po.supplier.currency_code ?? defaultCurrency
        return (
          <div
            key={po.purchase_order_id ?? `new-${i}`}
            className="shadow-elevation-card-rest bg-ui-bg-component flex flex-col gap-y-2 rounded-lg p-3"
            data-testid="preview-purchase-order"
          >
            <div className="flex flex-wrap items-center gap-2">
              <Badge size="2xsmall">
                {po.number ? `Adds to ${po.number}` : "New purchase order"}
              </Badge>
              <Text size="small" weight="plus">
                {po.supplier.name ?? po.supplier.id}
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                {po.is_dropship
                  ? "→ the customer (dropship)"
                  : `→ ${po.location?.name ?? "-"}`}
                {po.expected_at
                  ? ` · expected ${formatDate(po.expected_at)}`
                  : ""}
              </Text>
              {po.lead_time && (
                <Text
                  size="small"
                  className="text-ui-fg-subtle"
                  data-testid="preview-lead-time"
                >
                  {leadTimeText(po.lead_time)}
                </Text>
              )}
            </div>
            <ul className="flex flex-col gap-y-1">
              {po.lines.map((line) => (
                <li
                  key={line.variant_id}
                  className="flex flex-wrap justify-between gap-x-3"
                  data-testid={`preview-line-${line.sku ?? line.variant_id}`}
                >
                  <Text size="small">
                    {line.sku ?? line.title}: {line.requested_quantity} needed
                    {line.current_quantity !== null
                      ? `, line ${line.current_quantity} → ${line.quantity}`
                      : `, ${line.quantity} ordered`}
                    {line.rounding ? ` (${line.rounding.reason})` : ""}
                  </Text>
                  <Text size="small" className="text-ui-fg-subtle">
                    {line.unit_cost === null
                      ? "no cost"
                      : `${formatMoney(line.unit_cost, currency)} each · ${formatMoney(line.total, currency)}`}
                  </Text>
                </li>
              ))}
            </ul>
            <Text
              size="small"
              weight="plus"
              data-testid="preview-total"
              className="self-end"
            >
              Total{" "}
              {po.total === null
                ? "unknown (a line has no cost)"
                : formatMoney(po.total, currency)}
            </Text>
          </div>
        )
      })}
      {!!data?.skipped?.length && (
        <SkippedList skipped={data.skipped} title="Left out" />
      )}
    </section>
  )
}

/**
 * Which lead time the expected date counts: "5-day lead time (GRINDER-BLACK's terms)",
 * "7-day lead time (the supplier's default)".
 */
function leadTimeText(
  leadTime: NonNullable<PlannedPurchaseOrderPreview["lead_time"]>
) {
  return `${leadTime.days}-day lead time (${
    leadTime.source === "variant_terms"
      ? `${leadTime.sku ?? "the variant"}'s terms`
      : "the supplier's default"
  })`
}

/** The backorders a request leaves out, one sentence each. */
export function SkippedList({
  skipped,
  title,
}: {
  skipped: SkippedBackorder[]
  title: string
}) {
  return (
    <div className="flex flex-col gap-y-1" data-testid="request-stock-skipped">
      <Text size="small" weight="plus">
        {title} ({skipped.length})
      </Text>
      <ul className="flex flex-col gap-y-1">
        {skipped.map((s) => (
          <li key={s.backorder_id}>
            <Text size="small" className="text-ui-fg-subtle">
              {s.message}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  )
}
