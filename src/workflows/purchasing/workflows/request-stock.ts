import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { PurchaseOrderEvents } from "../../../types/events"
import { RequestStockInput } from "../../../types/purchasing"
import { loadStockRequestStep } from "../steps/load-stock-request"
import { planPurchaseOrdersStep } from "../steps/plan-purchase-orders"
import { savePurchaseOrdersStep } from "../steps/save-purchase-orders"

export const requestStockWorkflowId = "request-stock"

/**
 * This workflow requests stock from suppliers (SaleDock's "Request stock", Zoho's bulk
 * backorder): draft purchase orders for the waiting units of the given backorders and/or
 * plain lines, one per supplier and destination, lines merged per variant and rounded up to
 * the supplier's minimum order quantity and case pack, each line linked to the backorders it
 * serves. With `purchase_order_id` the units go onto that open draft instead; with
 * `dropship` the purchase order ships to the customer. Emits `purchase_order.created` for
 * new purchase orders and `purchase_order.updated` for a draft that was added to.
 *
 * @example
 * await requestStockWorkflow(container).run({
 *   input: { backorder_ids: ["bo_1", "bo_2"] },
 * })
 */
export const requestStockWorkflow = createWorkflow(
  requestStockWorkflowId,
  (input: WorkflowData<RequestStockInput>) => {
    const data = loadStockRequestStep(input)
    const plans = planPurchaseOrdersStep({ input, data })
    const purchaseOrderIds = savePurchaseOrdersStep(plans)

    const events = transform(
      { plans, purchaseOrderIds },
      ({ plans, purchaseOrderIds }) => ({
        created: purchaseOrderIds
          .filter((_, i) => !plans[i].purchase_order_id)
          .map((id) => ({ id })),
        updated: purchaseOrderIds
          .filter((_, i) => !!plans[i].purchase_order_id)
          .map((id) => ({ id })),
      })
    )
    emitEventStep({
      eventName: PurchaseOrderEvents.CREATED,
      data: transform({ events }, ({ events }) => events.created),
    }).config({ name: "emit-purchase-order-created" })
    emitEventStep({
      eventName: PurchaseOrderEvents.UPDATED,
      data: transform({ events }, ({ events }) => events.updated),
    }).config({ name: "emit-purchase-order-updated" })

    return new WorkflowResponse(purchaseOrderIds)
  }
)
