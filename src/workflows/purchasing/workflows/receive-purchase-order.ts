import {
  adjustInventoryLevelsStep,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  parallelize,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { AllocationSource } from "../../../types/enums"
import { BackorderEvents, PurchaseOrderEvents } from "../../../types/events"
import { ReceivePurchaseOrderInput } from "../../../types/receiving"
import { allocateArrivedStockStep, allocationEvents } from "../../allocation"
import { recordReceiptStep } from "../steps/record-receipt"
import { stockReceivedUnitsStep } from "../../shared/steps/stock-received-units"
import { validateReceiptStep } from "../steps/validate-receipt"
import { acquirePurchaseOrderLock } from "../../shared/workflow-lock"
import { deliverDropshippedBackordersStep } from "../steps/deliver-dropshipped-backorders"
import { markBackordersDeliveredStep } from "../steps/mark-backorders-delivered"
import {
  BACKORDER_CAPTURE,
  BackorderCapture,
  captureBackorderBalanceStep,
  fulfilmentRecords,
  planBackorderFulfilmentStep,
} from "../../fulfilment"

export const receivePurchaseOrderWorkflowId = "receive-purchase-order"

/**
 * This workflow receives units of a sent purchase order, any subset of lines, any number of
 * times (TechPOS, Zoho). The receipt is recorded with time and user; the units go into
 * Medusa's stock at the purchase order's location (`stocked_quantity` up, `incoming_quantity`
 * down), unless the plugin is set to stock on completion or the purchase order is a dropship;
 * and the stock is allocated at once to the waiting backorders, those linked to this purchase
 * order first. A dropship receipt (the supplier delivered to the customer) is recorded on the
 * customer's order as Medusa records a delivery: a fulfilment of those units, shipped and
 * delivered, with the balance captured per `captureBalanceOn`; the stock at the merchant's
 * locations ends unchanged. The purchase order and the inventory items are locked for the whole run, with
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

      // A dropship reached the customer: its units are allocated to their backorders.
      deliverDropshippedBackordersStep(
        transform({ plan, receipt, input }, ({ plan, receipt, input }) => ({
          deliveries: plan.deliveries,
          purchase_order_id: plan.purchase_order_id,
          number: plan.number,
          receipt_id: receipt.receipt_id,
          created_by: input.received_by,
        }))
      )

      const events = transform({ allocations, plan }, ({ allocations, plan }) =>
        allocationEvents(allocations, {
          purchase_order_id: plan.purchase_order_id,
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

    // The dropship as Medusa records it on the order: a fulfilment of the delivered units
    // (Medusa's fulfilment marks the backorders fulfilled and the balance is captured per
    // `captureBalanceOn`), shipped and delivered. Outside the lock: Medusa's fulfilment
    // locks the inventory items itself.
    when(
      "fulfil-dropship",
      { plan, created },
      ({ plan, created }) => !!created && plan.deliveries.length > 0
    ).then(() => {
      // The steps below that compensate keep their own ids: Medusa 2.21.2's `when` installs
      // a step's handler as it was before `.config({ name })`, and that handler reads its
      // compensation input under the step's original id, so a renamed step inside `when`
      // compensates with nothing (the shelf stock and the capture were not undone). Only
      // steps without compensation are renamed here.
      //
      // Medusa's fulfilment takes managed stock off the shelf with its reservation: the
      // delivered units are put on the shelf of the backorders' location first (Medusa's own
      // step, under its own lock), so that location's stock ends unchanged.
      adjustInventoryLevelsStep(
        transform({ plan }, ({ plan }) =>
          plan.deliveries.map((d) => ({
            inventory_item_id: d.inventory_item_id,
            location_id: d.location_id,
            adjustment: d.quantity,
          }))
        )
      )
      // The plugin's fulfil, composed here rather than nested: one level of Medusa's own
      // workflows, so each compensates once if a later step fails.
      const fulfilment = planBackorderFulfilmentStep(
        transform({ plan, input }, ({ plan, input }) => ({
          order_id: plan.deliveries[0].order_id,
          backorder_ids: [
            ...new Set(plan.deliveries.map((d) => d.backorder_id)),
          ],
          created_by: input.received_by,
          allocated_only: true,
        }))
      ).config({ name: "plan-dropship-fulfilment" })
      const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
        input: transform({ fulfilment, input }, ({ fulfilment, input }) => ({
          order_id: fulfilment.order_id,
          location_id: fulfilment.location_id!,
          shipping_option_id: fulfilment.shipping_option_id!,
          items: fulfilment.items,
          created_by: input.received_by,
          additional_data: { [BACKORDER_CAPTURE]: BackorderCapture.DEFERRED },
        })),
      })
      const { data: packedBackorders } = useQueryGraphStep({
        entity: "backorder",
        fields: ["id", "metadata"],
        filters: { id: fulfilment.backorder_ids },
      }).config({ name: "dropshipped-backorders" })
      // What Medusa's fulfilment decided to capture (see `recordPackedUnits`).
      const record = transform(
        { fulfillment, packedBackorders },
        ({ fulfillment, packedBackorders }) =>
          packedBackorders
            .map((b) => fulfilmentRecords(b.metadata)[fulfillment.id])
            .find(Boolean)
      )
      captureBackorderBalanceStep(
        transform({ record, input }, ({ record, input }) => ({
          payment_id: record?.payment_id ?? null,
          amount: record?.captured ?? 0,
          captured_by: input.received_by,
        }))
      )
      const packed = transform({ fulfillment }, ({ fulfillment }) => ({
        fulfillment_id: fulfillment.id,
      }))
      createOrderShipmentWorkflow.runAsStep({
        input: transform(
          { plan, packed, input },
          ({ plan, packed, input }) => ({
            order_id: plan.deliveries[0].order_id,
            fulfillment_id: packed.fulfillment_id!,
            items: Object.entries(
              plan.deliveries.reduce<Record<string, number>>((items, d) => {
                items[d.line_item_id] =
                  (items[d.line_item_id] ?? 0) + d.quantity
                return items
              }, {})
            ).map(([id, quantity]) => ({ id, quantity })),
            created_by: input.received_by,
          })
        ),
      })
      markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
        input: transform({ plan, packed }, ({ plan, packed }) => ({
          orderId: plan.deliveries[0].order_id,
          fulfillmentId: packed.fulfillment_id!,
        })),
      })
      markBackordersDeliveredStep(
        transform({ plan }, ({ plan }) => ({
          backorder_ids: [
            ...new Set(plan.deliveries.map((d) => d.backorder_id)),
          ],
        }))
      )
    })

    return new WorkflowResponse(
      transform({ plan, created }, ({ plan, created }) => ({
        purchase_order_id: plan.purchase_order_id,
        receipt_id: plan.existing_receipt_id ?? created!.receipt_id,
        replayed: !!plan.existing_receipt_id,
      }))
    )
  }
)
