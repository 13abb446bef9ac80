import type { TransferStatus } from "../enums"

/**
 * The shapes of the admin transfer routes' answers, shared by the routes and the dashboard
 * (type-only imports, erased in the admin bundle).
 */

export type AdminTransferLine = {
  id: string
  variant_id: string
  inventory_item_id: string
  title: string | null
  sku: string | null
  quantity: number
  sent_quantity: number
  received_quantity: number
  backorders?: { backorder_id: string; quantity: number }[]
}

export type AdminTransferReceipt = {
  id: string
  received_at: string
  received_by: string | null
  idempotency_key: string | null
  /** Units received per transfer line id. */
  lines: Record<string, number>
  note: string | null
}

export type AdminTransfer = {
  id: string
  /** The human number, e.g. `TR-0003`. */
  number: string
  display_id: number
  status: TransferStatus
  source_location_id: string
  destination_location_id: string
  source_location?: { id: string; name: string } | null
  destination_location?: { id: string; name: string } | null
  sent_at: string | null
  received_at: string | null
  cancelled_at: string | null
  note: string | null
  created_by: string | null
  created_at: string
  updated_at: string
  lines?: AdminTransferLine[]
  receipts?: AdminTransferReceipt[]
}

export type AdminTransferResponse = { transfer: AdminTransfer }

export type AdminTransferListResponse = {
  transfers: AdminTransfer[]
  count: number
  offset: number
  limit: number
}

export type AdminTransferAllocation = {
  id: string
  backorder_id: string
  quantity: number
  source: "transfer"
  rule: string
  reason: string
}

export type AdminReceiveTransferResponse = AdminTransferResponse & {
  receipt_id: string
  /** The same idempotency key was received before: nothing was done again. */
  replayed: boolean
  /** The receipt's first 1,000 ledger rows, oldest first. */
  allocations: AdminTransferAllocation[]
  /** All ledger rows of the receipt. */
  allocation_count: number
}

/** One own location that could send stock for the selected backorders. */
export type AdminTransferSource = {
  id: string
  name: string
  /** Every item has as many free units there as the backorders wait for. */
  covers_all: boolean
  items: {
    inventory_item_id: string
    variant_id: string
    sku: string | null
    /** Units the selected backorders wait for. */
    needed: number
    /** Stocked minus reserved at this location. */
    free: number
  }[]
}

export type AdminTransferSourcesResponse = {
  destination_location_id: string
  sources: AdminTransferSource[]
}
