import { TransferStatus } from "./enums"

export type RequestTransferInput = {
  /** The backorders the units are for: they all wait at the destination. */
  backorder_ids: string[]
  /** The merchant's own location the units come from. */
  source_location_id: string
  /** An open draft transfer from the same source to the same destination to add to. */
  transfer_id?: string
  note?: string
  created_by?: string
}

export type PlannedTransferLine = {
  /** The draft's line of the same inventory item, when adding to a draft. */
  transfer_line_id: string | null
  variant_id: string
  inventory_item_id: string
  title: string | null
  sku: string | null
  /** The line's quantity after the request (the existing units included). */
  quantity: number
  backorders: { backorder_id: string; quantity: number }[]
}

export type PlannedTransfer = {
  /** The draft added to; null for a new transfer. */
  transfer_id: string | null
  source_location_id: string
  destination_location_id: string
  note: string | null
  created_by: string | null
  lines: PlannedTransferLine[]
}

export type ReceiveTransferInput = {
  id: string
  lines: { transfer_line_id: string; quantity: number }[]
  /** A retried request with the same key records the receipt once. */
  idempotency_key?: string
  received_by?: string
  note?: string
}

export type TransferReceiptPlan = {
  /** A receipt already recorded with the same idempotency key: nothing else is done. */
  existing_receipt_id: string | null
  transfer_id: string
  number: string
  destination_location_id: string
  lines: {
    transfer_line_id: string
    inventory_item_id: string
    quantity: number
    previous_received_quantity: number
  }[]
  status: TransferStatus
  previous_status: TransferStatus
}

/** A transfer as the workflows read it, with its human number. */
export type TransferView = {
  id: string
  number: string
  status: TransferStatus
  source_location_id: string
  destination_location_id: string
  lines: {
    id: string
    inventory_item_id: string
    sku: string | null
    quantity: number
    sent_quantity: number
    received_quantity: number
    backorders: {
      backorder_id: string
      status: string | undefined
      /** The backorder is also on a sent purchase order (it stays on order without the transfer). */
      on_open_purchase_order: boolean
    }[]
  }[]
}
