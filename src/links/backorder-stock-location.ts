import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import BackorderModule from "../modules/backorder"

/**
 * `backorder.stock_location`: where the backorder will be filled (read-only, by
 * `backorder.location_id`).
 */
export default defineLink(
  { linkable: BackorderModule.linkable.backorder, field: "location_id" },
  StockLocationModule.linkable.stockLocation,
  { readOnly: true }
)

/**
 * `stock_location.backorders`: the backorders to be filled at a location.
 */
export const StockLocationBackordersLink = defineLink(
  {
    linkable: StockLocationModule.linkable.stockLocation,
    field: "id",
    isList: true,
  },
  { ...BackorderModule.linkable.backorder.id, primaryKey: "location_id" },
  { readOnly: true }
)
