import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { BackorderEvents } from "../types/events"
import { CustomerNotificationKind } from "../workflows/notifications/utils/customer-notifications"
import { notifyBackorderCustomersWorkflow } from "../workflows/notifications/workflows/notify-backorder-customers"

type BackorderEventData = {
  id: string
  previous_promised_at?: string | null
  refund_amount?: number | null
}

const KIND_BY_EVENT: Record<string, CustomerNotificationKind> = {
  [BackorderEvents.CREATED]: "confirmed",
  [BackorderEvents.ETA_CHANGED]: "eta_changed",
  // Every path that hands out units emits `allocated` (a receipt also `available`): the
  // ready notice goes from `allocated` only, to backorders then fully available, once.
  [BackorderEvents.ALLOCATED]: "ready",
  [BackorderEvents.FULFILLED]: "fulfilled",
  [BackorderEvents.CANCELLED]: "cancelled",
  [BackorderEvents.LATE]: "late",
}

/**
 * Tells the waiting customer what happened to their backorder, through Medusa's Notification
 * module. Idempotent per transition: a replayed event or a second worker sends nothing new.
 */
export default async function backorderNotifyCustomer({
  event: { name, data },
  container,
}: SubscriberArgs<BackorderEventData>) {
  const kind = KIND_BY_EVENT[name]
  if (!kind || !data?.id) {
    return
  }
  const { errors } = await notifyBackorderCustomersWorkflow(container).run({
    input: {
      kind,
      backorders: [
        {
          id: data.id,
          previous_promised_at: data.previous_promised_at,
          refund_amount: data.refund_amount,
        },
      ],
    },
    throwOnError: false,
  })
  // Another worker sending the same transition at the same moment loses on the unique
  // idempotency key: the customer got it once, which is the point.
  const failures = errors.filter(
    (e) => !/idempotency_key: .* already exists/.test(e.error?.message ?? "")
  )
  if (failures.length) {
    throw failures[0].error
  }
}

export const config: SubscriberConfig = {
  event: Object.keys(KIND_BY_EVENT),
  context: { subscriberId: "backorders-notify-customer" },
}
