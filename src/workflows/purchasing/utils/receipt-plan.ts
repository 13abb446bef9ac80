import { MedusaError } from "@medusajs/framework/utils"
import { LIMITS } from "../../../api/utils/validators"
import { waitingQuantity } from "../../../modules/backorder/utils/status"
import {
  BackorderStatus,
  PurchaseOrderStatus,
  WAITING_BACKORDER_STATUSES,
} from "../../../types/enums"
import {
  DropshipDelivery,
  ReceivePurchaseOrderInput,
  ReceiptLinePlan,
} from "../../../types/receiving"

/**
 * The rules of a receipt, as pure functions over the purchase order as it is now: what each
 * line may receive, whether the purchase order is then fully received, and for a dropship
 * which waiting backorders the units reach.
 */

/** A purchase order line as a receipt sees it. */
export type LineToReceive = {
  id: string
  inventory_item_id: string | null
  quantity: number
  received_quantity: number
  cancelled_quantity: number
  over_received_quantity: number
  stocked_quantity: number
  backorders: {
    backorder: {
      id: string
      status: BackorderStatus | string
      order_id: string
      line_item_id: string
      inventory_item_id: string
      location_id: string
      quantity: number
      allocated_quantity: number
      cancelled_quantity: number
    } | null
  }[]
}

/**
 * One planned line per received line: every line must belong to the purchase order, appear
 * once, and receive at most what is still open unless it is explicitly over-received, and
 * then by at most what keeps the line within the quantity bound.
 */
export function planReceiptLines(
  number: string,
  lines: LineToReceive[],
  received: ReceivePurchaseOrderInput["lines"]
): ReceiptLinePlan[] {
  const seen = new Set<string>()
  return received.map((asked) => {
    const line = lines.find((l) => l.id === asked.purchase_order_line_id)
    if (!line) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Purchase order ${number} has no line ${asked.purchase_order_line_id}`
      )
    }
    if (seen.has(line.id)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Purchase order ${number} line ${line.id} appears twice in the receipt`
      )
    }
    seen.add(line.id)
    const quantity = Number(line.quantity)
    const open =
      quantity -
      Number(line.received_quantity) -
      Number(line.cancelled_quantity)
    const extra = Math.max(0, asked.quantity - open)
    if (extra > 0 && !asked.over_receive) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Purchase order ${number} line ${line.id}: receiving ${asked.quantity} exceeds the ${open} still open`
      )
    }
    if (quantity + extra > LIMITS.MAX_QUANTITY) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Purchase order ${number} line ${line.id}: receiving ${asked.quantity} over the ${open} still open would make the line ${quantity + extra} units, more than the ${LIMITS.MAX_QUANTITY} a line can hold`
      )
    }
    return {
      purchase_order_line_id: line.id,
      inventory_item_id: line.inventory_item_id,
      quantity: asked.quantity,
      over_received: extra,
      previous: {
        quantity,
        received_quantity: Number(line.received_quantity),
        over_received_quantity: Number(line.over_received_quantity),
        stocked_quantity: Number(line.stocked_quantity),
      },
      next: {
        quantity: quantity + extra,
        received_quantity: Number(line.received_quantity) + asked.quantity,
        over_received_quantity: Number(line.over_received_quantity) + extra,
      },
      cancelled_quantity: Number(line.cancelled_quantity),
    }
  })
}

/**
 * The status after the receipt: `received` when every line has received (or cancelled) all
 * it orders, counting what this receipt adds, else `partially_received`.
 */
export function statusAfterReceipt(
  lines: LineToReceive[],
  planned: ReceiptLinePlan[]
): PurchaseOrderStatus {
  const fullyReceived = lines.every((line) => {
    const plan = planned.find((l) => l.purchase_order_line_id === line.id)
    const lineQuantity = plan ? plan.next.quantity : Number(line.quantity)
    const received = plan
      ? plan.next.received_quantity
      : Number(line.received_quantity)
    return received + Number(line.cancelled_quantity) >= lineQuantity
  })
  return fullyReceived
    ? PurchaseOrderStatus.RECEIVED
    : PurchaseOrderStatus.PARTIALLY_RECEIVED
}

/**
 * Where a dropship receipt's units go: to the waiting backorders each line was bought for,
 * oldest link first, each up to what it still waits for. The delivery is recorded as one
 * Medusa fulfilment on the customer's order, so units reaching several orders are refused.
 */
export function planDropshipDeliveries(
  number: string,
  lines: LineToReceive[],
  planned: ReceiptLinePlan[]
): DropshipDelivery[] {
  const deliveries: DropshipDelivery[] = []
  for (const received of planned) {
    const line = lines.find((l) => l.id === received.purchase_order_line_id)!
    let left = received.quantity
    for (const link of line.backorders) {
      const b = link.backorder
      if (
        !b ||
        left <= 0 ||
        !WAITING_BACKORDER_STATUSES.includes(b.status as BackorderStatus)
      ) {
        continue
      }
      const waiting = waitingQuantity(b)
      const take = Math.min(left, waiting)
      if (take > 0) {
        deliveries.push({
          backorder_id: b.id,
          order_id: b.order_id,
          line_item_id: b.line_item_id,
          inventory_item_id: b.inventory_item_id,
          location_id: b.location_id,
          purchase_order_line_id: line.id,
          quantity: take,
        })
        left -= take
      }
    }
  }
  const orderIds = [...new Set(deliveries.map((d) => d.order_id))]
  if (orderIds.length > 1) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Dropship purchase order ${number} serves several orders (${orderIds.join(", ")}): a dropship receipt fulfils one order`
    )
  }
  return deliveries
}
