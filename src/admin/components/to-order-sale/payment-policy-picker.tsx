import { Input, Label, RadioGroup, Text } from "@medusajs/ui"
import { PaymentPolicy } from "../../../types/enums"
import { formatMoney, PAYMENT_POLICY_LABEL } from "../../lib/format"
import type { ToOrderSalePreview } from "../../lib/types"

const POLICY_HINT: Record<PaymentPolicy, string> = {
  [PaymentPolicy.PAY_NOW]: "The whole order is paid today.",
  [PaymentPolicy.DEPOSIT]: "A share today, the balance when the stock arrives.",
  [PaymentPolicy.PAY_ON_RECEIPT]:
    "Lines in stock today, backordered lines when they arrive.",
}

/** How the customer pays (POSitive's options), each with what it asks today. */
export function PaymentPolicyPicker({
  policy,
  onPolicyChange,
  depositPercent,
  onDepositPercentChange,
  preview,
}: {
  policy: PaymentPolicy
  onPolicyChange: (policy: PaymentPolicy) => void
  depositPercent: string
  onDepositPercentChange: (value: string) => void
  preview: ToOrderSalePreview | null
}) {
  return (
    <>
      <RadioGroup
        value={policy}
        onValueChange={(value) => onPolicyChange(value as PaymentPolicy)}
        className="grid grid-cols-1 gap-3 md:grid-cols-3"
      >
        {Object.values(PaymentPolicy).map((value) => (
          <div
            key={value}
            className="shadow-borders-base flex items-start gap-x-3 rounded-lg p-3"
          >
            <RadioGroup.Item value={value} id={`policy-${value}`} />
            <div className="flex flex-col">
              <Label htmlFor={`policy-${value}`} weight="plus">
                {PAYMENT_POLICY_LABEL[value]}
              </Label>
              <Text size="small" className="text-ui-fg-subtle">
                {POLICY_HINT[value]}
              </Text>
              {preview && (
                <Text
                  size="small"
                  className="mt-1 tabular-nums"
                  data-testid={`due-now-${value}`}
                >
                  Due now:{" "}
                  {formatMoney(preview.due_now[value], preview.currency_code)}
                </Text>
              )}
            </div>
          </div>
        ))}
      </RadioGroup>
      {policy === PaymentPolicy.DEPOSIT && (
        <div className="flex w-48 flex-col gap-y-2">
          <Label htmlFor="sale-deposit">Deposit (%)</Label>
          <Input
            id="sale-deposit"
            type="number"
            min={1}
            max={100}
            value={depositPercent}
            onChange={(e) => onDepositPercentChange(e.target.value)}
          />
        </div>
      )}
    </>
  )
}
