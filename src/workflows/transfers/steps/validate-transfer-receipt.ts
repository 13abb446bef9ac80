import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { TransferStatus } from "../../../types/enums"
import {
  ReceiveTransferInput,
  TransferReceiptPlan,
} from "../../../types/transfers"
import { retrieveTransfer } from "../utils/retrieve-transfer"
import { transferReceiptRequestHash } from "../utils/receipt-request-hash"

export const validateTransferReceiptStepId = "validate-transfer-receipt"

/**
 * This step checks a transfer receipt against the transfer as it is now (run it under the
 * transfer's lock): the transfer is in transit, every line belongs to it once, and no line
 * receives more than is still in transit. A receipt already recorded with the same
 * idempotency key and request is returned instead, so a retried request counts once; the
 * same key with a different request is a conflict.
 */
export const validateTransferReceiptStep = createStep(
  validateTransferReceiptStepId,
  async (input: ReceiveTransferInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const transfer = await retrieveTransfer(service, input.id)
    const base = {
      transfer_id: transfer.id,
      number: transfer.number,
      destination_location_id: transfer.destination_location_id,
      previous_status: transfer.status,
    }

    if (input.idempotency_key) {
      const [existing] = await service.listTransferReceipts(
        { transfer_id: transfer.id, idempotency_key: input.idempotency_key },
        { select: ["id", "metadata"] }
      )
      if (existing) {
        if (
          existing.metadata?.request_hash !== transferReceiptRequestHash(input)
        ) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            `Idempotency key ${input.idempotency_key} was already used for receipt ${existing.id} on transfer ${transfer.number} with a different request: use a new key for a new receipt`
          )
        }
        const plan: TransferReceiptPlan = {
          ...base,
          existing_receipt_id: existing.id,
          lines: [],
          status: transfer.status,
        }
        return new StepResponse(plan)
      }
    }

    if (
      transfer.status !== TransferStatus.IN_TRANSIT &&
      transfer.status !== TransferStatus.PARTIALLY_RECEIVED
    ) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Transfer ${transfer.number} is ${transfer.status}: only a transfer in transit can be received`
      )
    }

    const seen = new Set<string>()
    const lines = input.lines.map((received) => {
      const line = transfer.lines.find(
        (l) => l.id === received.transfer_line_id
      )
      if (!line) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Transfer ${transfer.number} has no line ${received.transfer_line_id}`
        )
      }
      if (seen.has(line.id)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Transfer ${transfer.number} line ${line.id} appears twice in the receipt`
        )
      }
      seen.add(line.id)
      const open = line.sent_quantity - line.received_quantity
      if (received.quantity > open) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Transfer ${transfer.number} line ${line.id}: receiving ${received.quantity} exceeds the ${open} still in transit`
        )
      }
      return {
        transfer_line_id: line.id,
        inventory_item_id: line.inventory_item_id,
        quantity: received.quantity,
        previous_received_quantity: line.received_quantity,
      }
    })

    const fullyReceived = transfer.lines.every((line) => {
      const planned = lines.find((l) => l.transfer_line_id === line.id)
      return (
        line.received_quantity + (planned?.quantity ?? 0) >= line.sent_quantity
      )
    })
    const plan: TransferReceiptPlan = {
      ...base,
      existing_receipt_id: null,
      lines,
      status: fullyReceived
        ? TransferStatus.RECEIVED
        : TransferStatus.PARTIALLY_RECEIVED,
    }
    return new StepResponse(plan)
  }
)
