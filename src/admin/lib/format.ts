import type {
  BackorderStatus,
  OrderPaymentCollection,
  PurchaseOrderStatus,
} from "./types"

type BadgeColor = "green" | "red" | "orange" | "blue" | "purple" | "grey"

export const BACKORDER_STATUS: Record<
  BackorderStatus,
  { label: string; color: BadgeColor }
> = {
  new: { label: "New", color: "orange" },
  on_order: { label: "On order", color: "blue" },
  partially_available: { label: "Partly available", color: "purple" },
  available: { label: "Stock available", color: "green" },
  fulfilled: { label: "Fulfilled", color: "grey" },
  cancelled: { label: "Cancelled", color: "red" },
}

export const PURCHASE_ORDER_STATUS: Record<
  PurchaseOrderStatus,
  { label: string; color: BadgeColor }
> = {
  draft: { label: "Draft", color: "grey" },
  ordered: { label: "Ordered", color: "blue" },
  partially_received: { label: "Partly received", color: "purple" },
  received: { label: "Received", color: "green" },
  closed: { label: "Closed", color: "grey" },
  cancelled: { label: "Cancelled", color: "red" },
}

export const SOURCE_LABEL: Record<string, string> = {
  pos: "Point of sale",
  storefront: "Storefront",
  admin: "Admin",
}

export const PAYMENT_POLICY_LABEL: Record<string, string> = {
  pay_now: "Pay now",
  deposit: "Deposit",
  pay_on_receipt: "Pay on receipt",
}

export function formatMoney(
  amount: number | null | undefined,
  currency?: string | null
) {
  if (amount === null || amount === undefined) {
    return "-"
  }
  if (!currency) {
    return String(amount)
  }
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: currency.toUpperCase(),
  }).format(Number(amount))
}

export function formatDate(value: string | Date | null | undefined) {
  if (!value) {
    return "-"
  }
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(
    new Date(value)
  )
}

export function formatDateTime(value: string | Date | null | undefined) {
  if (!value) {
    return "-"
  }
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(value))
}

/** Whole days since a date. */
export function ageInDays(value: string | Date, now = new Date()) {
  return Math.max(
    0,
    Math.floor((now.getTime() - new Date(value).getTime()) / 86400000)
  )
}

export function formatPercent(rate: number | null | undefined) {
  return rate === null || rate === undefined
    ? "-"
    : `${Math.round(rate * 1000) / 10} %`
}

/** A count with its noun, singular for one: "1 unit", "4 units", "1 day". */
export function formatCount(count: number, noun: string, plural = `${noun}s`) {
  return `${count} ${count === 1 ? noun : plural}`
}

export function customerName(
  customer:
    | {
        email: string | null
        first_name: string | null
        last_name: string | null
      }
    | null
    | undefined
) {
  if (!customer) {
    return "-"
  }
  const name = [customer.first_name, customer.last_name]
    .filter(Boolean)
    .join(" ")
  return name || customer.email || "-"
}

/**
 * Who a backorder is for: the customer's name, else the order's shipping name (a storefront
 * guest has only an email), else the email.
 */
export function backorderCustomerName(b: {
  customer?: {
    email: string | null
    first_name: string | null
    last_name: string | null
  } | null
  order?: {
    email?: string | null
    shipping_address?: {
      first_name: string | null
      last_name: string | null
    } | null
  } | null
}) {
  const own = [b.customer?.first_name, b.customer?.last_name]
    .filter(Boolean)
    .join(" ")
  const shipping = [
    b.order?.shipping_address?.first_name,
    b.order?.shipping_address?.last_name,
  ]
    .filter(Boolean)
    .join(" ")
  return own || shipping || b.customer?.email || b.order?.email || "-"
}

export type OrderPayment = {
  label:
    | "Not paid"
    | "Authorised"
    | "Partly paid"
    | "Paid"
    | "Partly refunded"
    | "Refunded"
  color: BadgeColor
  /** The figures behind the label: "authorised €24.00 of €24.00, nothing captured". */
  detail: string
}

/**
 * An order's payment as Medusa records it, from its payment collections (cancelled ones
 * left out): authorised only, captured (paid) in part or in full, refunded in part or in full.
 */
export function orderPayment(
  collections: OrderPaymentCollection[] | null | undefined,
  currency?: string | null
): OrderPayment | null {
  const live = (collections ?? []).filter((c) => c.status !== "canceled")
  if (!live.length) {
    return null
  }
  const sum = (key: keyof OrderPaymentCollection) =>
    live.reduce((total, c) => total + Number(c[key] ?? 0), 0)
  const amount = sum("amount")
  const authorized = sum("authorized_amount")
  const captured = sum("captured_amount")
  const refunded = sum("refunded_amount")
  const money = (value: number) => formatMoney(value, currency)
  if (refunded > 0) {
    return refunded >= captured
      ? {
          label: "Refunded",
          color: "grey",
          detail: `refunded ${money(refunded)}`,
        }
      : {
          label: "Partly refunded",
          color: "orange",
          detail: `paid ${money(captured - refunded)} of ${money(amount)}, refunded ${money(refunded)}`,
        }
  }
  if (captured > 0) {
    return captured >= amount
      ? { label: "Paid", color: "green", detail: `paid ${money(captured)}` }
      : {
          label: "Partly paid",
          color: "orange",
          detail: `paid ${money(captured)} of ${money(amount)}`,
        }
  }
  if (authorized > 0) {
    return {
      label: "Authorised",
      color: "blue",
      detail: `authorised ${money(authorized)} of ${money(amount)}, nothing captured`,
    }
  }
  return {
    label: "Not paid",
    color: "red",
    detail: `nothing paid of ${money(amount)}`,
  }
}

/** Units of a backorder still waiting for stock. */
export function waitingQuantity(b: {
  quantity: number
  allocated_quantity: number
  cancelled_quantity: number
}) {
  return Math.max(
    0,
    Number(b.quantity) -
      Number(b.allocated_quantity) -
      Number(b.cancelled_quantity)
  )
}

/** The message of an API error, for a toast. */
export function errorMessage(error: unknown) {
  if (error && typeof error === "object" && "message" in error) {
    return String((error as { message: unknown }).message)
  }
  return "Something went wrong"
}

/** A date input's `YYYY-MM-DD` as the ISO timestamp the API takes; undefined when empty. */
export function dateInputToIso(value: string) {
  return value ? new Date(value).toISOString() : undefined
}

/** An ISO timestamp as a date input's `YYYY-MM-DD`. */
export function isoToDateInput(value: string | null | undefined) {
  return value ? value.slice(0, 10) : ""
}
