import type { PurchaseOrderLine } from "../../lib/types"

/** Units of a line still expected from the supplier. */
export const openQuantity = (line: PurchaseOrderLine) =>
  Math.max(
    0,
    Number(line.quantity) -
      Number(line.received_quantity) -
      Number(line.cancelled_quantity)
  )
