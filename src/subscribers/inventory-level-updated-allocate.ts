import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { allocateFreeStockWorkflow } from "../workflows/allocation/workflows/allocate-free-stock"

type LevelEvent = { id: string } | { id: string }[]

/**
 * Stock added by hand in Medusa (or any other change of an inventory level) may free units
 * for customers waiting on backorders: hand them out.
 */
export default async function inventoryLevelUpdatedAllocate({
  event: { data },
  container,
}: SubscriberArgs<LevelEvent>) {
  const ids = ([] as { id: string }[]).concat(data).map((level) => level.id)
  if (!ids.length) {
    return
  }
  await allocateFreeStockWorkflow(container).run({
    input: { inventory_level_ids: ids },
  })
}

export const config: SubscriberConfig = {
  event: ["inventory-level.updated", "inventory-level.created"],
  context: { subscriberId: "backorders-allocate-on-inventory-level-change" },
}
