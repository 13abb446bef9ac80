import type {
  BackorderStatus,
  PaymentPolicy,
  PurchaseOrderStatus,
} from "../../types/enums"

/**
 * The shapes the plugin's admin API answers with, as the dashboard reads them. Enums and the
 * to-order sale preview are the server's own types (type-only imports, erased in the bundle).
 */
export type { BackorderStatus, PaymentPolicy, PurchaseOrderStatus }
export type { ToOrderSalePreview } from "../../types/to-order-sale"

/** Medusa's payment collection of an order, with its own figures. */
export type OrderPaymentCollection = {
  status: string
  amount: number
  authorized_amount: number | null
  captured_amount: number | null
  refunded_amount: number | null
}

export type Backorder = {
  id: string
  status: BackorderStatus
  source: "pos" | "storefront" | "admin"
  order_id: string
  line_item_id: string
  customer_id: string | null
  product_id: string | null
  variant_id: string
  inventory_item_id: string
  location_id: string
  supplier_id: string | null
  sku: string | null
  title: string | null
  quantity: number
  allocated_quantity: number
  fulfilled_quantity: number
  cancelled_quantity: number
  priority: number
  payment_policy: PaymentPolicy | null
  currency_code: string | null
  unit_price: number | null
  paid_amount: number
  refunded_amount: number
  promised_at: string | null
  on_order_at: string | null
  available_at: string | null
  fulfilled_at: string | null
  delivered_at: string | null
  cancelled_at: string | null
  cancel_reason: string | null
  created_at: string
  unpaid_amount?: number
  payment_reminder?: boolean
  customer?: {
    id: string
    email: string | null
    first_name: string | null
    last_name: string | null
  } | null
  order?: {
    id: string
    display_id: number
    shipping_address?: {
      first_name: string | null
      last_name: string | null
    } | null
    payment_collections?: OrderPaymentCollection[] | null
  } | null
  purchase_order_lines?: {
    quantity: number
    purchase_order_line: {
      id: string
      purchase_order: {
        id: string
        display_id: number
        status: PurchaseOrderStatus
        expected_at: string | null
      } | null
    } | null
  }[]
}

export type BackorderCounts = {
  counts: Record<BackorderStatus, number>
  total: number
  /** Statuses whose count is the database's estimate (large history tabs). */
  estimated: BackorderStatus[]
}

export type SupplierGroup = {
  supplier: { id: string; name: string | null } | null
  count: number
  waiting_quantity: number
}

export type PurchaseOrderLine = {
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

export type Receipt = {
  id: string
  received_at: string
  received_by: string | null
  idempotency_key: string | null
  lines: { purchase_order_line_id: string; quantity: number }[]
}

export type PurchaseOrder = {
  id: string
  display_id: number
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
  lines?: PurchaseOrderLine[]
  receipts?: Receipt[]
  dispatches?: PurchaseOrderDispatch[]
}

/** One sending of a purchase order's PDF to the supplier. */
export type PurchaseOrderDispatch = {
  id: string
  sent_to: string
  sent_at: string
  sent_by: string | null
  file_url: string | null
  note: string | null
}

/** A file stored through Medusa's File module. */
export type StoredFile = { id: string; url: string; filename: string }

export type Supplier = {
  id: string
  name: string
  code: string | null
  email: string | null
  phone: string | null
  contact_name: string | null
  currency_code: string | null
  default_lead_time_days: number | null
  notes: string | null
  created_at: string
}

export type SupplierVariant = {
  id: string
  supplier_id: string
  variant_id: string
  supplier_sku: string | null
  unit_cost: number | null
  currency_code: string | null
  lead_time_days: number | null
  minimum_order_quantity: number
  case_pack: number
  is_preferred: boolean
}

export type Allocation = {
  id: string
  quantity: number
  source: string
  rule: string
  reason: string
  purchase_order_id: string | null
  receipt_id: string | null
  counterpart_backorder_id: string | null
  note: string | null
  created_at: string
  backorder: {
    id: string
    order_id: string
    customer_id: string | null
    sku: string | null
    title: string | null
    status: BackorderStatus
  } | null
}

export type BackorderHealth = {
  open_by_status: Record<string, number>
  age_buckets: { bucket: string; status: BackorderStatus; count: number }[]
  open_count: number
  waiting_quantity: number
  late_count: number
  without_purchase_order_count: number
  oldest_open_at: string | null
  deposits_held: { currency_code: string; amount: number }[]
  fill_rate: number | null
  supplier_fill_rates: {
    supplier_id: string
    supplier_name: string | null
    ordered_quantity: number
    received_quantity: number
    fill_rate: number
  }[]
}

export type StockSummary = {
  locations: {
    inventory_item_id: string
    location_id: string
    location_name: string | null
    open_backorders: number
    waiting_quantity: number
    allocated_quantity: number
    incoming_quantity: number
    next_expected_at: string | null
  }[]
  suppliers: (Omit<SupplierVariant, "variant_id"> & {
    supplier_name: string | null
  })[]
}

export type ToOrderSaleInput = {
  customer_id?: string
  location_id: string
  lines: { variant_id: string; quantity: number }[]
  payment_policy: PaymentPolicy
  deposit_percent?: number
}
