/**
 * Where a backorder line is in its life. See DOMAIN.md:
 * `new` → `on_order` → `partially_available` → `available` → `fulfilled`, or `cancelled` from any open state.
 */
export const BackorderStatus = {
  NEW: "new",
  ON_ORDER: "on_order",
  PARTIALLY_AVAILABLE: "partially_available",
  AVAILABLE: "available",
  FULFILLED: "fulfilled",
  CANCELLED: "cancelled",
} as const
export type BackorderStatus =
  (typeof BackorderStatus)[keyof typeof BackorderStatus]

/** Statuses of a backorder that still waits for stock or for packing. */
export const OPEN_BACKORDER_STATUSES: BackorderStatus[] = [
  BackorderStatus.NEW,
  BackorderStatus.ON_ORDER,
  BackorderStatus.PARTIALLY_AVAILABLE,
  BackorderStatus.AVAILABLE,
]

/** Statuses of a backorder with units that may still wait for stock. */
export const WAITING_BACKORDER_STATUSES: BackorderStatus[] = [
  BackorderStatus.NEW,
  BackorderStatus.ON_ORDER,
  BackorderStatus.PARTIALLY_AVAILABLE,
]

/** How the short sale came in. */
export const BackorderSource = {
  POS: "pos",
  STOREFRONT: "storefront",
  ADMIN: "admin",
} as const
export type BackorderSource =
  (typeof BackorderSource)[keyof typeof BackorderSource]

/** How a to-order sale is paid (POSitive's invoice options, ERPAG's advance payment). */
export const PaymentPolicy = {
  PAY_NOW: "pay_now",
  DEPOSIT: "deposit",
  PAY_ON_RECEIPT: "pay_on_receipt",
} as const
export type PaymentPolicy = (typeof PaymentPolicy)[keyof typeof PaymentPolicy]

export const PurchaseOrderStatus = {
  DRAFT: "draft",
  ORDERED: "ordered",
  PARTIALLY_RECEIVED: "partially_received",
  RECEIVED: "received",
  CLOSED: "closed",
  CANCELLED: "cancelled",
} as const
export type PurchaseOrderStatus =
  (typeof PurchaseOrderStatus)[keyof typeof PurchaseOrderStatus]

/** Where the units of an allocation ledger row came from. */
export const AllocationSource = {
  /** Stock received on a purchase order. */
  RECEIPT: "receipt",
  /** Stock freed by a cancelled or released backorder. */
  RELEASE: "release",
  /** Units moved by staff from one backorder to another (POSitive's override). */
  OVERRIDE: "override",
  /** Stock moved in from another location. */
  TRANSFER: "transfer",
  /** Stock found at the location, e.g. added by hand in Medusa. */
  STOCK: "stock",
  /** Units taken back from a backorder that was cancelled. */
  CANCELLATION: "cancellation",
} as const
export type AllocationSource =
  (typeof AllocationSource)[keyof typeof AllocationSource]

/** The rule that picked the backorder of an allocation ledger row. */
export const AllocationRule = {
  /** The backorder was linked to the purchase order that arrived. */
  LINKED_PURCHASE_ORDER: "linked_purchase_order",
  /** The backorder was linked to the transfer that arrived. */
  LINKED_TRANSFER: "linked_transfer",
  /** Oldest backorder first. */
  FIFO: "fifo",
  /** Highest priority first. */
  PRIORITY: "priority",
  /** Backorders with a deposit paid first. */
  DEPOSIT_FIRST: "deposit_first",
  /** Chosen by a member of staff. */
  MANUAL: "manual",
} as const
export type AllocationRule =
  (typeof AllocationRule)[keyof typeof AllocationRule]

/** Allocation policies a merchant can configure (the rules applied after linked purchase orders). */
export const AllocationPolicy = {
  FIFO: "fifo",
  PRIORITY: "priority",
  DEPOSIT_FIRST: "deposit_first",
} as const
export type AllocationPolicy =
  (typeof AllocationPolicy)[keyof typeof AllocationPolicy]

/**
 * Where one try at a to-order sale is: `pending` while it is being made, `completed` once
 * the whole sale was made, `failed` once it was refused, rolled back or cancelled as
 * abandoned (a retry with the same idempotency key may then make the sale afresh).
 */
export const ToOrderSaleAttemptStatus = {
  PENDING: "pending",
  COMPLETED: "completed",
  FAILED: "failed",
} as const
export type ToOrderSaleAttemptStatus =
  (typeof ToOrderSaleAttemptStatus)[keyof typeof ToOrderSaleAttemptStatus]

/**
 * Where a transfer between two of the merchant's own locations is: `draft` → `in_transit`
 * (sent: the units left the source) → `partially_received` → `received`, or `cancelled`.
 */
export const TransferStatus = {
  DRAFT: "draft",
  IN_TRANSIT: "in_transit",
  PARTIALLY_RECEIVED: "partially_received",
  RECEIVED: "received",
  CANCELLED: "cancelled",
} as const
export type TransferStatus =
  (typeof TransferStatus)[keyof typeof TransferStatus]

/** Statuses of a transfer that may still bring units. */
export const OPEN_TRANSFER_STATUSES: TransferStatus[] = [
  TransferStatus.DRAFT,
  TransferStatus.IN_TRANSIT,
  TransferStatus.PARTIALLY_RECEIVED,
]
