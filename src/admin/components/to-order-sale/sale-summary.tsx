import { Alert, Container, Text } from "@medusajs/ui"
import { formatMoney, PAYMENT_POLICY_LABEL } from "../../lib/format"
import type { PaymentPolicy, ToOrderSalePreview } from "../../lib/types"

/** The totals of a to-order sale and a warning for every shortage, before it is confirmed. */
export function SaleSummary({
  preview,
  policy,
}: {
  preview: ToOrderSalePreview
  policy: PaymentPolicy
}) {
  const currency = preview.currency_code
  return (
    <Container
      className="flex flex-col gap-y-3 px-6 py-4"
      data-testid="sale-summary"
    >
      {preview.warnings.length > 0 && (
        <Alert variant="warning" data-testid="shortage-warning">
          <div className="flex flex-col gap-y-1">
            <Text size="small" weight="plus">
              Backorders found
            </Text>
            {preview.warnings.map((warning) => (
              <Text key={warning} size="small">
                {warning}
              </Text>
            ))}
          </div>
        </Alert>
      )}
      <div className="flex justify-between">
        <Text size="small">Order total</Text>
        <Text size="small" className="tabular-nums">
          {formatMoney(preview.total, currency)}
        </Text>
      </div>
      <div className="flex justify-between">
        <Text size="small">Of which backordered</Text>
        <Text size="small" className="tabular-nums">
          {formatMoney(preview.backordered_total, currency)}
        </Text>
      </div>
      <div className="flex justify-between">
        <Text size="small" weight="plus">
          Due now ({PAYMENT_POLICY_LABEL[policy]})
        </Text>
        <Text
          size="small"
          weight="plus"
          className="tabular-nums"
          data-testid="due-now-chosen"
        >
          {formatMoney(preview.due_now_chosen, currency)}
        </Text>
      </div>
    </Container>
  )
}
