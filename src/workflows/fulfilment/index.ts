/**
 * Fulfilment of backorders: packing them through Medusa's order fulfilment and capturing the
 * balance. Receiving a dropship purchase order packs its units with these steps.
 */
export * from "./steps/capture-backorder-balance"
export * from "./steps/plan-backorder-fulfilment"
export * from "./utils/packed-units"
export * from "./utils/reconcile-fulfilment"
export * from "./workflows/fulfil-backorders"
export * from "./workflows/preview-backorder-fulfilment"
export * from "./workflows/refund-backorder-balance"
