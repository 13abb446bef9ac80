import type { PurchaseOrderStatus } from "../enums"

/**
 * The shapes of the admin purchase order routes' answers, shared by the routes and the
 * dashboard (type-only imports, erased in the admin bundle). Every purchase order carries its
 * `number`, formatted with the `purchaseOrderPrefix` / `purchaseOrderNumberPadding` options.
 */

export type AdminPurchaseOrderLine = {
  id: string
  variant_id: string
  inventory_item_id: string | null
  title: string | null
  sku: string | null
  supplier_sku: string | null
  quantity: number
  received_quantity: number
  cancelled_quantity: number
  stocked_quantity: number
  over_received_quantity: number
  unit_cost: number | null
  backorders: { backorder_id: string; quantity: number }[]
  /** What was asked before rounding to the supplier's terms. */
  requested_quantity?: number
  /** Why the quantity was rounded up: "rounded from 2 to 10 (minimum order 10)". */
  rounding?: { reason: string } | null
  /** Units not cancelled times the unit cost, in the supplier's currency; null without a cost. */
  total?: number | null
}

export type AdminPurchaseOrderReceipt = {
  id: string
  received_at: string
  received_by: string | null
  idempotency_key: string | null
  /** What staff wrote when receiving ("one box dented"). */
  note: string | null
  lines: { purchase_order_line_id: string; quantity: number }[]
}

/** One sending of a purchase order's PDF to the supplier. */
export type AdminPurchaseOrderDispatch = {
  id: string
  sent_to: string
  sent_at: string
  sent_by: string | null
  file_url: string | null
  note: string | null
}

export type AdminPurchaseOrder = {
  id: string
  display_id: number
  /** The human number, e.g. `PO-0012`. */
  number: string
  status: PurchaseOrderStatus
  supplier_id: string
  supplier: { id: string; name: string } | null
  location_id: string | null
  is_dropship: boolean
  dropship_customer_id: string | null
  dropship_address: Record<string, string | null> | null
  currency_code: string | null
  /** The lines' totals added up; null when a line has no unit cost. */
  total?: number | null
  expected_at: string | null
  ordered_at: string | null
  received_at: string | null
  completed_at: string | null
  cancelled_at: string | null
  parent_id: string | null
  notes: string | null
  supplier_reference?: string | null
  created_at: string
  lines?: AdminPurchaseOrderLine[]
  receipts?: AdminPurchaseOrderReceipt[]
  dispatches?: AdminPurchaseOrderDispatch[]
}

/** A file stored through Medusa's File module. */
export type AdminStoredFile = { id: string; url: string; filename: string }

export type AdminPurchaseOrderResponse = { purchase_order: AdminPurchaseOrder }

export type AdminPurchaseOrderListResponse = {
  purchase_orders: AdminPurchaseOrder[]
  count: number
  offset: number
  limit: number
}

/** What completing answers: the closed purchase order and the follow-up for the remainder. */
export type AdminCompletePurchaseOrderResponse = AdminPurchaseOrderResponse & {
  follow_up: AdminPurchaseOrder | null
}

export type AdminPurchaseOrderDocumentResponse = { file: AdminStoredFile }

/** A backorder a stock request left out, with why in names and numbers. */
export type AdminSkippedBackorder = {
  backorder_id: string
  sku: string | null
  customer: string | null
  order_display_id: number | null
  waiting_quantity: number
  reason: "on_purchase_order" | "on_transfer" | "not_new" | "not_found"
  purchase_order_id: string | null
  purchase_order_number: string | null
  transfer_id: string | null
  transfer_number: string | null
  message: string
}

/** A purchase order a stock request would create (or the draft it would add to). */
export type AdminPlannedPurchaseOrderPreview = {
  purchase_order_id: string | null
  number: string | null
  supplier: { id: string; name: string | null; currency_code: string | null }
  location: { id: string; name: string } | null
  is_dropship: boolean
  expected_at: string | null
  /**
   * The lead time `expected_at` was counted from: the longest of the lines', each the
   * variant's term with the supplier (`sku` names it) or else the supplier's default. Null
   * when the date was given, kept from the draft added to, or no lead time is known.
   */
  lead_time: {
    days: number
    source: "variant_terms" | "supplier_default"
    variant_id: string | null
    sku: string | null
  } | null
  currency_code: string | null
  lines: {
    variant_id: string
    sku: string | null
    title: string | null
    current_quantity: number | null
    requested_quantity: number
    quantity: number
    rounding: { reason: string } | null
    unit_cost: number | null
    total: number | null
  }[]
  total: number | null
}

export type AdminRequestStockResponse = {
  purchase_orders: AdminPurchaseOrder[]
  skipped?: AdminSkippedBackorder[]
}

export type AdminRequestStockPreviewResponse = {
  preview: { purchase_orders: AdminPlannedPurchaseOrderPreview[] }
  skipped?: AdminSkippedBackorder[]
}

/** One ledger row a receipt wrote: units handed to a waiting backorder. */
export type AdminReceiptAllocation = {
  id: string
  backorder_id: string
  quantity: number
  source: string
  rule: string
  reason: string
  receipt_line_id: string | null
}

export type AdminReceivePurchaseOrderResponse = AdminPurchaseOrderResponse & {
  receipt_id: string
  /** The same idempotency key was received before: nothing was done again. */
  replayed: boolean
  /** The receipt's first 1,000 ledger rows, oldest first. */
  allocations: AdminReceiptAllocation[]
  /** All ledger rows of the receipt. */
  allocation_count: number
}

export type AdminSendPurchaseOrderToSupplierResponse =
  AdminPurchaseOrderResponse & {
    purchase_order_dispatch: AdminPurchaseOrderDispatch
  }
