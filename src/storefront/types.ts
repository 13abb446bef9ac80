import type { PromiseSlice } from "../workflows/backorders/utils/promise-schedule"

export type {
  PromiseSchedule,
  PromiseSlice,
} from "../workflows/backorders/utils/promise-schedule"

/** `GET /store/backorder-availability`: one variant in the publishable key's sales channels. */
export type StoreBackorderAvailability = {
  variant_id: string
  /** Units that can be bought now; null when stock is not tracked. */
  in_stock_quantity: number | null
  status: "in_stock" | "backorder" | "out_of_stock"
  can_backorder: boolean
  /** When the first unit beyond the stock on hand is expected; null when unknown. */
  expected_at: string | null
  /** Incoming supply still free for new orders, first expected first. */
  incoming: PromiseSlice[]
}

export type StoreBackorderStatus =
  | "new"
  | "on_order"
  | "partially_available"
  | "available"
  | "fulfilled"
  | "cancelled"

/** A shopper's view of a backorder: no supplier, cost or staff fields. */
export type StoreBackorder = {
  id: string
  status: StoreBackorderStatus
  order_id: string
  line_item_id: string
  product_id: string | null
  variant_id: string
  sku: string | null
  title: string | null
  quantity: number
  allocated_quantity: number
  fulfilled_quantity: number
  cancelled_quantity: number
  promised_at: string | null
  /** When all its waiting units should be there, from the supply that serves them. */
  expected_at: string | null
  available_at: string | null
  fulfilled_at: string | null
  delivered_at: string | null
  cancelled_at: string | null
  created_at: string
}

/**
 * The part of a `@medusajs/js-sdk` `Medusa` client the functions use: its `client.fetch`,
 * which adds the publishable API key and the customer's session or token.
 */
export type StorefrontSdk = {
  client: {
    fetch<T>(
      input: string,
      init?: {
        method?: string
        query?: Record<string, unknown>
        headers?: Record<string, string | null>
      }
    ): Promise<T>
  }
}

/** Extra request headers, e.g. `{ authorization: "Bearer ..." }` on a server. */
export type StorefrontHeaders = Record<string, string>
