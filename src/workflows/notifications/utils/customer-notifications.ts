import { CreateNotificationDTO } from "@medusajs/framework/types"
import { ResolvedBackorderPluginOptions } from "../../../modules/backorder/options"
import { BackorderSource, BackorderStatus } from "../../../types/enums"

/** The moments a waiting customer hears about. */
export type CustomerNotificationKind =
  | "confirmed"
  | "eta_changed"
  | "ready"
  | "fulfilled"
  | "cancelled"
  | "late"

/** What a notification needs to know of a backorder, its order and its customer. */
export type NotifiableBackorder = {
  id: string
  status: BackorderStatus
  source: BackorderSource
  order_id: string
  order_display_id: number | null
  customer_id: string | null
  email: string | null
  phone: string | null
  title: string | null
  sku: string | null
  quantity: number
  cancelled_quantity: number
  promised_at: Date | string | null
  late_promised_at: Date | string | null
  currency_code: string | null
}

/** Facts of the transition itself that the backorder no longer shows (the old date, a refund). */
export type TransitionFacts = {
  previous_promised_at?: Date | string | null
  refund_amount?: number | null
}

const iso = (date: Date | string | null | undefined) =>
  date ? new Date(date).toISOString() : null

/**
 * The notifications for one kind of transition of some backorders, one per backorder, or
 * none where the kind is switched off, the customer has no address on the channel, or the
 * backorder is not in the state the kind announces (a `ready` for a backorder no longer
 * available). Each carries an idempotency key of the transition, so Medusa's Notification
 * module sends it once however often it is asked: a replayed event, a second worker.
 */
export function buildCustomerNotifications(
  kind: CustomerNotificationKind,
  backorders: (NotifiableBackorder & TransitionFacts)[],
  options: ResolvedBackorderPluginOptions["notifications"]
): CreateNotificationDTO[] {
  if (!options.send[kind]) {
    return []
  }
  const notifications: CreateNotificationDTO[] = []
  for (const b of backorders) {
    const to = options.channel === "sms" ? b.phone : b.email
    if (!to || !announces(kind, b)) {
      continue
    }
    notifications.push({
      to,
      channel: options.channel,
      template: options.templates[kind],
      trigger_type: `backorder.${kind}`,
      resource_id: b.id,
      resource_type: "backorder",
      receiver_id: b.customer_id ?? undefined,
      idempotency_key: idempotencyKey(kind, b),
      data: {
        kind,
        backorder_id: b.id,
        order_id: b.order_id,
        order_display_id: b.order_display_id,
        title: b.title,
        sku: b.sku,
        quantity: b.quantity - b.cancelled_quantity,
        promised_at: iso(b.promised_at),
        ...(kind === "eta_changed"
          ? { previous_promised_at: iso(b.previous_promised_at) }
          : {}),
        ...(kind === "ready"
          ? {
              // Sold at the shop: collected there; otherwise it is being shipped.
              ready_for:
                b.source === BackorderSource.POS ? "pickup" : "shipping",
            }
          : {}),
        ...(kind === "cancelled"
          ? {
              cancelled_quantity: b.cancelled_quantity,
              refund_amount: b.refund_amount ?? 0,
              currency_code: b.currency_code,
            }
          : {}),
        ...(kind === "late"
          ? { missed_promised_at: iso(b.late_promised_at) }
          : {}),
      },
    })
  }
  return notifications
}

function announces(
  kind: CustomerNotificationKind,
  b: NotifiableBackorder & TransitionFacts
): boolean {
  switch (kind) {
    case "ready":
      return b.status === BackorderStatus.AVAILABLE
    case "fulfilled":
      return b.status === BackorderStatus.FULFILLED
    case "cancelled":
      return b.cancelled_quantity > 0
    case "eta_changed":
      return iso(b.previous_promised_at) !== iso(b.promised_at)
    case "late":
      return !!b.late_promised_at
    case "confirmed":
      // A confirmation that arrives late (its event delayed, or sent by the catch-up) tells
      // nothing once the backorder is closed: after its cancellation or fulfilment it would
      // read as if the customer were still waiting.
      return (
        b.status !== BackorderStatus.CANCELLED &&
        b.status !== BackorderStatus.FULFILLED
      )
  }
}

/** One key per transition: the same transition told twice is the same notification. */
export function idempotencyKey(
  kind: CustomerNotificationKind,
  b: NotifiableBackorder & TransitionFacts
): string {
  switch (kind) {
    case "eta_changed":
      return `backorder:${b.id}:eta_changed:${iso(b.previous_promised_at) ?? "none"}:${iso(b.promised_at) ?? "none"}`
    case "cancelled":
      return `backorder:${b.id}:cancelled:${b.cancelled_quantity}`
    case "late":
      return `backorder:${b.id}:late:${iso(b.late_promised_at)}`
    default:
      return stateNoticeKey(kind, b.id)
  }
}

/**
 * The key of a notice that announces a state (confirmed, ready, fulfilled) rather than a
 * change with facts of its own: one per backorder, so whoever sends it first (the event's
 * subscriber or the catch-up) sends it once.
 */
export function stateNoticeKey(
  kind: Exclude<CustomerNotificationKind, "eta_changed" | "cancelled" | "late">,
  backorderId: string
): string {
  return `backorder:${backorderId}:${kind}`
}
