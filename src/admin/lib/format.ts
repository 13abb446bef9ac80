import type { BackorderStatus, PurchaseOrderStatus } from "./types"

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
  pay_now: "Paid in full",
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
