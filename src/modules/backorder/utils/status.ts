import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { BackorderStatus } from "../../../types/enums"

/**
 * The backorder's rules about its own quantities, in one place: the module's allocation SQL
 * follows them (`queries/allocation.ts`), and the workflows import them from here.
 */

type Quantity = BigNumberInput | null | undefined

const units = (value: Quantity) =>
  value === null || value === undefined ? 0 : MathBN.convert(value).toNumber()

/**
 * Units of a backorder still waiting for stock: ordered, not allocated and not cancelled
 * (`quantity - allocated_quantity - cancelled_quantity`, never below 0).
 */
export function waitingQuantity(backorder: {
  quantity: Quantity
  allocated_quantity: Quantity
  cancelled_quantity: Quantity
}): number {
  return Math.max(
    0,
    units(backorder.quantity) -
      units(backorder.allocated_quantity) -
      units(backorder.cancelled_quantity)
  )
}

/**
 * The status that follows from the quantities: all open units cancelled → `cancelled`; all
 * remaining units fulfilled → `fulfilled`; all remaining allocated → `available`; some →
 * `partially_available`; else it stays `new` or `on_order`.
 */
export function nextStatus(
  quantity: number,
  allocated: number,
  fulfilled: number,
  cancelled: number,
  current: BackorderStatus
): BackorderStatus {
  const remaining = quantity - cancelled
  if (remaining <= 0) {
    return BackorderStatus.CANCELLED
  }
  if (fulfilled >= remaining) {
    return BackorderStatus.FULFILLED
  }
  if (allocated >= remaining) {
    return BackorderStatus.AVAILABLE
  }
  if (allocated > 0) {
    return BackorderStatus.PARTIALLY_AVAILABLE
  }
  return current === BackorderStatus.ON_ORDER
    ? BackorderStatus.ON_ORDER
    : BackorderStatus.NEW
}
