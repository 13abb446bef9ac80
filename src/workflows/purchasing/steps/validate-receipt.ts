import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { PurchaseOrderStatus } from "../../../types/enums"
import {
  ReceivePurchaseOrderInput,
  ReceiptPlan,
} from "../../../types/receiving"
import { receiptRequestHash } from "../utils/receipt-request-hash"
import {
  planDropshipDeliveries,
  planReceiptLines,
  statusAfterReceipt,
} from "../utils/receipt-plan"
import { retrievePurchaseOrder } from "../utils/retrieve-purchase-order"

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

    const lines = planReceiptLines(number, purchaseOrder.lines, input.lines)
    const deliveries = purchaseOrder.is_dropship
      ? planDropshipDeliveries(number, purchaseOrder.lines, lines)
      : []

    const plan: ReceiptPlan = {
      existing_receipt_id: null,
      purchase_order_id: purchaseOrder.id,
      number,
      location_id: purchaseOrder.location_id,
      is_dropship: purchaseOrder.is_dropship,
      stock_now:
        !purchaseOrder.is_dropship && !purchaseOrder.stock_on_completion,
      lines,
      status: statusAfterReceipt(purchaseOrder.lines, lines),
      deliveries,
    }
    return new StepResponse(plan)
  }
)
