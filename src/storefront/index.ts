/**
 * `medusa-plugin-backorders/storefront`: what a storefront needs to show backorders, on top
 * of `@medusajs/js-sdk`. Every function takes the storefront's own `Medusa` client, so the
 * publishable API key and the customer's login are the ones it already uses; they run in
 * server components as well as in the browser.
 *
 * @example
 * import Medusa from "@medusajs/js-sdk"
 * import { getBackorderAvailability } from "medusa-plugin-backorders/storefront"
 *
 * const sdk = new Medusa({ baseUrl, publishableKey })
 * const availability = await getBackorderAvailability(sdk, product.variants.map((v) => v.id))
 */
import {
  promiseSchedule,
  PromiseSchedule,
} from "../workflows/backorders/utils/promise-schedule"
import type {
  StoreBackorder,
  StoreBackorderAvailability,
  StorefrontHeaders,
  StorefrontSdk,
} from "./types"

export type * from "./types"
export {
  promiseSchedule,
  scheduleCompletedAt,
} from "../workflows/backorders/utils/promise-schedule"

/** The most variants one availability request asks for (the route accepts up to 1000). */
export const AVAILABILITY_BATCH_SIZE = 100

/**
 * Availability of many variants, keyed by variant id: one request for a whole product page
 * or cart (one per 100 variants). Unknown variants are missing from the answer.
 */
export async function getBackorderAvailability(
  sdk: StorefrontSdk,
  variantIds: string[],
  headers?: StorefrontHeaders
): Promise<Record<string, StoreBackorderAvailability>> {
  const unique = [...new Set(variantIds)]
  const batches: string[][] = []
  for (let i = 0; i < unique.length; i += AVAILABILITY_BATCH_SIZE) {
    batches.push(unique.slice(i, i + AVAILABILITY_BATCH_SIZE))
  }
  const answers = await Promise.all(
    batches.map((batch) =>
      sdk.client.fetch<{ availability: StoreBackorderAvailability[] }>(
        "/store/backorder-availability",
        { query: { variant_id: batch }, headers }
      )
    )
  )
  const byVariant: Record<string, StoreBackorderAvailability> = {}
  for (const { availability } of answers) {
    for (const a of availability) {
      byVariant[a.variant_id] = a
    }
  }
  return byVariant
}

/**
 * How many of `quantity` units ship now and when the others follow, for a cart or checkout
 * line, from the variant's availability.
 */
export function splitQuantity(
  availability: StoreBackorderAvailability,
  quantity: number
): PromiseSchedule {
  return promiseSchedule({
    in_stock: availability.in_stock_quantity,
    waiting: 0,
    supply: availability.incoming.map((slice, index) => ({
      ...slice,
      source: "purchase_order" as const,
      // Keeps the answer's order: the route already sorted it.
      source_id: String(index).padStart(6, "0"),
    })),
    quantity,
  })
}

/** The logged-in customer's own backorders, newest first (needs the customer's login). */
export async function listCustomerBackorders(
  sdk: StorefrontSdk,
  query: {
    status?: StoreBackorder["status"] | StoreBackorder["status"][]
    order_id?: string | string[]
    limit?: number
    offset?: number
  } = {},
  headers?: StorefrontHeaders
): Promise<{
  backorders: StoreBackorder[]
  count: number
  offset: number
  limit: number
}> {
  return sdk.client.fetch("/store/backorders", { query, headers })
}

/**
 * An order's backorder lines, wherever Medusa lets the shopper read that order: a guest's
 * order confirmation page included.
 */
export async function listOrderBackorders(
  sdk: StorefrontSdk,
  orderId: string,
  headers?: StorefrontHeaders
): Promise<StoreBackorder[]> {
  const { backorders } = await sdk.client.fetch<{
    backorders: StoreBackorder[]
  }>(`/store/orders/${encodeURIComponent(orderId)}/backorders`, { headers })
  return backorders
}

/** Units of a backorder still waiting for stock. */
export function waitingQuantity(backorder: StoreBackorder): number {
  return Math.max(
    0,
    backorder.quantity -
      backorder.allocated_quantity -
      backorder.cancelled_quantity
  )
}

export {
  BACKORDER_STATUS_LABELS,
  describeSplit,
  formatPromiseDate,
} from "./format"
