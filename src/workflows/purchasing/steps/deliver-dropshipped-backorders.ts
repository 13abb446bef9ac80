import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { AllocationRule, AllocationSource } from "../../../types/enums"
import { DropshipDelivery } from "../../../types/receiving"
import { nextStatus } from "../../../modules/backorder/utils/status"
import { toNumber } from "../../shared/money"

export const deliverDropshippedBackordersStepId =
  "deliver-dropshipped-backorders"

/**
 * This step allocates the units a dropship receipt delivered to their backorders, and the
 * ledger records each delivery ("dropshipped by PO-0012"). The receiving workflow then packs
 * them through Medusa's own order fulfilment, which counts them as fulfilled. Its
 * compensation restores the backorders and removes the ledger rows.
 */
export const deliverDropshippedBackordersStep = createStep(
  deliverDropshippedBackordersStepId,
  async (
    input: {
      deliveries: DropshipDelivery[]
      purchase_order_id: string
      number: string
      receipt_id: string
      created_by?: string
    },
    { container }
  ) => {
    if (!input.deliveries.length) {
      return new StepResponse([] as string[], null)
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const backorders = await service.listBackorders({
      id: input.deliveries.map((d) => d.backorder_id),
    })
    const previous = backorders.map((b) => ({
      id: b.id,
      status: b.status,
      allocated_quantity: toNumber(b.allocated_quantity),
      fulfilled_quantity: toNumber(b.fulfilled_quantity),
      delivered_at: b.delivered_at,
      fulfilled_at: b.fulfilled_at,
    }))
    await service.updateBackorders(
      backorders.map((b) => {
        const delivered = input.deliveries
          .filter((d) => d.backorder_id === b.id)
          .reduce((sum, d) => sum + d.quantity, 0)
        const allocated = toNumber(b.allocated_quantity) + delivered
        return {
          id: b.id,
          allocated_quantity: allocated,
          status: nextStatus(
            toNumber(b.quantity),
            allocated,
            toNumber(b.fulfilled_quantity),
            toNumber(b.cancelled_quantity),
            b.status
          ),
        }
      })
    )
    const ledger = await service.createAllocations(
      input.deliveries.map((d) => ({
        backorder_id: d.backorder_id,
        inventory_item_id: d.inventory_item_id,
        location_id: d.location_id,
        quantity: d.quantity,
        source: AllocationSource.RECEIPT,
        rule: AllocationRule.LINKED_PURCHASE_ORDER,
        reason: `dropshipped by ${input.number}`,
        purchase_order_id: input.purchase_order_id,
        purchase_order_line_id: d.purchase_order_line_id,
        receipt_id: input.receipt_id,
        created_by: input.created_by ?? null,
      }))
    )
    return new StepResponse(
      backorders.map((b) => b.id),
      { previous, ledgerIds: ledger.map((l) => l.id) }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.deleteAllocations(undo.ledgerIds)
    await service.updateBackorders(undo.previous)
  }
)
