export const BackorderEvents = {
  CREATED: "backorder.created",
  ALLOCATED: "backorder.allocated",
  AVAILABLE: "backorder.available",
  ETA_CHANGED: "backorder.eta_changed",
  FULFILLED: "backorder.fulfilled",
  CANCELLED: "backorder.cancelled",
  LATE: "backorder.late",
} as const

export const PurchaseOrderEvents = {
  CREATED: "purchase_order.created",
  UPDATED: "purchase_order.updated",
  ORDERED: "purchase_order.ordered",
  RECEIVED: "purchase_order.received",
  COMPLETED: "purchase_order.completed",
  SENT_TO_SUPPLIER: "purchase_order.sent_to_supplier",
  CANCELLED: "purchase_order.cancelled",
} as const

export const SupplierEvents = {
  CREATED: "supplier.created",
  UPDATED: "supplier.updated",
  DELETED: "supplier.deleted",
} as const

export const TransferEvents = {
  CREATED: "transfer.created",
  UPDATED: "transfer.updated",
  SENT: "transfer.sent",
  RECEIVED: "transfer.received",
  CANCELLED: "transfer.cancelled",
} as const
