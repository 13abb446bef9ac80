import Medusa from "@medusajs/js-sdk"
import { cookies } from "next/headers"

/**
 * The store's js-sdk client, on the server only: the backend URL and publishable key are
 * read when the server starts (`MEDUSA_BACKEND_URL`, `MEDUSA_PUBLISHABLE_KEY`), so one build
 * serves any store.
 */
export const sdk = new Medusa({
  baseUrl: process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000",
  publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
})

export const CART_COOKIE = "bo_cart_id"
export const TOKEN_COOKIE = "bo_customer_token"

/** The logged-in customer's headers, or undefined for a guest. */
export function customerHeaders(): Record<string, string> | undefined {
  const token = cookies().get(TOKEN_COOKIE)?.value
  return token ? { authorization: `Bearer ${token}` } : undefined
}

export async function currentRegion() {
  const { regions } = await sdk.store.region.list({ limit: 1 })
  if (!regions.length) {
    throw new Error("The store has no region: seed it with `npm run demo`.")
  }
  return regions[0]
}

export function formatMoney(amount: number, currencyCode: string) {
  return new Intl.NumberFormat("en-GB", {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount)
}
