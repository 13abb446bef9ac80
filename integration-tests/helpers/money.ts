import { AxiosInstance } from "axios"
import { RequestHeaders } from "./auth"

export type OrderMoney = {
  total: number
  paid_total: number
  refunded_total: number
  /** What the customer still owes (negative: owed to the customer); the admin's "Outstanding amount". */
  pending_difference: number
  payment_status: string
}

/**
 * An order's money as Medusa's admin API shows it (summary and payment status), checked
 * against its payments first (invariant 8): what the order counts as paid net of refunds
 * (`paid_total - refunded_total`) equals what was captured minus refunded on its payments,
 * whatever the plugin captured or refunded. A capture or refund that bypassed Medusa's
 * workflows (no order transaction) fails here. Callers pin `paid_total` and `refunded_total`
 * themselves: after a rolled-back fulfilment Medusa drops the order version that counted the
 * capture and its refund, so both leave the summary while the payment keeps them.
 */
export async function moneyOf(
  api: AxiosInstance,
  admin: RequestHeaders,
  orderId: string
): Promise<OrderMoney> {
  const { data } = await api.get(
    `/admin/orders/${orderId}?fields=total,summary,payment_status,payment_collections.payments.captures.amount,payment_collections.payments.refunds.amount`,
    admin
  )
  const { order } = data
  const payments = (order.payment_collections ?? []).flatMap(
    (collection) => collection.payments ?? []
  )
  const sum = (rows: { amount: number }[] | undefined) =>
    round((rows ?? []).reduce((total, row) => total + Number(row.amount), 0))
  const captured = round(
    payments.reduce((total, payment) => total + sum(payment.captures), 0)
  )
  const refunded = round(
    payments.reduce((total, payment) => total + sum(payment.refunds), 0)
  )
  const money: OrderMoney = {
    total: round(Number(order.total)),
    paid_total: round(Number(order.summary.paid_total)),
    refunded_total: round(Number(order.summary.refunded_total)),
    pending_difference: round(Number(order.summary.pending_difference)),
    payment_status: order.payment_status,
  }
  expect({
    order_id: orderId,
    net_paid: round(money.paid_total - money.refunded_total),
  }).toEqual({ order_id: orderId, net_paid: round(captured - refunded) })
  return money
}

function round(amount: number) {
  return Math.round(amount * 100) / 100
}
