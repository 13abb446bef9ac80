import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import BackorderModule from "../modules/backorder"

/**
 * `backorder.order`: the order a backorder belongs to (read-only, by `backorder.order_id`).
 */
export default defineLink(
  { linkable: BackorderModule.linkable.backorder, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)

/**
 * `order.backorders`: the backorder lines of an order.
 */
export const OrderBackordersLink = defineLink(
  { linkable: OrderModule.linkable.order, field: "id", isList: true },
  { ...BackorderModule.linkable.backorder.id, primaryKey: "order_id" },
  { readOnly: true }
)
