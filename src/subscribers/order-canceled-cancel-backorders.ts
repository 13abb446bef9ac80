import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OPEN_BACKORDER_STATUSES } from "../types/enums"
import { cancelBackordersWorkflow } from "../workflows/backorders/workflows/cancel-backorders"

/**
 * A cancelled order cancels its open backorders and frees what was allocated to them.
 * Medusa's order cancellation has already refunded captured payments and deleted the
 * reservations, so neither is done twice here.
 */
export default async function orderCanceledCancelBackorders({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: backorders } = await query.graph({
    entity: "backorder",
    fields: ["id"],
    filters: { order_id: data.id, status: OPEN_BACKORDER_STATUSES },
  })
  if (!backorders.length) {
    return
  }
  await cancelBackordersWorkflow(container).run({
    input: {
      backorders: backorders.map((b) => ({ id: b.id })),
      reason: "Order cancelled",
      refund: false,
      release_reservations: false,
    },
  })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "backorders-cancel-on-order-canceled" },
}
