/**
 * The plugin's workflows, to run from your own code, compose into your workflows or extend
 * through their hooks:
 *
 * ```ts
 * import { receivePurchaseOrderWorkflow } from "medusa-plugin-backorders/workflows"
 * ```
 */
export * from "./allocation/workflows/allocate-free-stock"
export * from "./allocation/workflows/release-allocation"
export * from "./backorders/workflows/begin-to-order-sale-attempt"
export * from "./backorders/workflows/cancel-backorders"
export * from "./backorders/workflows/cancel-to-order-sale-attempt"
export * from "./backorders/workflows/create-to-order-sale"
export * from "./backorders/workflows/export-backorders"
export * from "./backorders/workflows/record-order-backorders"
export * from "./backorders/workflows/sync-order-backorders"
export * from "./fulfilment/workflows/fulfil-backorders"
export * from "./fulfilment/workflows/preview-backorder-fulfilment"
export * from "./fulfilment/workflows/refund-backorder-balance"
export * from "./notifications/workflows/mark-late-backorders"
export * from "./notifications/workflows/notify-backorder-customers"
export * from "./purchasing/workflows/cancel-purchase-order"
export * from "./purchasing/workflows/complete-purchase-order"
export * from "./purchasing/workflows/edit-purchase-order-lines"
export * from "./purchasing/workflows/generate-purchase-order-document"
export * from "./purchasing/workflows/preview-stock-request"
export * from "./purchasing/workflows/receive-purchase-order"
export * from "./purchasing/workflows/request-stock"
export * from "./purchasing/workflows/select-and-request-stock"
export * from "./purchasing/workflows/send-purchase-order-to-supplier"
export * from "./purchasing/workflows/send-purchase-order"
export * from "./purchasing/workflows/update-purchase-order"
export * from "./suppliers/workflows/suppliers"
export * from "./transfers/workflows/cancel-transfer"
export * from "./transfers/workflows/receive-transfer"
export * from "./transfers/workflows/request-transfer"
export * from "./transfers/workflows/send-transfer"
