import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { stockPairKey, StockPair } from "../../../modules/backorder/service"
import { toNumber } from "../../shared/money"

/**
 * Per inventory item and location, the units on the shelf that no order holds: stocked
 * minus reserved, never below 0. Reservations include the backorders' own (to-order sales
 * and storefront backorders reserve their full quantity), so a transfer never promises
 * stock another order holds.
 */
export async function freeStock(
  container: MedusaContainer,
  pairs: StockPair[]
): Promise<Map<string, number>> {
  const free = new Map<string, number>()
  if (!pairs.length) {
    return free
  }
  const levels = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({
      inventory_item_id: [...new Set(pairs.map((p) => p.inventory_item_id))],
      location_id: [...new Set(pairs.map((p) => p.location_id))],
    })
  for (const level of levels) {
    free.set(
      stockPairKey(level),
      Math.max(
        0,
        toNumber(level.stocked_quantity) - toNumber(level.reserved_quantity)
      )
    )
  }
  return free
}
