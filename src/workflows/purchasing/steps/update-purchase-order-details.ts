import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { BackorderStatus, PurchaseOrderStatus } from "../../../types/enums"
import { retrievePurchaseOrder } from "../utils/retrieve-purchase-order"

export type UpdatePurchaseOrderInput = {
  id: string
  expected_at?: Date | string | null
  notes?: string | null
  supplier_reference?: string | null
}

export type EtaChange = {
  id: string
  previous_promised_at: Date | null
  promised_at: Date | null
}

export const updatePurchaseOrderDetailsStepId = "update-purchase-order-details"

/**
 * This step updates a purchase order's expected date, notes and supplier reference. When the
 * expected date of a sent purchase order moves, the backorders still waiting on it get it as
 * their new promise date, and the changes are returned to be announced. Closed and cancelled
 * purchase orders are refused. Its compensation restores the purchase order and the promise
 * dates.
 */
export const updatePurchaseOrderDetailsStep = createStep(
  updatePurchaseOrderDetailsStepId,
  async (input: UpdatePurchaseOrderInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const { purchaseOrder, number } = await retrievePurchaseOrder(
      service,
      input.id,
      ["lines", "lines.backorders", "lines.backorders.backorder"]
    )
    if (
      purchaseOrder.status === PurchaseOrderStatus.CLOSED ||
      purchaseOrder.status === PurchaseOrderStatus.CANCELLED
    ) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase order ${number} is ${purchaseOrder.status} and cannot be changed`
      )
    }
    const previous = {
      id: purchaseOrder.id,
      expected_at: purchaseOrder.expected_at,
      notes: purchaseOrder.notes,
      supplier_reference: purchaseOrder.supplier_reference,
    }
    const { id, expected_at: _expectedAt, ...fields } = input
    const expectedAt =
      input.expected_at === undefined
        ? undefined
        : input.expected_at === null
          ? null
          : new Date(input.expected_at)
    await service.updatePurchaseOrders({
      id,
      ...fields,
      ...(expectedAt !== undefined ? { expected_at: expectedAt } : {}),
    })

    const moved =
      expectedAt !== undefined &&
      purchaseOrder.status !== PurchaseOrderStatus.DRAFT &&
      (purchaseOrder.expected_at?.getTime?.() ?? null) !==
        (expectedAt?.getTime() ?? null)
    const changes: EtaChange[] = []
    if (moved) {
      const waiting = purchaseOrder.lines
        .flatMap((line) => line.backorders.map((link) => link.backorder))
        .filter(
          (b): b is NonNullable<typeof b> =>
            !!b &&
            (b.status === BackorderStatus.ON_ORDER ||
              b.status === BackorderStatus.PARTIALLY_AVAILABLE)
        )
      for (const b of new Map(waiting.map((b) => [b.id, b])).values()) {
        changes.push({
          id: b.id,
          previous_promised_at: b.promised_at,
          promised_at: expectedAt ?? null,
        })
      }
      if (changes.length) {
        await service.updateBackorders(
          changes.map((c) => ({ id: c.id, promised_at: c.promised_at }))
        )
      }
    }
    return new StepResponse(changes, { previous, changes })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.updatePurchaseOrders(undo.previous)
    if (undo.changes.length) {
      await service.updateBackorders(
        undo.changes.map((c) => ({
          id: c.id,
          promised_at: c.previous_promised_at,
        }))
      )
    }
  }
)
