import { PurchaseOrderStatus } from "./enums"

export type ReceivePurchaseOrderInput = {
  id: string
  lines: {
    purchase_order_line_id: string
    quantity: number
    /** Accept more than is still open on the line; the extra raises the ordered quantity. */
    over_receive?: boolean
  }[]
  /** A retried request with the same key records the receipt once. */
  idempotency_key?: string
  received_by?: string
  note?: string
}

export type ReceiptLinePlan = {
  purchase_order_line_id: string
  inventory_item_id: string | null
  quantity: number
  /** Units beyond what was still open, accepted explicitly. */
  over_received: number
  cancelled_quantity: number
  previous: {
    quantity: number
    received_quantity: number
    over_received_quantity: number
    stocked_quantity: number
  }
  next: {
    quantity: number
    received_quantity: number
    over_received_quantity: number
  }
}

export type ReceiptPlan = {
  /** Set when the same idempotency key was recorded before: nothing is done again. */
  existing_receipt_id: string | null
  purchase_order_id: string
  number: string
  location_id: string | null
  is_dropship: boolean
  /** Whether the units go into Medusa's stock now (not for dropships, nor when stock waits for completion). */
  stock_now: boolean
  lines: ReceiptLinePlan[]
  /** The purchase order's status after this receipt. */
  status: PurchaseOrderStatus
  /** For a dropship: the waiting backorders the received units were delivered to. */
  deliveries: DropshipDelivery[]
}

export type DropshipDelivery = {
  backorder_id: string
  order_id: string
  line_item_id: string
  inventory_item_id: string
  location_id: string
  purchase_order_line_id: string
  quantity: number
}

export type CompletePurchaseOrderInput = {
  id: string
  /**
   * What happens to each line's unreceived remainder: `backorder` moves it to a follow-up
   * purchase order (the default), `cancel` cancels it.
   */
  lines?: { purchase_order_line_id: string; action: "backorder" | "cancel" }[]
  /** The follow-up purchase order's expected date; the original one's by default. */
  expected_at?: Date | string
  completed_by?: string
}

export type CompletionPlan = {
  purchase_order_id: string
  number: string
  supplier_id: string
  location_id: string | null
  is_dropship: boolean
  dropship_customer_id: string | null
  dropship_address: Record<string, unknown> | null
  currency_code: string | null
  expected_at: Date | null
  /**
   * Lines of the follow-up purchase order, with the backorders that waited on the original
   * line. How many units of each the follow-up carries is decided when it is created, after
   * the units stocked on completion were allocated: only what still waits then.
   */
  follow_up_lines: {
    variant_id: string
    product_id: string | null
    inventory_item_id: string | null
    title: string | null
    sku: string | null
    supplier_sku: string | null
    unit_cost: number | null
    quantity: number
    /** In the original line's order, with the units each was linked for there. */
    waiting: { backorder_id: string; linked_quantity: number }[]
  }[]
  /** Every remainder leaves the original purchase order (moved or cancelled). */
  line_updates: {
    id: string
    cancelled_quantity: number
    stocked_quantity?: number
  }[]
  /** Remainders cancelled outright: incoming goes down by these. */
  cancelled: { inventory_item_id: string | null; quantity: number }[]
  backorders_to_new: string[]
  /** Units received but not yet stocked (stock on completion). */
  to_stock: {
    purchase_order_line_id: string
    inventory_item_id: string
    quantity: number
  }[]
}
