import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminProductVariant,
  DetailWidgetProps,
} from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { StockSummaryTable } from "../components/stock-summary-table"
import { TransfersInTransitSection } from "../components/transfer/transfers-in-transit"
import { useStockSummary } from "../hooks/backorders"
import { formatCount, formatMoney } from "../lib/format"
import { useStoreCurrencies } from "../hooks/lookups"

/** Backordered, allocated and incoming units of the variant per location, and its suppliers. */
const VariantBackordersWidget = ({
  data: variant,
}: DetailWidgetProps<AdminProductVariant>) => {
  const { data, isLoading, isError } = useStockSummary({
    variant_id: variant.id,
  })
  const { defaultCurrency } = useStoreCurrencies()
  return (
    <Container className="divide-y p-0" data-testid="variant-backorders-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Backorders and incoming</Heading>
      </div>
      <StockSummaryTable
        summary={data}
        isLoading={isLoading}
        isError={isError}
      />
      <TransfersInTransitSection query={{ variant_id: variant.id }} />
      {!!data?.suppliers.length && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small" weight="plus">
            Suppliers
          </Text>
          {data.suppliers.map((s) => (
            <div key={s.id} className="flex items-center justify-between">
              <div className="flex items-center gap-x-2">
                <Link
                  className="text-ui-fg-base txt-compact-small underline underline-offset-2"
                  to={`/suppliers/${s.supplier_id}`}
                >
                  {s.supplier_name}
                </Link>
                {s.is_preferred && (
                  <StatusBadge color="green">Preferred</StatusBadge>
                )}
              </div>
              <Text size="small" className="text-ui-fg-subtle tabular-nums">
                {formatMoney(s.unit_cost, s.currency_code ?? defaultCurrency)}
                {s.lead_time_days !== null
                  ? ` · ${formatCount(s.lead_time_days, "day")} lead time`
                  : ""}{" "}
                · MOQ {s.minimum_order_quantity} · case {s.case_pack}
              </Text>
            </div>
          ))}
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product_variant.details.before",
})

export default VariantBackordersWidget
