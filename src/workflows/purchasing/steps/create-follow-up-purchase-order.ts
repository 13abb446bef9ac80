import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import {
  PurchaseOrderStatus,
  WAITING_BACKORDER_STATUSES,
} from "../../../types/enums"
import { CompletionPlan } from "../../../types/receiving"
import { waitingQuantity } from "../../../modules/backorder/utils/status"

export const createFollowUpPurchaseOrderStepId =
  "create-follow-up-purchase-order"

/**
 * This step creates the follow-up purchase order for a completed one's unreceived
 * remainder: same supplier and destination, already ordered (the supplier still owes the
 * units, so `incoming_quantity` carries over unchanged), the original as its parent, and
 * each line linked to the backorders of the original line that still wait, for what they
 * still wait for (read now, so run it after the completion's own allocation), whose promise
 * date becomes its ETA. Its compensation deletes it and restores the backorders' promise
 * dates.
 */
export const createFollowUpPurchaseOrderStep = createStep(
  createFollowUpPurchaseOrderStepId,
  async (plan: CompletionPlan, { container }) => {
    if (!plan.follow_up_lines.length) {
      return new StepResponse(null, null)
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const candidateIds = [
      ...new Set(
        plan.follow_up_lines.flatMap((l) =>
          l.waiting.map((w) => w.backorder_id)
        )
      ),
    ]
    const candidates = candidateIds.length
      ? await service.listBackorders(
          { id: candidateIds, status: WAITING_BACKORDER_STATUSES },
          {
            select: [
              "id",
              "quantity",
              "allocated_quantity",
              "cancelled_quantity",
            ],
          }
        )
      : []
    const stillWaiting = new Map(
      candidates.map((b) => [b.id, waitingQuantity(b)])
    )
    const carried = plan.follow_up_lines.map((line) => {
      let left = line.quantity
      return line.waiting.flatMap(({ backorder_id, linked_quantity }) => {
        const quantity = Math.min(
          stillWaiting.get(backorder_id) ?? 0,
          linked_quantity,
          left
        )
        if (quantity <= 0) {
          return []
        }
        left -= quantity
        stillWaiting.set(
          backorder_id,
          stillWaiting.get(backorder_id)! - quantity
        )
        return [{ backorder_id, quantity }]
      })
    })

    const now = new Date()
    const followUp = await service.createPurchaseOrders({
      supplier_id: plan.supplier_id,
      parent_id: plan.purchase_order_id,
      status: PurchaseOrderStatus.ORDERED,
      ordered_at: now,
      location_id: plan.location_id,
      is_dropship: plan.is_dropship,
      dropship_customer_id: plan.dropship_customer_id,
      dropship_address: plan.dropship_address,
      currency_code: plan.currency_code,
      expected_at: plan.expected_at,
      stock_on_completion:
        service.getOptions().stockReceivedOn === "completion",
      notes: `Remainder of ${plan.number}`,
    })
    const lines = await service.createPurchaseOrderLines(
      plan.follow_up_lines.map(({ waiting: _w, ...line }) => ({
        ...line,
        purchase_order_id: followUp.id,
      }))
    )
    const links = carried.flatMap((backorders, i) =>
      backorders.map((b) => ({
        purchase_order_line_id: lines[i].id,
        backorder_id: b.backorder_id,
        quantity: b.quantity,
      }))
    )
    const createdLinks = links.length
      ? await service.createPurchaseOrderLineBackorders(links)
      : []
    const backorderIds = [...new Set(links.map((l) => l.backorder_id))]
    const previous = backorderIds.length
      ? await service.listBackorders(
          { id: backorderIds },
          { select: ["id", "promised_at"] }
        )
      : []
    if (backorderIds.length) {
      await service.updateBackorders(
        backorderIds.map((id) => ({ id, promised_at: plan.expected_at }))
      )
    }
    return new StepResponse(
      { id: followUp.id, display_id: followUp.display_id },
      {
        purchaseOrderId: followUp.id,
        lineIds: lines.map((l) => l.id),
        linkIds: createdLinks.map((l) => l.id),
        promised: previous.map((b) => ({
          id: b.id,
          promised_at: b.promised_at,
        })),
      }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    if (undo.linkIds.length) {
      await service.deletePurchaseOrderLineBackorders(undo.linkIds)
    }
    await service.deletePurchaseOrderLines(undo.lineIds)
    await service.deletePurchaseOrders(undo.purchaseOrderId)
    if (undo.promised.length) {
      await service.updateBackorders(undo.promised)
    }
  }
)
