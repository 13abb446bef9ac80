import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type {
  AdminInventoryItem,
  DetailWidgetProps,
} from "@medusajs/framework/types"
import { Container, Heading } from "@medusajs/ui"
import { StockSummaryTable } from "../components/stock-summary-table"
import { TransfersInTransitSection } from "../components/transfer/transfers-in-transit"
import { useStockSummary } from "../hooks/backorders"

/** Incoming and backordered units of the inventory item per location. */
const InventoryItemBackordersWidget = ({
  data: item,
}: DetailWidgetProps<AdminInventoryItem>) => {
  const { data, isLoading, isError } = useStockSummary({
    inventory_item_id: item.id,
  })
  return (
    <Container
      className="divide-y p-0"
      data-testid="inventory-backorders-widget"
    >
      <div className="px-6 py-4">
        <Heading level="h2">Backorders and incoming</Heading>
      </div>
      <StockSummaryTable
        summary={data}
        isLoading={isLoading}
        isError={isError}
      />
      <TransfersInTransitSection query={{ inventory_item_id: item.id }} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "inventory_item.details.before",
})

export default InventoryItemBackordersWidget
