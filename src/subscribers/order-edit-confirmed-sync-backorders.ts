import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncOrderBackordersWorkflow } from "../workflows/backorders/workflows/sync-order-backorders"

/**
 * A confirmed order edit may add units without stock, or remove backordered ones.
 */
export default async function orderEditConfirmedSyncBackorders({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string }>) {
  await syncOrderBackordersWorkflow(container).run({
    input: { order_id: data.order_id },
  })
}

export const config: SubscriberConfig = {
  event: "order-edit.confirmed",
  context: { subscriberId: "backorders-sync-on-order-edit-confirmed" },
}
