import { StockAllocation } from "../../../types/backorder-module"
import { BackorderStatus } from "../../../types/enums"

/**
 * The data of the allocation events for the allocations of one change: `allocated` for
 * `backorder.allocated` (each allocation, with what caused it, e.g. the purchase order
 * received), `available` for `backorder.available` (the backorders it made wholly available).
 */
export function allocationEvents(
  allocations: StockAllocation[],
  cause: { purchase_order_id?: string; transfer_id?: string } = {}
) {
  return {
    allocated: allocations.map((a) => ({
      id: a.backorder_id,
      quantity: a.quantity,
      reason: a.reason,
      ...cause,
    })),
    available: allocations
      .filter((a) => a.status === BackorderStatus.AVAILABLE)
      .map((a) => ({ id: a.backorder_id })),
  }
}
