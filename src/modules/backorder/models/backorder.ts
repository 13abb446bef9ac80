import { model } from "@medusajs/framework/utils"
import {
  BackorderSource,
  BackorderStatus,
  PaymentPolicy,
} from "../../../types/enums"
import Allocation from "./allocation"
import PurchaseOrderLineBackorder from "./purchase-order-line-backorder"
import TransferLineBackorder from "./transfer-line-backorder"

/**
 * The part of one order line that was sold without stock: who waits, for what, where,
 * how much of it has been allocated, fulfilled or cancelled, and how it is paid.
 */
const Backorder = model
  .define("backorder", {
    id: model.id({ prefix: "bo" }).primaryKey(),
    status: model
      .enum(Object.values(BackorderStatus))
      .default(BackorderStatus.NEW),
    source: model.enum(Object.values(BackorderSource)),
    order_id: model.text(),
    line_item_id: model.text(),
    customer_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    product_id: model.text().nullable(),
    variant_id: model.text(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    // The supplier expected to fill it: the preferred one until a purchase order names another.
    supplier_id: model.text().nullable(),
    sku: model.text().nullable(),
    title: model.text().nullable(),
    quantity: model.bigNumber(),
    allocated_quantity: model.bigNumber().default(0),
    fulfilled_quantity: model.bigNumber().default(0),
    cancelled_quantity: model.bigNumber().default(0),
    // Higher is served first under the `priority` allocation policy.
    priority: model.number().default(0),
    payment_policy: model.enum(Object.values(PaymentPolicy)).nullable(),
    currency_code: model.text().nullable(),
    unit_price: model.bigNumber().nullable(),
    // What the customer has paid towards this backorder (deposit or full payment).
    paid_amount: model.bigNumber().default(0),
    refunded_amount: model.bigNumber().default(0),
    // Payment collection that requests the balance once the units are allocated.
    balance_payment_collection_id: model.text().nullable(),
    promised_at: model.dateTime().nullable(),
    // Set once when the promise date has passed with units still waiting; `late_promised_at`
    // is the promise that was broken, so a new promise date can be found late again.
    late_at: model.dateTime().nullable(),
    late_promised_at: model.dateTime().nullable(),
    on_order_at: model.dateTime().nullable(),
    available_at: model.dateTime().nullable(),
    fulfilled_at: model.dateTime().nullable(),
    // Set when the goods were delivered straight to the customer by the supplier (dropship).
    delivered_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    cancel_reason: model.text().nullable(),
    created_by: model.text().nullable(),
    metadata: model.json().nullable(),
    allocations: model.hasMany(() => Allocation, { mappedBy: "backorder" }),
    purchase_order_lines: model.hasMany(() => PurchaseOrderLineBackorder, {
      mappedBy: "backorder",
    }),
    transfer_lines: model.hasMany(() => TransferLineBackorder, {
      mappedBy: "backorder",
    }),
  })
  // Not declared here: DML has no `INCLUDE`, so the covering indexes on `created_at` (the
  // list's default sort and the 90-day fill rate) and on the open backorders (health, stock
  // summary) are created by a hand-written migration (Migration20261203161300). The search
  // has no trigram index here: it matches `q` against the distinct SKUs and titles in
  // `backorder_search_text` and finds their backorders by equality on `IDX_backorder_sku` /
  // `IDX_backorder_title`. `supplier_id` alone is served by the prefix of
  // `IDX_backorder_supplier_status`.
  .indexes([
    {
      name: "IDX_backorder_line_item_id_unique",
      on: ["line_item_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_backorder_status_location",
      on: ["status", "location_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_backorder_location_id",
      on: ["location_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_backorder_variant_id",
      on: ["variant_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_backorder_product_id",
      on: ["product_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_backorder_customer_id",
      on: ["customer_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_backorder_order_id",
      on: ["order_id"],
      where: "deleted_at IS NULL",
    },
    {
      // A status tab of the list, newest first, ties by id: the page's whole order, so the
      // planner takes it for a history tab instead of walking `created_at` back through
      // the open backorders (the newest tenth) to reach the first fulfilled one.
      name: "IDX_backorder_status_created_at_id",
      on: ["status", "created_at", "id"],
      where: "deleted_at IS NULL",
    },
    {
      // The late filter and the promise-date sort of a status tab.
      name: "IDX_backorder_status_promised_at",
      on: ["status", "promised_at"],
      where: "deleted_at IS NULL",
    },
    {
      // The late list by promise date (waiting statuses, promise past, soonest first): one
      // ordered scan instead of a top-N sort of every waiting backorder. Partial, so an
      // allocation that makes a backorder available adds no entry to it.
      name: "IDX_backorder_waiting_promised_at",
      on: ["promised_at", "id"],
      where:
        "deleted_at IS NULL AND status IN ('new', 'on_order', 'partially_available')",
    },
    {
      // A supplier's backorders in one status (supplier filter of a tab, supplier groups).
      name: "IDX_backorder_supplier_status",
      on: ["supplier_id", "status"],
      where: "deleted_at IS NULL",
    },
    {
      // The list sorted by SKU or title, and the search's backorders of the SKUs and titles
      // containing the term (`sku = ANY(...)`, `title = ANY(...)`).
      name: "IDX_backorder_sku",
      on: ["sku"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_backorder_title",
      on: ["title"],
      where: "deleted_at IS NULL",
    },
    {
      // The allocation queue: waiting backorders of one item at one location, oldest first.
      name: "IDX_backorder_allocation_queue",
      on: ["inventory_item_id", "location_id", "created_at"],
      where:
        "deleted_at IS NULL AND status IN ('new', 'on_order', 'partially_available')",
    },
  ])
  .checks([
    {
      name: "chk_backorder_quantity_positive",
      expression: (columns) => `${columns.quantity} > 0`,
    },
    {
      name: "chk_backorder_quantities_non_negative",
      expression: (columns) =>
        `${columns.allocated_quantity} >= 0 AND ${columns.fulfilled_quantity} >= 0 AND ${columns.cancelled_quantity} >= 0`,
    },
    {
      name: "chk_backorder_allocated_cancelled_within_quantity",
      expression: (columns) =>
        `${columns.allocated_quantity} + ${columns.cancelled_quantity} <= ${columns.quantity}`,
    },
    {
      name: "chk_backorder_fulfilled_within_allocated",
      expression: (columns) =>
        `${columns.fulfilled_quantity} <= ${columns.allocated_quantity}`,
    },
    {
      name: "chk_backorder_amounts_non_negative",
      expression: (columns) =>
        `${columns.paid_amount} >= 0 AND ${columns.refunded_amount} >= 0 AND (${columns.unit_price} IS NULL OR ${columns.unit_price} >= 0)`,
    },
  ])

export default Backorder
