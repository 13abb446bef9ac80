import { defineLink } from "@medusajs/framework/utils"
import InventoryModule from "@medusajs/medusa/inventory"
import BackorderModule from "../modules/backorder"

/**
 * `backorder.inventory_item`: the stock a backorder waits for (read-only, by
 * `backorder.inventory_item_id`).
 */
export default defineLink(
  { linkable: BackorderModule.linkable.backorder, field: "inventory_item_id" },
  InventoryModule.linkable.inventoryItem,
  { readOnly: true }
)

/**
 * `inventory_item.backorders`: the backorders waiting for an inventory item.
 */
export const InventoryItemBackordersLink = defineLink(
  {
    linkable: InventoryModule.linkable.inventoryItem,
    field: "id",
    isList: true,
  },
  { ...BackorderModule.linkable.backorder.id, primaryKey: "inventory_item_id" },
  { readOnly: true }
)
