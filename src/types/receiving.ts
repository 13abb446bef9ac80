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
}
