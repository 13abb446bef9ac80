import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { PurchaseOrderStatus } from "../../../types/enums"
import {
  ReceivePurchaseOrderInput,
  ReceiptPlan,
} from "../../../types/receiving"
import { receiptRequestHash } from "../utils/receipt-request-hash"

export const recordReceiptStepId = "record-receipt"

/**
 * This step records a receipt: when, by whom and how many of each line, the lines' received
 * (and explicitly over-received) quantities, and the purchase order's new status. Its
 * compensation deletes the receipt and restores the lines and the purchase order.
 */
export const recordReceiptStep = createStep(
  recordReceiptStepId,
  async (
    input: {
      plan: ReceiptPlan
      received_by?: string
      note?: string
      idempotency_key?: string
      /** The request's lines, fingerprinted with the receipt for idempotent retries. */
      request_lines?: ReceivePurchaseOrderInput["lines"]
    },
    { container }
  ) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const { plan } = input
    const now = new Date()
    const [purchaseOrder] = await service.listPurchaseOrders(
      { id: plan.purchase_order_id },
      { select: ["id", "status", "received_at"] }
    )

    const receipt = await service.createReceipts({
      purchase_order_id: plan.purchase_order_id,
      received_at: now,
      received_by: input.received_by ?? null,
      idempotency_key: input.idempotency_key ?? null,
      note: input.note ?? null,
      metadata:
        input.idempotency_key && input.request_lines
          ? {
              request_hash: receiptRequestHash({
                lines: input.request_lines,
                note: input.note,
              }),
            }
          : null,
    })
    const receiptLines = await service.createReceiptLines(
      plan.lines.map((line) => ({
        receipt_id: receipt.id,
        purchase_order_line_id: line.purchase_order_line_id,
        quantity: line.quantity,
        stocked_at: plan.stock_now && line.inventory_item_id ? now : null,
      }))
    )
    await service.updatePurchaseOrderLines(
      plan.lines.map((line) => ({
        id: line.purchase_order_line_id,
        quantity: line.next.quantity,
        received_quantity: line.next.received_quantity,
        over_received_quantity: line.next.over_received_quantity,
        ...(plan.stock_now && line.inventory_item_id
          ? { stocked_quantity: line.previous.stocked_quantity + line.quantity }
          : {}),
      }))
    )
    await service.updatePurchaseOrders({
      id: plan.purchase_order_id,
      status: plan.status,
      ...(plan.status === PurchaseOrderStatus.RECEIVED
        ? { received_at: now }
        : {}),
    })

    return new StepResponse(
      {
        receipt_id: receipt.id,
        receipt_lines: receiptLines.map((l) => ({
          id: l.id,
          purchase_order_line_id: l.purchase_order_line_id,
        })),
      },
      {
        receiptId: receipt.id,
        receiptLineIds: receiptLines.map((l) => l.id),
        lines: plan.lines.map((line) => ({
          id: line.purchase_order_line_id,
          ...line.previous,
        })),
        purchaseOrder: {
          id: purchaseOrder.id,
          status: purchaseOrder.status,
          received_at: purchaseOrder.received_at,
        },
      }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.deleteReceiptLines(undo.receiptLineIds)
    await service.deleteReceipts(undo.receiptId)
    await service.updatePurchaseOrderLines(undo.lines)
    await service.updatePurchaseOrders(undo.purchaseOrder)
  }
)
