import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import {
  PurchaseOrderStatus,
  WAITING_BACKORDER_STATUSES,
} from "../../../types/enums"
import {
  DropshipDelivery,
  ReceivePurchaseOrderInput,
  ReceiptPlan,
} from "../../../types/receiving"
import { LIMITS } from "../../../api/utils/validators"
import { receiptRequestHash } from "../utils/receipt-request-hash"
import { retrievePurchaseOrder } from "../utils/retrieve-purchase-order"
import { waitingQuantity } from "../../../modules/backorder/utils/status"

export const validateReceiptStepId = "validate-receipt"

/**
 * This step checks a receipt against the purchase order as it is now (run it under the
 * purchase order's lock): the purchase order is sent and not fully received, every line
 * belongs to it, and no line receives more than is still open unless it is explicitly
 * over-received, and then by at most what keeps the line within 1,000,000 units. A receipt
 * already recorded with the same idempotency key and the same request is returned instead,
 * so a retried request counts once; the same key with a different request is a conflict.
 */
export const validateReceiptStep = createStep(
  validateReceiptStepId,
  async (input: ReceivePurchaseOrderInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const { purchaseOrder, number } = await retrievePurchaseOrder(
      service,
      input.id,
      ["lines", "lines.backorders", "lines.backorders.backorder"]
    )

    if (input.idempotency_key) {
      const [existing] = await service.listReceipts(
        {
          purchase_order_id: purchaseOrder.id,
          idempotency_key: input.idempotency_key,
        },
        { select: ["id", "metadata"], relations: ["lines"] }
      )
      if (existing) {
        const recorded =
          (existing.metadata?.request_hash as string | undefined) ??
          // Receipts recorded before the hash was kept: compare the lines.
          receiptRequestHash({
            lines: existing.lines.map((l) => ({
              purchase_order_line_id: l.purchase_order_line_id,
              quantity: Number(l.quantity),
            })),
          })
        const asked = existing.metadata?.request_hash
          ? receiptRequestHash(input)
          : receiptRequestHash({
              lines: input.lines.map(
                ({ purchase_order_line_id, quantity }) => ({
                  purchase_order_line_id,
                  quantity,
                })
              ),
            })
        if (recorded !== asked) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            `Idempotency key ${input.idempotency_key} was already used for receipt ${existing.id} on purchase order ${number} with a different request: use a new key for a new receipt`
          )
        }
        const plan: ReceiptPlan = {
          existing_receipt_id: existing.id,
          purchase_order_id: purchaseOrder.id,
          number,
          location_id: purchaseOrder.location_id,
          is_dropship: purchaseOrder.is_dropship,
          stock_now: false,
          lines: [],
          status: purchaseOrder.status,
          deliveries: [],
        }
        return new StepResponse(plan)
      }
    }

    if (
      purchaseOrder.status !== PurchaseOrderStatus.ORDERED &&
      purchaseOrder.status !== PurchaseOrderStatus.PARTIALLY_RECEIVED
    ) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase order ${number} is ${purchaseOrder.status}: only a sent purchase order can be received`
      )
    }

    const seen = new Set<string>()
    const lines = input.lines.map((received) => {
      const line = purchaseOrder.lines.find(
        (l) => l.id === received.purchase_order_line_id
      )
      if (!line) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Purchase order ${number} has no line ${received.purchase_order_line_id}`
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
      const extra = Math.max(0, received.quantity - open)
      if (extra > 0 && !received.over_receive) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Purchase order ${number} line ${line.id}: receiving ${received.quantity} exceeds the ${open} still open`
        )
      }
      if (quantity + extra > LIMITS.MAX_QUANTITY) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Purchase order ${number} line ${line.id}: receiving ${received.quantity} over the ${open} still open would make the line ${quantity + extra} units, more than the ${LIMITS.MAX_QUANTITY} a line can hold`
        )
      }
      return {
        purchase_order_line_id: line.id,
        inventory_item_id: line.inventory_item_id,
        quantity: received.quantity,
        over_received: extra,
        previous: {
          quantity,
          received_quantity: Number(line.received_quantity),
          over_received_quantity: Number(line.over_received_quantity),
          stocked_quantity: Number(line.stocked_quantity),
        },
        next: {
          quantity: quantity + extra,
          received_quantity: Number(line.received_quantity) + received.quantity,
          over_received_quantity: Number(line.over_received_quantity) + extra,
        },
        cancelled_quantity: Number(line.cancelled_quantity),
      }
    })

    const fullyReceived = purchaseOrder.lines.every((line) => {
      const planned = lines.find((l) => l.purchase_order_line_id === line.id)
      const lineQuantity = planned
        ? planned.next.quantity
        : Number(line.quantity)
      const received = planned
        ? planned.next.received_quantity
        : Number(line.received_quantity)
      return received + Number(line.cancelled_quantity) >= lineQuantity
    })

    // A dropship reaches the customers directly: the units go to the waiting backorders the
    // line was bought for, oldest link first.
    const deliveries: DropshipDelivery[] = []
    if (purchaseOrder.is_dropship) {
      for (const received of lines) {
        const line = purchaseOrder.lines.find(
          (l) => l.id === received.purchase_order_line_id
        )!
        let left = received.quantity
        for (const link of line.backorders) {
          const b = link.backorder
          if (
            !b ||
            left <= 0 ||
            !WAITING_BACKORDER_STATUSES.includes(b.status)
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
      // The delivery is recorded as one Medusa fulfilment on the customer's order.
      const orderIds = [...new Set(deliveries.map((d) => d.order_id))]
      if (orderIds.length > 1) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Dropship purchase order ${number} serves several orders (${orderIds.join(", ")}): a dropship receipt fulfils one order`
        )
      }
    }

    const plan: ReceiptPlan = {
      existing_receipt_id: null,
      purchase_order_id: purchaseOrder.id,
      number,
      location_id: purchaseOrder.location_id,
      is_dropship: purchaseOrder.is_dropship,
      stock_now:
        !purchaseOrder.is_dropship && !purchaseOrder.stock_on_completion,
      lines,
      status: fullyReceived
        ? PurchaseOrderStatus.RECEIVED
        : PurchaseOrderStatus.PARTIALLY_RECEIVED,
      deliveries,
    }
    return new StepResponse(plan)
  }
)
