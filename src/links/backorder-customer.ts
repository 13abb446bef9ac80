import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import BackorderModule from "../modules/backorder"

/**
 * `backorder.customer`: who waits (read-only, by `backorder.customer_id`).
 */
export default defineLink(
  { linkable: BackorderModule.linkable.backorder, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)

/**
 * `customer.backorders`: what a customer waits for.
 */
export const CustomerBackordersLink = defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id", isList: true },
  { ...BackorderModule.linkable.backorder.id, primaryKey: "customer_id" },
  { readOnly: true }
)
