import { model } from "@medusajs/framework/utils"

/**
 * The plugin's record that one order line's reservation at one location was checked for
 * units sold without stock: how many reserved units were looked at and how many of them were
 * found short. It makes recording exactly-once whatever delivers an order to it (the
 * `order.placed` event, a retry, a second worker, the catch-up job): units already checked are
 * never counted again, and while deciding who is short the units of lines not checked yet
 * are known, so the orders placed last are the short ones whatever order they are handled in.
 */
const ShortageCheck = model
  .define("shortage_check", {
    id: model.id({ prefix: "shck" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    /** Reserved units of the line at the location that have been checked. */
    checked_quantity: model.bigNumber(),
    /** Of those, units found short (recorded on the line's backorder). */
    short_quantity: model.bigNumber(),
  })
  .indexes([
    {
      name: "IDX_shortage_check_line_item_unique",
      on: ["line_item_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_shortage_check_order_id",
      on: ["order_id"],
      where: "deleted_at IS NULL",
    },
  ])
  .checks([
    {
      name: "CK_shortage_check_quantities",
      expression: (columns) =>
        `${columns.checked_quantity} >= 0 AND ${columns.short_quantity} >= 0 AND ${columns.short_quantity} <= ${columns.checked_quantity}`,
    },
  ])

export default ShortageCheck
