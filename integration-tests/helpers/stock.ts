import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export type StockLevel = {
  stocked: number
  reserved: number
  incoming: number
  available: number
}

/** The inventory level of a variant (by SKU) at a location, as plain numbers. */
export async function stockOf(
  container: MedusaContainer,
  sku: string,
  locationId: string
): Promise<StockLevel> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["inventory_items.inventory_item_id"],
    filters: { sku },
  })
  const inventoryItemId = data[0].inventory_items![0]!.inventory_item_id
  const [level] = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({
      inventory_item_id: inventoryItemId,
      location_id: locationId,
    })
  return {
    stocked: Number(level.stocked_quantity),
    reserved: Number(level.reserved_quantity),
    incoming: Number(level.incoming_quantity),
    available: Number(level.stocked_quantity) - Number(level.reserved_quantity),
  }
}
