import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  parallelize,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { AllocationSource } from "../../../types/enums"
import { BackorderEvents, TransferEvents } from "../../../types/events"
import { ReceiveTransferInput } from "../../../types/transfers"
import { allocateArrivedStockStep, allocationEvents } from "../../allocation"
import { stockReceivedUnitsStep } from "../../shared/steps/stock-received-units"
import { recordTransferReceiptStep } from "../steps/record-transfer-receipt"
import { validateTransferReceiptStep } from "../steps/validate-transfer-receipt"
import { acquireTransferLock } from "../utils/transfer-lock"

export const receiveTransferWorkflowId = "receive-transfer"

/**
 * This workflow receives units of a transfer in transit at its destination, any subset of
 * lines, any number of times. The receipt is recorded with time and user; the units go into
 * Medusa's stock at the destination (`stocked_quantity` up, `incoming_quantity` down) exactly
 * as a purchase order receipt puts them there, and are allocated at once through the same
 * allocation and ledger (source `transfer`): the backorders linked to the transfer first,
 * then the allocation policy. The transfer and its inventory items are locked for the whole
 * run. A retried request with the same idempotency key returns the first receipt and changes
 * nothing. Emits `transfer.received`, `backorder.allocated` and `backorder.available`.
 *
 * @example
 * await receiveTransferWorkflow(container).run({
 *   input: {
 *     id: "trf_123",
 *     lines: [{ transfer_line_id: "trfline_1", quantity: 2 }],
 *     idempotency_key: "van-2026-12-03",
 *   },
 * })
 */
export const receiveTransferWorkflow = createWorkflow(
  receiveTransferWorkflowId,
  (input: WorkflowData<ReceiveTransferInput>) => {
    const lock = acquireTransferLock(input.id, "receive-transfer")
    const plan = validateTransferReceiptStep(input)

    const created = when(
      "record-new-transfer-receipt",
      { plan },
      ({ plan }) => !plan.existing_receipt_id
    ).then(() => {
      const receipt = recordTransferReceiptStep(
        transform({ plan, input }, ({ plan, input }) => ({
          plan,
          received_by: input.received_by,
          note: input.note,
          idempotency_key: input.idempotency_key,
          request_lines: input.lines,
        }))
      )
      stockReceivedUnitsStep(
        transform({ plan }, ({ plan }) =>
          plan.lines.map((line) => ({
            inventory_item_id: line.inventory_item_id,
            location_id: plan.destination_location_id,
            quantity: line.quantity,
            expected: line.quantity,
          }))
        )
      )
      const allocations = allocateArrivedStockStep(
        transform({ plan, receipt, input }, ({ plan, receipt, input }) =>
          plan.lines.map((line) => ({
            inventory_item_id: line.inventory_item_id,
            location_id: plan.destination_location_id,
            source: AllocationSource.TRANSFER,
            transfer_id: plan.transfer_id,
            transfer_number: plan.number,
            transfer_receipt_id: receipt.receipt_id,
            created_by: input.received_by ?? null,
            arrived: line.quantity,
          }))
        )
      )

      const events = transform({ allocations, plan }, ({ allocations, plan }) =>
        allocationEvents(allocations, { transfer_id: plan.transfer_id })
      )
      parallelize(
        emitEventStep({
          eventName: TransferEvents.RECEIVED,
          data: transform({ plan, receipt }, ({ plan, receipt }) => ({
            id: plan.transfer_id,
            receipt_id: receipt.receipt_id,
          })),
        }).config({ name: "emit-transfer-received" }),
        emitEventStep({
          eventName: BackorderEvents.ALLOCATED,
          data: transform({ events }, ({ events }) => events.allocated),
        }).config({ name: "emit-backorder-allocated" }),
        emitEventStep({
          eventName: BackorderEvents.AVAILABLE,
          data: transform({ events }, ({ events }) => events.available),
        }).config({ name: "emit-backorder-available" })
      )
      return receipt
    })

    lock.release()
    return new WorkflowResponse(
      transform({ plan, created }, ({ plan, created }) => ({
        transfer_id: plan.transfer_id,
        receipt_id: plan.existing_receipt_id ?? created!.receipt_id,
        replayed: !!plan.existing_receipt_id,
      }))
    )
  }
)
