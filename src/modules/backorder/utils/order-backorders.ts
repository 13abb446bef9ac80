import { BackorderStatus } from "../../../types/enums"

/**
 * The order-level view of an order's backorder lines (ERPAG's quantity status): `none`
 * without backorders, `cancelled` when every line was cancelled, `fulfilled` once every open
 * line is packed, `available` once every open line is available (or packed), `backordered`
 * ("No quantity") until then.
 */
export type OrderBackorderStatus =
  | "none"
  | "cancelled"
  | "fulfilled"
  | "available"
  | "backordered"

export function orderBackorderStatus(
  backorders: { status: BackorderStatus | string }[]
): OrderBackorderStatus {
  const live = backorders.filter((b) => b.status !== BackorderStatus.CANCELLED)
  if (!live.length) {
    return backorders.length ? "cancelled" : "none"
  }
  if (live.every((b) => b.status === BackorderStatus.FULFILLED)) {
    return "fulfilled"
  }
  if (
    live.every(
      (b) =>
        b.status === BackorderStatus.AVAILABLE ||
        b.status === BackorderStatus.FULFILLED
    )
  ) {
    return "available"
  }
  return "backordered"
}

type PricedBackorder = {
  status?: BackorderStatus | string
  unit_price?: unknown
  quantity?: unknown
  cancelled_quantity?: unknown
  paid_amount?: unknown
  refunded_amount?: unknown
}

/**
 * A backorder with what is still unpaid for it (`unpaid_amount`: the units not cancelled at
 * the unit price, less what was paid and not refunded, never below 0, to the cent) and the
 * reminder SaleDock shows when one was fulfilled before it was paid for
 * (`payment_reminder`). Without a unit price it is returned as it is.
 */
export function withPaymentReminder<T extends PricedBackorder>(
  backorder: T
): T | (T & { unpaid_amount: number; payment_reminder: boolean }) {
  if (backorder.unit_price === undefined || backorder.unit_price === null) {
    return backorder
  }
  const value =
    Number(backorder.unit_price) *
    (Number(backorder.quantity) - Number(backorder.cancelled_quantity ?? 0))
  const paid =
    Number(backorder.paid_amount ?? 0) - Number(backorder.refunded_amount ?? 0)
  const unpaid = Math.max(0, Math.round((value - paid) * 100) / 100)
  return {
    ...backorder,
    unpaid_amount: unpaid,
    payment_reminder:
      backorder.status === BackorderStatus.FULFILLED && unpaid > 0,
  }
}
