import { PaymentPolicy } from "./enums"

export type ToOrderSaleLineInput = {
  variant_id: string
  quantity: number
  /** Overrides the price Medusa would charge for one unit. */
  unit_price?: number
  /** Keep in-stock units back instead of handing them over now (POSitive's "hold back"). */
  hold_back?: boolean
}

export type ToOrderSaleInput = {
  customer_id?: string
  location_id: string
  sales_channel_id?: string
  region_id?: string
  lines: ToOrderSaleLineInput[]
  payment_policy: PaymentPolicy
  /** With `deposit`: an amount, or a percentage of the total (the plugin's default percentage otherwise). */
  deposit_amount?: number
  deposit_percent?: number
  /** Serves the sale's backorders earlier under the `priority` allocation policy. */
  priority?: number
  note?: string
  /** The admin user making the sale. */
  created_by?: string
  /** The recorded try this run makes: marked completed at the end of the sale. */
  attempt_id?: string
  /** The id the order gets, chosen when the try was recorded so a half-made sale is found. */
  order_id?: string
}

export type ToOrderSalePreviewLine = {
  variant_id: string
  product_id: string | null
  inventory_item_id: string | null
  sku: string | null
  /** "Product Variant", as staff read it. */
  title: string
  product_title: string
  quantity: number
  unit_price: number
  total: number
  on_hand: number
  available: number
  ships_now: number
  held_back: number
  backordered: number
  allow_backorder: boolean
}

export type ToOrderSalePreview = {
  customer_id: string
  location_id: string
  sales_channel_id: string
  region_id: string
  currency_code: string
  lines: ToOrderSalePreviewLine[]
  total: number
  backordered_total: number
  /** What the customer pays now under each payment policy. */
  due_now: Record<PaymentPolicy, number>
  /** The amount taken now under the chosen policy. */
  due_now_chosen: number
  /** The shortage warning shown before confirming ("Backorders Found"). */
  warnings: string[]
}
