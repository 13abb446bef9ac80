import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  AllocationSource,
  BackorderStatus,
  PurchaseOrderStatus,
} from "../../../types/enums"
import { BackorderEvents, PurchaseOrderEvents } from "../../../types/events"
import { CompletePurchaseOrderInput } from "../../../types/receiving"
import { adjustIncomingQuantitiesStep } from "../../shared/steps/adjust-incoming-quantities"
import { allocateArrivedStockStep, allocationEvents } from "../../allocation"
import { createFollowUpPurchaseOrderStep } from "../steps/create-follow-up-purchase-order"
import { planPurchaseOrderCompletionStep } from "../steps/plan-purchase-order-completion"
import { stockReceivedUnitsStep } from "../../shared/steps/stock-received-units"
import { updatePurchaseOrderStateStep } from "../steps/update-purchase-order-state"
import { acquirePurchaseOrderLock } from "../../shared/workflow-lock"

export const completePurchaseOrderWorkflowId = "complete-purchase-order"

/**
 * This workflow completes a purchase order, as TechPOS does: it is closed, and each line's
 * unreceived remainder moves to one follow-up purchase order (same supplier and destination,
 * the original as parent, the same waiting backorders carried over, `incoming_quantity`
 * unchanged) or is cancelled (`incoming_quantity` down, its waiting backorders back to
 * `new`). Units received but held back until completion (`stockReceivedOn: "completion"`)
 * go into stock now and are allocated. Emits `purchase_order.completed` and, for the
 * follow-up, `purchase_order.created`.
 */
export const completePurchaseOrderWorkflow = createWorkflow(
  completePurchaseOrderWorkflowId,
  (input: WorkflowData<CompletePurchaseOrderInput>) => {
    const lock = acquirePurchaseOrderLock(input.id, "complete")

    const plan = planPurchaseOrderCompletionStep(input)

    updatePurchaseOrderStateStep(
      transform({ plan }, ({ plan }) => ({
        purchase_order: {
          id: plan.purchase_order_id,
          status: PurchaseOrderStatus.CLOSED,
          completed_at: new Date(),
        },
        lines: plan.line_updates,
        backorders: plan.backorders_to_new.map((id) => ({
          id,
          status: BackorderStatus.NEW,
          on_order_at: null,
          promised_at: null,
        })),
      }))
    )

    adjustIncomingQuantitiesStep(
      transform({ plan }, ({ plan }) =>
        plan.is_dropship || !plan.location_id
          ? []
          : plan.cancelled
              .filter((c) => c.inventory_item_id)
              .map((c) => ({
                inventory_item_id: c.inventory_item_id!,
                location_id: plan.location_id!,
                delta: -c.quantity,
              }))
      )
    )

    stockReceivedUnitsStep(
      transform({ plan }, ({ plan }) =>
        plan.location_id
          ? plan.to_stock.map((s) => ({
              inventory_item_id: s.inventory_item_id,
              location_id: plan.location_id!,
              quantity: s.quantity,
              expected: s.quantity,
            }))
          : []
      )
    )
    const allocations = allocateArrivedStockStep(
      transform({ plan, input }, ({ plan, input }) =>
        plan.location_id
          ? plan.to_stock.map((s) => ({
              inventory_item_id: s.inventory_item_id,
              location_id: plan.location_id!,
              source: AllocationSource.RECEIPT,
              purchase_order_id: plan.purchase_order_id,
              purchase_order_number: plan.number,
              purchase_order_line_id: s.purchase_order_line_id,
              created_by: input.completed_by ?? null,
              arrived: s.quantity,
            }))
          : []
      )
    )
    // After the allocation: the follow-up carries only what still waits.
    const followUp = createFollowUpPurchaseOrderStep(plan)

    emitEventStep({
      eventName: PurchaseOrderEvents.COMPLETED,
      data: transform({ plan, followUp }, ({ plan, followUp }) => ({
        id: plan.purchase_order_id,
        follow_up_id: followUp?.id ?? null,
      })),
    }).config({ name: "emit-purchase-order-completed" })
    emitEventStep({
      eventName: PurchaseOrderEvents.CREATED,
      data: transform({ followUp }, ({ followUp }) =>
        followUp ? [{ id: followUp.id }] : []
      ),
    }).config({ name: "emit-follow-up-created" })
    emitEventStep({
      eventName: BackorderEvents.ALLOCATED,
      data: transform(
        { allocations },
        ({ allocations }) => allocationEvents(allocations).allocated
      ),
    }).config({ name: "emit-backorder-allocated" })

    lock.release()

    return new WorkflowResponse(
      transform({ plan, followUp }, ({ plan, followUp }) => ({
        purchase_order_id: plan.purchase_order_id,
        follow_up_id: followUp?.id ?? null,
      }))
    )
  }
)
