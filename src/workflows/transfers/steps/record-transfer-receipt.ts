import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { TransferStatus } from "../../../types/enums"
import {
  ReceiveTransferInput,
  TransferReceiptPlan,
} from "../../../types/transfers"
import { transferReceiptRequestHash } from "../utils/receipt-request-hash"

export const recordTransferReceiptStepId = "record-transfer-receipt"

/**
 * This step records a transfer receipt (when, by whom, how many of each line), the lines'
 * received quantities and the transfer's new status. Its compensation deletes the receipt
 * and restores the lines and the transfer.
 */
export const recordTransferReceiptStep = createStep(
  recordTransferReceiptStepId,
  async (
    input: {
      plan: TransferReceiptPlan
      received_by?: string
      note?: string
      idempotency_key?: string
      request_lines: ReceiveTransferInput["lines"]
    },
    { container }
  ) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const { plan } = input
    const now = new Date()
    const [transfer] = await service.listTransfers(
      { id: plan.transfer_id },
      { select: ["id", "status", "received_at"] }
    )
    const receipt = await service.createTransferReceipts({
      transfer_id: plan.transfer_id,
      received_at: now,
      received_by: input.received_by ?? null,
      idempotency_key: input.idempotency_key ?? null,
      note: input.note ?? null,
      lines: Object.fromEntries(
        plan.lines.map((l) => [l.transfer_line_id, l.quantity])
      ),
      metadata: {
        request_hash: transferReceiptRequestHash({
          lines: input.request_lines,
          note: input.note,
        }),
      },
    })
    await service.updateTransferLines(
      plan.lines.map((l) => ({
        id: l.transfer_line_id,
        received_quantity: l.previous_received_quantity + l.quantity,
      }))
    )
    await service.updateTransfers({
      id: plan.transfer_id,
      status: plan.status,
      ...(plan.status === TransferStatus.RECEIVED ? { received_at: now } : {}),
    })
    return new StepResponse(
      { receipt_id: receipt.id },
      {
        receiptId: receipt.id,
        lines: plan.lines.map((l) => ({
          id: l.transfer_line_id,
          received_quantity: l.previous_received_quantity,
        })),
        transfer: {
          id: transfer.id,
          status: transfer.status,
          received_at: transfer.received_at,
        },
      }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.deleteTransferReceipts(undo.receiptId)
    if (undo.lines.length) {
      await service.updateTransferLines(undo.lines)
    }
    await service.updateTransfers(undo.transfer)
  }
)
