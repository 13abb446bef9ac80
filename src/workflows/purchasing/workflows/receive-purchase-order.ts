import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  parallelize,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { AllocationSource, BackorderStatus } from "../../../types/enums"
import { BackorderEvents, PurchaseOrderEvents } from "../../../types/events"
import { ReceivePurchaseOrderInput } from "../../../types/receiving"
import { allocateArrivedStockStep } from "../steps/allocate-arrived-stock"
import { recordReceiptStep } from "../steps/record-receipt"
import { stockReceivedUnitsStep } from "../steps/stock-received-units"
import { validateReceiptStep } from "../steps/validate-receipt"
import { acquirePurchaseOrderLock } from "../../utils/workflow-lock"
import { releaseBackorderReservationsUnderLockStep } from "../../backorders/steps/release-backorder-reservations"
import { deliverDropshippedBackordersStep } from "../steps/deliver-dropshipped-backorders"

export const receivePurchaseOrderWorkflowId = "receive-purchase-order"

/**
 * This workflow receives units of a sent purchase order, any subset of lines, any number of
 * times (TechPOS, Zoho). The receipt is recorded with time and user; the units go into
 * Medusa's stock at the purchase order's location (`stocked_quantity` up, `incoming_quantity`
 * down), unless the plugin is set to stock on completion or the purchase order is a dropship;
 * and the stock is allocated at once to the waiting backorders, those linked to this purchase
 * order first. The purchase order and the inventory items are locked for the whole run, with
 * the same keys Medusa's own reservation steps use, so parallel receipts and checkouts of the
 * same items are serialised. A retried request with the same idempotency key returns the
 * first receipt and changes nothing.
 *
 * @example
 * await receivePurchaseOrderWorkflow(container).run({
 *   input: {
 *     id: "po_123",
 *     lines: [{ purchase_order_line_id: "poline_1", quantity: 4 }],
 *     idempotency_key: "scan-2026-11-23-1",
 *   },
 * })
 */
export const receivePurchaseOrderWorkflow = createWorkflow(
  receivePurchaseOrderWorkflowId,
  (input: WorkflowData<ReceivePurchaseOrderInput>) => {
    const lock = acquirePurchaseOrderLock(input.id, "receive")

    const plan = validateReceiptStep(input)

    const created = when(
      "record-new-receipt",
      { plan },
      ({ plan }) => !plan.existing_receipt_id
    ).then(() => {
      const receipt = recordReceiptStep(
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
          plan.stock_now && plan.location_id
            ? plan.lines
                .filter((line) => line.inventory_item_id)
                .map((line) => ({
                  inventory_item_id: line.inventory_item_id!,
                  location_id: plan.location_id!,
                  quantity: line.quantity,
                  expected: line.quantity - line.over_received,
                }))
            : []
        )
      )

      const allocations = allocateArrivedStockStep(
        transform({ plan, receipt, input }, ({ plan, receipt, input }) =>
          plan.stock_now && plan.location_id
            ? plan.lines
                .filter((line) => line.inventory_item_id)
                .map((line) => ({
                  inventory_item_id: line.inventory_item_id!,
                  location_id: plan.location_id!,
                  source: AllocationSource.RECEIPT,
                  purchase_order_id: plan.purchase_order_id,
                  purchase_order_number: plan.number,
                  purchase_order_line_id: line.purchase_order_line_id,
                  receipt_id: receipt.receipt_id,
                  receipt_line_id:
                    receipt.receipt_lines.find(
                      (l) =>
                        l.purchase_order_line_id === line.purchase_order_line_id
                    )?.id ?? null,
                  created_by: input.received_by ?? null,
                  arrived: line.quantity,
                }))
            : []
        )
      )

      // A dropship reached the customers: their backorders are delivered, and the units
      // reserved for them at the shop are no longer needed there.
      const delivered = deliverDropshippedBackordersStep(
        transform({ plan, receipt, input }, ({ plan, receipt, input }) => ({
          deliveries: plan.deliveries,
          purchase_order_id: plan.purchase_order_id,
          number: plan.number,
          receipt_id: receipt.receipt_id,
          created_by: input.received_by,
        }))
      )
      releaseBackorderReservationsUnderLockStep(
        transform({ plan }, ({ plan }) =>
          plan.deliveries.map((d) => ({
            line_item_id: d.line_item_id,
            inventory_item_id: d.inventory_item_id,
            location_id: d.location_id,
            quantity: d.quantity,
          }))
        )
      )
      emitEventStep({
        eventName: BackorderEvents.FULFILLED,
        data: transform({ delivered, plan }, ({ delivered, plan }) =>
          delivered.map((id) => ({
            id,
            purchase_order_id: plan.purchase_order_id,
            dropship: true,
          }))
        ),
      }).config({ name: "emit-backorder-delivered" })

      const events = transform(
        { allocations, plan },
        ({ allocations, plan }) => ({
          allocated: allocations.map((a) => ({
            id: a.backorder_id,
            quantity: a.quantity,
            reason: a.reason,
            purchase_order_id: plan.purchase_order_id,
          })),
          available: allocations
            .filter((a) => a.status === BackorderStatus.AVAILABLE)
            .map((a) => ({ id: a.backorder_id })),
        })
      )
      parallelize(
        emitEventStep({
          eventName: PurchaseOrderEvents.RECEIVED,
          data: transform({ plan, receipt }, ({ plan, receipt }) => ({
            id: plan.purchase_order_id,
            receipt_id: receipt.receipt_id,
          })),
        }).config({ name: "emit-purchase-order-received" }),
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
        purchase_order_id: plan.purchase_order_id,
        receipt_id: plan.existing_receipt_id ?? created!.receipt_id,
        replayed: !!plan.existing_receipt_id,
      }))
    )
  }
)
