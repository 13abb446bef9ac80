import type {
  BackorderStatus,
  PaymentPolicy,
  PurchaseOrderStatus,
} from "../enums"
import type { AdminSupplierVariant } from "./suppliers"

/**
 * The shapes of the admin backorder routes' answers, shared by the routes and the dashboard
 * (type-only imports, erased in the admin bundle). Wherever a purchase order appears it
 * carries its formatted `number` (`PO-0012`, or the `purchaseOrderPrefix` /
 * `purchaseOrderNumberPadding` options').
 */

/** A purchase order as a backorder row, the order widget or the ledger name it. */
export type AdminPurchaseOrderReference = {
  id: string
  display_id: number
  /** The human number, e.g. `PO-0012`. */
  number: string
  status: PurchaseOrderStatus
  expected_at: string | null
}

/** Medusa's payment collection of an order, with its own figures. */
export type AdminOrderPaymentCollection = {
  status: string
  amount: number
  authorized_amount: number | null
  captured_amount: number | null
  refunded_amount: number | null
}

export type AdminBackorder = {
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
    payment_collections?: AdminOrderPaymentCollection[] | null
  } | null
  purchase_order_lines?: {
    quantity: number
    purchase_order_line: {
      id: string
      purchase_order: AdminPurchaseOrderReference | null
    } | null
  }[]
}

export type AdminBackorderResponse = { backorder: AdminBackorder }

export type AdminBackorderListResponse = {
  backorders: AdminBackorder[]
  count: number
  /** The count is the database's estimate (a large history tab). */
  count_estimated: boolean
  offset: number
  limit: number
}

/** The backorders of one order and the order-level status the widget shows. */
export type AdminOrderBackordersResponse = {
  backorders: AdminBackorder[]
  backorder_status:
    | "none"
    | "cancelled"
    | "fulfilled"
    | "available"
    | "backordered"
}

export type AdminBackorderCountsResponse = {
  counts: Record<BackorderStatus, number>
  /**
   * Of `counts.new`, the backorders on a draft purchase order or draft transfer: requested,
   * not sent (the list's `in_draft=true`).
   */
  new_in_draft: number
  total: number
  /** Statuses whose count is the database's estimate (large history tabs). */
  estimated: BackorderStatus[]
}

export type AdminSupplierGroup = {
  supplier: { id: string; name: string | null } | null
  count: number
  /** `true` when `count` is an estimate (a large history). */
  count_estimated: boolean
  waiting_quantity: number
}

export type AdminSupplierGroupsResponse = { groups: AdminSupplierGroup[] }

/** One row of the allocation ledger. */
export type AdminAllocation = {
  id: string
  quantity: number
  source: string
  rule: string
  reason: string
  purchase_order_id: string | null
  /** The purchase order's human number when the units came from one. */
  purchase_order_number: string | null
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
    /** The order, named by its display id, and its shipping name (a guest has no name). */
    order?: {
      id: string
      display_id: number
      email: string | null
      shipping_address?: {
        first_name: string | null
        last_name: string | null
      } | null
    } | null
    customer?: {
      id: string
      email: string | null
      first_name: string | null
      last_name: string | null
    } | null
  } | null
}

export type AdminAllocationListResponse = {
  allocations: AdminAllocation[]
  count: number
  offset: number
  limit: number
}

/** Release / override: the backorder the units left and the one they went to. */
export type AdminReleaseAllocationResponse = {
  from: AdminBackorder
  to: AdminBackorder
}

export type AdminBackorderHealth = {
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

export type AdminBackorderHealthResponse = { health: AdminBackorderHealth }

export type AdminStockSummaryResponse = {
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
  suppliers: (Omit<AdminSupplierVariant, "variant_id"> & {
    supplier_name: string | null
  })[]
}

export type AdminCancelBackorderResponse = AdminBackorderResponse

export type AdminFulfilBackordersResponse = {
  backorders: AdminBackorder[]
  captured: number
  message?: string
}

/** What fulfilling would pack and capture, for the confirmation. */
export type AdminFulfilmentPreview = {
  backorders: {
    id: string
    sku: string | null
    title: string | null
    quantity: number
  }[]
  capture_amount: number
  currency_code?: string | null
  message: string | null
}

export type AdminFulfilPreviewResponse = { preview: AdminFulfilmentPreview }

export type AdminBackorderExportResponse = {
  file: { id: string; url: string; filename: string }
  count: number
}
