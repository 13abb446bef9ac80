import {
  sendNotificationsStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { toNumber } from "../../shared/money"
import {
  buildCustomerNotifications,
  CustomerNotificationKind,
  TransitionFacts,
} from "../utils/customer-notifications"
import { readPluginOptionsStep } from "../../shared/steps/read-plugin-options"

export type NotifyBackorderCustomersInput = {
  kind: CustomerNotificationKind
  backorders: ({ id: string } & TransitionFacts)[]
}

export const notifyBackorderCustomersWorkflowId = "notify-backorder-customers"

/**
 * This workflow tells the customers of some backorders about one kind of transition
 * (confirmed, promise date moved, ready, fulfilled, cancelled, late) through Medusa's
 * Notification module, on the channel and with the templates of the plugin options. Each
 * notification carries the transition's idempotency key, so running it again for the same
 * transition (a replayed event, a second worker) sends nothing new.
 *
 * @example
 * await notifyBackorderCustomersWorkflow(container).run({
 *   input: { kind: "ready", backorders: [{ id: "bo_123" }] },
 * })
 */
export const notifyBackorderCustomersWorkflow = createWorkflow(
  notifyBackorderCustomersWorkflowId,
  (input: WorkflowData<NotifyBackorderCustomersInput>) => {
    const ids = transform({ input }, ({ input }) =>
      input.backorders.map((b) => b.id)
    )
    const { data: backorders } = useQueryGraphStep({
      entity: "backorder",
      fields: [
        "id",
        "status",
        "source",
        "order_id",
        "customer_id",
        "title",
        "sku",
        "quantity",
        "cancelled_quantity",
        "promised_at",
        "late_promised_at",
        "currency_code",
        "order.display_id",
        "order.email",
        "order.shipping_address.phone",
        "customer.email",
        "customer.phone",
      ],
      filters: { id: ids },
    }).config({ name: "notified-backorders" })
    const options = readPluginOptionsStep()

    const notifications = transform(
      { input, backorders, options },
      ({ input, backorders, options }) =>
        buildCustomerNotifications(
          input.kind,
          backorders.map((b) => {
            const facts = input.backorders.find((f) => f.id === b.id)
            const order = (b as Record<string, any>).order
            const customer = (b as Record<string, any>).customer
            return {
              id: b.id,
              status: b.status,
              source: b.source,
              order_id: b.order_id,
              order_display_id: order?.display_id ?? null,
              customer_id: b.customer_id ?? null,
              email: order?.email ?? customer?.email ?? null,
              phone: order?.shipping_address?.phone ?? customer?.phone ?? null,
              title: b.title ?? null,
              sku: b.sku ?? null,
              quantity: toNumber(b.quantity),
              cancelled_quantity: toNumber(b.cancelled_quantity),
              promised_at: b.promised_at ?? null,
              late_promised_at: b.late_promised_at ?? null,
              currency_code: b.currency_code ?? null,
              previous_promised_at: facts?.previous_promised_at,
              refund_amount: facts?.refund_amount,
            }
          }),
          options.notifications
        )
    )
    const sent = sendNotificationsStep(notifications)
    return new WorkflowResponse(sent)
  }
)
