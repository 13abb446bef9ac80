import { model } from "@medusajs/framework/utils"
import { AllocationRule, AllocationSource } from "../../../types/enums"
import Backorder from "./backorder"

/**
 * The allocation ledger: one row each time units are handed to (positive quantity) or taken
 * from (negative quantity) a backorder, with where they came from and the rule that chose
 * the backorder, so every unit handed out can be explained.
 */
const Allocation = model
  .define("allocation", {
    id: model.id({ prefix: "alloc" }).primaryKey(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    quantity: model.bigNumber(),
    source: model.enum(Object.values(AllocationSource)),
    rule: model.enum(Object.values(AllocationRule)),
    // The explanation shown to staff: "linked to PO-0012", "oldest order", "priority 1".
    reason: model.text(),
    purchase_order_id: model.text().nullable(),
    purchase_order_line_id: model.text().nullable(),
    receipt_id: model.text().nullable(),
    receipt_line_id: model.text().nullable(),
    transfer_id: model.text().nullable(),
    transfer_receipt_id: model.text().nullable(),
    // The other backorder of a release or override.
    counterpart_backorder_id: model.text().nullable(),
    note: model.text().nullable(),
    created_by: model.text().nullable(),
    metadata: model.json().nullable(),
    backorder: model.belongsTo(() => Backorder, { mappedBy: "allocations" }),
  })
  .indexes([
    {
      name: "IDX_allocation_backorder_id",
      on: ["backorder_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_allocation_inventory_item_location",
      on: ["inventory_item_id", "location_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_allocation_purchase_order_id",
      on: ["purchase_order_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_allocation_receipt_id",
      on: ["receipt_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_allocation_transfer_id",
      on: ["transfer_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_allocation_created_at",
      on: ["created_at"],
      where: "deleted_at IS NULL",
    },
  ])
  .checks([
    {
      name: "chk_allocation_quantity_not_zero",
      expression: (columns) => `${columns.quantity} <> 0`,
    },
  ])

export default Allocation
