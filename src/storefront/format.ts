import type { PromiseSlice, StoreBackorderStatus } from "./types"

/** "12 Dec" in the shopper's locale; the date is the supply's day, read in UTC. */
export function formatPromiseDate(iso: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(iso))
}

const ships = (quantity: number) =>
  `${quantity} ship${quantity === 1 ? "s" : ""}`

/**
 * "1 ships now, 2 ship around 12 Dec": how a quantity is split between stock on hand and
 * the supply that serves the rest; "2 ship when restocked" where no date is known.
 */
export function describeSplit(
  shipsNow: number,
  later: PromiseSlice[],
  locale?: string
): string {
  const parts = shipsNow > 0 ? [`${ships(shipsNow)} now`] : []
  for (const slice of later) {
    parts.push(
      slice.expected_at
        ? `${ships(slice.quantity)} around ${formatPromiseDate(slice.expected_at, locale)}`
        : `${ships(slice.quantity)} when restocked`
    )
  }
  return parts.join(", ")
}

/** A backorder's status in a shopper's words. */
export const BACKORDER_STATUS_LABELS: Record<StoreBackorderStatus, string> = {
  new: "Waiting for stock",
  on_order: "On order",
  partially_available: "Partly ready",
  available: "Ready to ship",
  fulfilled: "Shipped",
  cancelled: "Cancelled",
}
