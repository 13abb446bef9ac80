/**
 * Customer notifications of backorder transitions. The catch-up job sends the notices whose
 * events were lost with the same workflow and the same idempotency keys as the subscriber.
 */
export { stateNoticeKey } from "./utils/customer-notifications"
export * from "./workflows/notify-backorder-customers"
