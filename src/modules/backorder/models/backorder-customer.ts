import { model } from "@medusajs/framework/utils"

/**
 * A copy of the searchable fields of a Medusa customer who has backorders (the same fields
 * Medusa's customer search reads), kept so the staff search of the backorder list finds
 * customers through a trigram index of this module (hand-written migration
 * Migration20261203162500) instead of `ILIKE` over every customer of the store: core's
 * `customer` table has no such index and a plugin adds none to it. Written when a backorder
 * is recorded for the customer and when the customer is updated (`customer.updated`).
 */
const BackorderCustomer = model.define("backorder_customer", {
  // The Medusa customer's id.
  id: model.text().primaryKey(),
  email: model.text().nullable(),
  first_name: model.text().nullable(),
  last_name: model.text().nullable(),
  company_name: model.text().nullable(),
  phone: model.text().nullable(),
})

export default BackorderCustomer
