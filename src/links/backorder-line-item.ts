import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import BackorderModule from "../modules/backorder"

/**
 * `backorder.line_item`: the order line sold short (read-only, by `backorder.line_item_id`).
 */
export default defineLink(
  { linkable: BackorderModule.linkable.backorder, field: "line_item_id" },
  { ...OrderModule.linkable.orderLineItem.id, alias: "line_item" },
  { readOnly: true }
)

/**
 * `order_line_item.backorder`: the backorder of an order line, if any (one per line at most).
 */
export const LineItemBackorderLink = defineLink(
  { linkable: OrderModule.linkable.orderLineItem, field: "id" },
  { ...BackorderModule.linkable.backorder.id, primaryKey: "line_item_id" },
  { readOnly: true }
)
