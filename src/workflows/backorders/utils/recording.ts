import { BackorderSource, PaymentPolicy } from "../../../types/enums"
import { roundAmount } from "../../shared/money"
import { ShortageCandidate, uniquePairs } from "./shortages"

/**
 * The rules of recording an order's short units, as pure functions: which order lines are
 * candidates, which short units grow an existing backorder and which make a new one, and the
 * backorder a new one is.
 */

export type OrderToRecord = {
  id: string
  customer_id: string | null
  sales_channel_id: string | null
  currency_code: string
  items: {
    id: string
    variant_id: string | null
    product_id: string | null
    title: string
    variant_sku: string | null
    quantity: number
    total: number
  }[]
}

export type ReservationToRecord = {
  line_item_id: string | null
  inventory_item_id: string
  location_id: string
  quantity: number
  created_at: Date | string
}

export type RecordedBackorder = {
  id: string
  line_item_id: string
  location_id: string
  quantity: number
  cancelled_quantity: number
}

/**
 * One candidate per order line reserved at one location of one inventory item. Lines of
 * inventory kits (several items per line), lines without a reservation or variant, and lines
 * whose backorder is kept at another location are left out.
 */
export function buildCandidates(
  order: Pick<OrderToRecord, "items">,
  reservations: ReservationToRecord[],
  existing: RecordedBackorder[]
): ShortageCandidate[] {
  const byLine = new Map<string, ReservationToRecord[]>()
  for (const reservation of reservations) {
    if (!reservation.line_item_id) {
      continue
    }
    const list = byLine.get(reservation.line_item_id) ?? []
    list.push(reservation)
    byLine.set(reservation.line_item_id, list)
  }

  const candidates: ShortageCandidate[] = []
  for (const item of order.items) {
    const lineReservations = byLine.get(item.id) ?? []
    const pairs = uniquePairs(lineReservations)
    if (pairs.length !== 1 || !item.variant_id) {
      continue
    }
    const recorded = existing.find((b) => b.line_item_id === item.id)
    if (recorded && recorded.location_id !== pairs[0].location_id) {
      continue
    }
    candidates.push({
      line_item_id: item.id,
      ...pairs[0],
      quantity: lineReservations.reduce((sum, r) => sum + r.quantity, 0),
      // The line's shortage check, read under the lock, replaces this; a line recorded
      // before checks existed counts what its backorder holds as checked.
      checked: recorded ? recorded.quantity - recorded.cancelled_quantity : 0,
      reserved_at: new Date(
        Math.max(
          ...lineReservations.map((r) => new Date(r.created_at).getTime())
        )
      ),
    })
  }
  return candidates
}

/**
 * Where each candidate's short units go: onto the line's existing backorder (grown by them),
 * or a new backorder. Candidates with nothing short are left out.
 */
export function splitShortages(
  candidates: ShortageCandidate[],
  shortages: Map<string, number>,
  existing: RecordedBackorder[]
): {
  toCreate: { candidate: ShortageCandidate; short: number }[]
  toGrow: { id: string; quantity: number; previous: number }[]
} {
  const toCreate: { candidate: ShortageCandidate; short: number }[] = []
  const toGrow: { id: string; quantity: number; previous: number }[] = []
  for (const candidate of candidates) {
    const short = shortages.get(candidate.line_item_id)
    if (!short) {
      continue
    }
    const recorded = existing.find(
      (b) => b.line_item_id === candidate.line_item_id
    )
    if (recorded) {
      toGrow.push({
        id: recorded.id,
        quantity: recorded.quantity + short,
        previous: recorded.quantity,
      })
    } else {
      toCreate.push({ candidate, short })
    }
  }
  return { toCreate, toGrow }
}

/**
 * The backorder for an order line's short units: at the location Medusa reserved from, with
 * the variant's supplier, paid the way the order is (the whole order, as any checkout), at
 * the line's unit price to the cent.
 */
export function newOrderBackorder(args: {
  order: OrderToRecord
  candidate: ShortageCandidate
  short: number
  source: BackorderSource
  supplierIds: Record<string, string>
}) {
  const { order, candidate } = args
  const item = order.items.find((i) => i.id === candidate.line_item_id)!
  return {
    source: args.source,
    order_id: order.id,
    line_item_id: item.id,
    customer_id: order.customer_id,
    sales_channel_id: order.sales_channel_id,
    product_id: item.product_id,
    variant_id: item.variant_id!,
    inventory_item_id: candidate.inventory_item_id,
    location_id: candidate.location_id,
    supplier_id: args.supplierIds[item.variant_id!] ?? null,
    sku: item.variant_sku,
    title: item.title,
    quantity: args.short,
    // Storefront checkout pays for the whole order; the payment is authorized and captured
    // the way the merchant captures any order.
    payment_policy: PaymentPolicy.PAY_NOW,
    currency_code: order.currency_code,
    unit_price: roundAmount(item.total / item.quantity),
  }
}
