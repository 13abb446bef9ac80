import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BackorderEvents } from "../types/events"
import { CustomerNotificationKind } from "../workflows/notifications/utils/customer-notifications"
import { notifyBackorderCustomersWorkflow } from "../workflows/notifications/workflows/notify-backorder-customers"

type BackorderEventData = {
  id?: string
  /** `backorder.available` carries a batch of backorders (see `BackorderAvailableEventData`). */
  ids?: string[]
  previous_promised_at?: string | null
  refund_amount?: number | null
}

/** Tries of one batch that lost idempotency keys to another worker (see below). */
const ATTEMPTS = 3

const KIND_BY_EVENT: Record<string, CustomerNotificationKind> = {
  [BackorderEvents.CREATED]: "confirmed",
  [BackorderEvents.ETA_CHANGED]: "eta_changed",
  // Every path that hands out units emits `allocated` and `available` (see
  // `emitAllocationEvents`), and a cancellation of the units still waiting emits `available`
  // for a backorder whose allocated units are then all it wants: the ready notice goes from
  // `available` only, once.
  [BackorderEvents.AVAILABLE]: "ready",
  [BackorderEvents.FULFILLED]: "fulfilled",
  [BackorderEvents.CANCELLED]: "cancelled",
  [BackorderEvents.LATE]: "late",
}

/**
 * Tells the waiting customer what happened to their backorder, through Medusa's Notification
 * module, one workflow run per event (a batch of up to 1,000 backorders for allocations).
 * Idempotent per transition: a replayed event or a second worker sends nothing new.
 */
export default async function backorderNotifyCustomer({
  event: { name, data },
  container,
}: SubscriberArgs<BackorderEventData>) {
  const kind = KIND_BY_EVENT[name]
  const ids = data?.ids ?? (data?.id ? [data.id] : [])
  if (!kind || !ids.length) {
    return
  }
  const backorders = ids.map((id) => ({
    id,
    previous_promised_at: data.previous_promised_at,
    refund_amount: data.refund_amount,
  }))
  for (let attempt = 1; ; attempt++) {
    const { errors } = await notifyBackorderCustomersWorkflow(container).run({
      input: { kind, backorders },
      throwOnError: false,
    })
    // Another worker sending the same transition at the same moment wins the unique
    // idempotency key of one of them, and Medusa's Notification module then creates none of
    // the batch: run it again, and the keys already sent are left out.
    const conflict = errors.some((e) =>
      /idempotency_key: .* already exists/.test(e.error?.message ?? "")
    )
    if (!errors.length) {
      return
    }
    if (conflict && attempt === ATTEMPTS) {
      // Another worker keeps winning keys of this batch: it is sending the same notices
      // (each key is created once, by whichever worker gets there first). Left to it, and
      // said in the log rather than hidden.
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(
          `Backorder notifications "${kind}" for ${ids.length} backorder(s) (${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", ..." : ""}) left to the worker sending them at the same time after ${ATTEMPTS} tries`
        )
      return
    }
    if (!conflict) {
      throw errors[0].error
    }
  }
}

export const config: SubscriberConfig = {
  event: Object.keys(KIND_BY_EVENT),
  context: { subscriberId: "backorders-notify-customer" },
}
