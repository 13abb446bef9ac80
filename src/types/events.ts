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

/**
 * `backorder.allocated`: units were handed to waiting backorders. One event carries up to
 * `ALLOCATION_EVENT_BATCH` backorders (a receipt allocating 100,000 backorders emits 100
 * events, not 100,000), each with the units it got and why, and what handed them out.
 */
export type BackorderAllocatedEventData = {
  /** The backorders that got units, in the order they got them. */
  ids: string[]
  backorders: { id: string; quantity: number; reason: string }[]
  /** The purchase order whose receipt or completion handed the units out. */
  purchase_order_id?: string
  /** The transfer whose receipt handed the units out. */
  transfer_id?: string
  /** The backorder a release / override took the units from. */
  released_from?: string
}

/**
 * `backorder.available`: backorders that became fully allocated (ready to pack), up to
 * `ALLOCATION_EVENT_BATCH` per event, from whichever path handed out their last units.
 */
export type BackorderAvailableEventData = {
  ids: string[]
  purchase_order_id?: string
  transfer_id?: string
  released_from?: string
}
