import type { ToOrderSalePreview } from "../to-order-sale"
import type { AdminBackorder } from "./backorders"

/**
 * The shapes of the admin to-order sale routes' answers, shared by the routes and the
 * dashboard (type-only imports, erased in the admin bundle).
 */

export type AdminToOrderSalePreviewResponse = { preview: ToOrderSalePreview }

export type AdminToOrderSaleResponse = {
  /** The Medusa order the sale created. */
  order: {
    id: string
    display_id: number
    status: string
    customer_id: string | null
    sales_channel_id: string | null
    currency_code: string
    total: number
    items: {
      id: string
      variant_id: string | null
      quantity: number
      unit_price: number
      total: number
      metadata: Record<string, unknown> | null
    }[]
  }
  /** The short part of its lines, one backorder per line sold short. */
  backorders: AdminBackorder[]
  /** What the sale charged now (all of it, the deposit, or nothing). */
  due_now: number
}
