export type PurchaseOrderLineInput = {
  variant_id: string
  quantity: number
  unit_cost?: number
  /** `false` orders exactly `quantity`; by default the request's choice. */
  round_to_terms?: boolean
}

export type RequestStockInput = {
  /** Backorders to buy for; each must be `new` and not on an open purchase order yet. */
  backorder_ids?: string[]
  /** Plain replenishment lines, not tied to backorders. */
  lines?: PurchaseOrderLineInput[]
  /** The supplier; by default each variant's preferred supplier. */
  supplier_id?: string
  /** Where the goods go; by default each backorder's location. */
  location_id?: string
  /** Add to this open draft purchase order of the same supplier instead of creating one. */
  purchase_order_id?: string
  /** Ship straight to the customer of the backorders (one customer). */
  dropship?: boolean
  expected_at?: Date | string
  notes?: string
  created_by?: string
  /**
   * Round lines up to the supplier's minimum order quantity and case pack (the default);
   * `false` orders exactly what is asked.
   */
  round_to_terms?: boolean
}

/** Why a line orders more than was asked, shown to staff. */
export type LineRounding = {
  requested_quantity: number
  quantity: number
  minimum_order_quantity: number | null
  case_pack: number | null
  /** "rounded from 2 to 10 (minimum order 10)" */
  reason: string
}

export type PlannedLineBackorder = { backorder_id: string; quantity: number }

export type PlannedLine = {
  /** Set when the line already exists on the draft that is added to. */
  purchase_order_line_id: string | null
  variant_id: string
  product_id: string | null
  inventory_item_id: string | null
  title: string | null
  sku: string | null
  supplier_sku: string | null
  unit_cost: number | null
  /** What was asked for the line, before rounding to the supplier's terms. */
  requested_quantity: number
  /** The line's new ordered quantity, rounded up to MOQ and case pack unless asked not to. */
  quantity: number
  /** Set when the quantity was rounded up. */
  rounding: LineRounding | null
  backorders: PlannedLineBackorder[]
}

/** A purchase order's lead time: the longest of its lines' (see `purchaseOrderLeadTime`). */
export type PurchaseOrderLeadTime = {
  days: number
  /** The variant's own term with the supplier, or the supplier's default. */
  source: "variant_terms" | "supplier_default"
  /** The variant whose term it is (`variant_terms` only). */
  variant_id: string | null
}

export type PlannedPurchaseOrder = {
  /** Set when adding to an existing draft. */
  purchase_order_id: string | null
  supplier_id: string
  location_id: string | null
  is_dropship: boolean
  dropship_customer_id: string | null
  dropship_address: Record<string, unknown> | null
  currency_code: string | null
  expected_at: Date | null
  /**
   * The lead time `expected_at` was counted from; null when the date was given, kept from the
   * draft added to, or no line has a lead time.
   */
  lead_time: PurchaseOrderLeadTime | null
  notes: string | null
  created_by: string | null
  lines: PlannedLine[]
  /** Backorders whose supplier changes to the purchase order's. */
  backorder_ids: string[]
}
