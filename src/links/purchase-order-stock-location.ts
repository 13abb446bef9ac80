import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import BackorderModule from "../modules/backorder"

/**
 * `purchase_order.stock_location`: where a purchase order is delivered (read-only, by
 * `purchase_order.location_id`; none for a dropship).
 */
export default defineLink(
  { linkable: BackorderModule.linkable.purchaseOrder, field: "location_id" },
  StockLocationModule.linkable.stockLocation,
  { readOnly: true }
)

/**
 * `stock_location.purchase_orders`: the purchase orders delivered to a location.
 */
export const StockLocationPurchaseOrdersLink = defineLink(
  {
    linkable: StockLocationModule.linkable.stockLocation,
    field: "id",
    isList: true,
  },
  { ...BackorderModule.linkable.purchaseOrder.id, primaryKey: "location_id" },
  { readOnly: true }
)
