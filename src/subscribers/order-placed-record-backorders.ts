import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordOrderBackordersWorkflow } from "../workflows/backorders/workflows/record-order-backorders"

/**
 * A placed order (storefront checkout, converted draft order) may hold units reserved without
 * stock: record them as backorders. Runs on whichever instance picks the event up; the
 * workflow locks on the inventory items and is idempotent.
 */
export default async function orderPlacedRecordBackorders({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await recordOrderBackordersWorkflow(container).run({
    input: { order_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "backorders-record-on-order-placed" },
}
