import { MedusaError } from "@medusajs/framework/utils"
import { PurchaseOrderLineInput } from "../../../types/purchasing"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { PurchaseOrderStatus } from "../../../types/enums"
import { retrievePurchaseOrder } from "../utils/retrieve-purchase-order"

export type EditPurchaseOrderLinesInput = {
  id: string
  update?: { id: string; quantity?: number; unit_cost?: number | null }[]
  remove?: string[]
  /** New lines, added the way `requestStockWorkflow` adds to a draft. */
  add?: PurchaseOrderLineInput[]
  created_by?: string
}

export const editPurchaseOrderLinesStepId = "edit-purchase-order-lines-step"

/**
 * This step changes the lines of a draft purchase order: quantities and unit costs, or
 * removes lines. A quantity below what the line's linked backorders need, a line of another
 * purchase order and a purchase order that is no longer a draft are refused. Its
 * compensation restores the lines.
 */
export const editPurchaseOrderLinesStep = createStep(
  editPurchaseOrderLinesStepId,
  async (input: EditPurchaseOrderLinesInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const { purchaseOrder, number } = await retrievePurchaseOrder(
      service,
      input.id,
      ["lines", "lines.backorders"]
    )
    if (purchaseOrder.status !== PurchaseOrderStatus.DRAFT) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase order ${number} is ${purchaseOrder.status}: only a draft's lines can be edited`
      )
    }
    const lineOf = (id: string) => {
      const line = purchaseOrder.lines.find((l) => l.id === id)
      if (!line) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Purchase order ${number} has no line ${id}`
        )
      }
      return line
    }
    const linked = (id: string) =>
      lineOf(id).backorders.reduce((sum, b) => sum + Number(b.quantity), 0)
    for (const update of input.update ?? []) {
      if (
        update.quantity !== undefined &&
        update.quantity < linked(update.id)
      ) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Purchase order ${number} line ${update.id}: ${update.quantity} is less than the ${linked(update.id)} its backorders need`
        )
      }
    }
    for (const id of input.remove ?? []) {
      if (linked(id) > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Purchase order ${number} line ${id} serves backorders: cancel the purchase order or keep the line`
        )
      }
    }

    const touched = [
      ...(input.update ?? []).map((u) => u.id),
      ...(input.remove ?? []),
    ]
    const previous = purchaseOrder.lines
      .filter((l) => touched.includes(l.id))
      .map((l) => ({
        id: l.id,
        quantity: Number(l.quantity),
        unit_cost: l.unit_cost === null ? null : Number(l.unit_cost),
        metadata: l.metadata ?? null,
      }))
    if (input.update?.length) {
      // A quantity set by hand is exact: the note on how an earlier one was rounded goes.
      await service.updatePurchaseOrderLines(
        input.update.map((update) => {
          if (update.quantity === undefined) {
            return update
          }
          // Metadata updates merge: the key is cleared, not left out.
          return {
            ...update,
            metadata: { ...lineOf(update.id).metadata, rounding: null },
          }
        })
      )
    }
    if (input.remove?.length) {
      await service.softDeletePurchaseOrderLines(input.remove)
    }
    return new StepResponse(void 0, { previous, removed: input.remove ?? [] })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    if (undo.removed.length) {
      await service.restorePurchaseOrderLines(undo.removed)
    }
    if (undo.previous.length) {
      await service.updatePurchaseOrderLines(undo.previous)
    }
  }
)
