/**
 * Allocation, the one place where stock is handed to waiting backorders. Receiving,
 * completing, transfers and cancellations run `allocateArrivedStockStep` from here under
 * their own lock on the inventory item ids.
 */
export * from "./steps/allocate-arrived-stock"
export * from "./steps/move-allocation"
export * from "./workflows/allocate-free-stock"
export * from "./workflows/release-allocation"
export * from "./utils/events"
