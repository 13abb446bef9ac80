import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import {
  BackorderStatus,
  PurchaseOrderStatus,
  WAITING_BACKORDER_STATUSES,
} from "../../../types/enums"
import {
  CompletePurchaseOrderInput,
  CompletionPlan,
} from "../../../types/receiving"
import { retrievePurchaseOrder } from "../utils/retrieve-purchase-order"

export const planPurchaseOrderCompletionStepId =
  "plan-purchase-order-completion"

/**
 * This step works out how a purchase order is completed (TechPOS): each line's unreceived
 * remainder either moves to one follow-up purchase order (same supplier and destination, the
 * same waiting backorders carried over) or is cancelled (its waiting backorders go back to
 * `new`); units received but held back until completion are to be stocked now. A draft,
 * cancelled or already closed purchase order is refused, as are lines of another one.
 */
export const planPurchaseOrderCompletionStep = createStep(
  planPurchaseOrderCompletionStepId,
  async (input: CompletePurchaseOrderInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const { purchaseOrder, number } = await retrievePurchaseOrder(
      service,
      input.id,
      ["lines", "lines.backorders", "lines.backorders.backorder"]
    )
    const completable = [
      PurchaseOrderStatus.ORDERED,
      PurchaseOrderStatus.PARTIALLY_RECEIVED,
      PurchaseOrderStatus.RECEIVED,
    ] as PurchaseOrderStatus[]
    if (!completable.includes(purchaseOrder.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase order ${number} is ${purchaseOrder.status} and cannot be completed`
      )
    }
    for (const choice of input.lines ?? []) {
      if (
        !purchaseOrder.lines.some((l) => l.id === choice.purchase_order_line_id)
      ) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Purchase order ${number} has no line ${choice.purchase_order_line_id}`
        )
      }
    }

    const plan: CompletionPlan = {
      purchase_order_id: purchaseOrder.id,
      number,
      supplier_id: purchaseOrder.supplier_id,
      location_id: purchaseOrder.location_id,
      is_dropship: purchaseOrder.is_dropship,
      dropship_customer_id: purchaseOrder.dropship_customer_id,
      dropship_address: purchaseOrder.dropship_address,
      currency_code: purchaseOrder.currency_code,
      expected_at: input.expected_at
        ? new Date(input.expected_at)
        : purchaseOrder.expected_at,
      follow_up_lines: [],
      line_updates: [],
      cancelled: [],
      backorders_to_new: [],
      to_stock: [],
    }

    for (const line of purchaseOrder.lines) {
      const quantity = Number(line.quantity)
      const received = Number(line.received_quantity)
      const cancelled = Number(line.cancelled_quantity)
      const open = quantity - received - cancelled
      const unstocked = received - Number(line.stocked_quantity)
      const stockNow =
        unstocked > 0 && !!line.inventory_item_id && !purchaseOrder.is_dropship
      if (stockNow) {
        plan.to_stock.push({
          purchase_order_line_id: line.id,
          inventory_item_id: line.inventory_item_id!,
          quantity: unstocked,
        })
      }
      if (open > 0 || stockNow) {
        plan.line_updates.push({
          id: line.id,
          cancelled_quantity: cancelled + Math.max(0, open),
          ...(stockNow ? { stocked_quantity: received } : {}),
        })
      }
      if (open <= 0) {
        continue
      }
      const waiting = line.backorders.filter(
        (link) =>
          link.backorder &&
          WAITING_BACKORDER_STATUSES.includes(link.backorder.status)
      )
      const action =
        input.lines?.find((c) => c.purchase_order_line_id === line.id)
          ?.action ?? "backorder"
      if (action === "backorder") {
        plan.follow_up_lines.push({
          variant_id: line.variant_id,
          product_id: line.product_id,
          inventory_item_id: line.inventory_item_id,
          title: line.title,
          sku: line.sku,
          supplier_sku: line.supplier_sku,
          unit_cost: line.unit_cost === null ? null : Number(line.unit_cost),
          quantity: open,
          // Units stocked by this completion are allocated before the follow-up is made:
          // what each backorder still waits for is only known then.
          waiting: waiting.map((link) => ({
            backorder_id: link.backorder_id,
            linked_quantity: Number(link.quantity),
          })),
        })
      } else {
        plan.cancelled.push({
          inventory_item_id: line.inventory_item_id,
          quantity: open,
        })
        plan.backorders_to_new.push(
          ...waiting
            .filter(
              (link) => link.backorder!.status === BackorderStatus.ON_ORDER
            )
            .map((link) => link.backorder_id)
        )
      }
    }
    return new StepResponse(plan)
  }
)
