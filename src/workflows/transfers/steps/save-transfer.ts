import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { PlannedTransfer } from "../../../types/transfers"

export const saveTransferStepId = "save-transfer"

type Undo = {
  createdTransferId: string | null
  createdLineIds: string[]
  createdLinkIds: string[]
  previousLineQuantities: { id: string; quantity: number }[]
}

/**
 * This step writes a planned transfer: a new draft with its lines, or lines added to an open
 * draft (a line of the same item grows), and the links from each line to the backorders it
 * serves. Its compensation removes what it created and puts back what it changed.
 */
export const saveTransferStep = createStep(
  saveTransferStepId,
  async (plan: PlannedTransfer, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const undo: Undo = {
      createdTransferId: null,
      createdLineIds: [],
      createdLinkIds: [],
      previousLineQuantities: [],
    }
    // A failing step is not compensated: undo its own writes before rethrowing.
    try {
      let transferId = plan.transfer_id
      if (!transferId) {
        const created = await service.createTransfers({
          source_location_id: plan.source_location_id,
          destination_location_id: plan.destination_location_id,
          note: plan.note,
          created_by: plan.created_by,
        })
        transferId = created.id
        undo.createdTransferId = created.id
      }

      const existing = plan.lines.filter((l) => l.transfer_line_id)
      if (existing.length) {
        const current = await service.listTransferLines(
          { id: existing.map((l) => l.transfer_line_id!) },
          { select: ["id", "quantity"] }
        )
        undo.previousLineQuantities = current.map((l) => ({
          id: l.id,
          quantity: Number(l.quantity),
        }))
        await service.updateTransferLines(
          existing.map((l) => ({
            id: l.transfer_line_id!,
            quantity: l.quantity,
          }))
        )
      }
      const fresh = plan.lines.filter((l) => !l.transfer_line_id)
      const created = fresh.length
        ? await service.createTransferLines(
            fresh.map((l) => ({
              transfer_id: transferId!,
              variant_id: l.variant_id,
              inventory_item_id: l.inventory_item_id,
              title: l.title,
              sku: l.sku,
              quantity: l.quantity,
            }))
          )
        : []
      undo.createdLineIds = created.map((l) => l.id)

      const lineIdFor = (inventoryItemId: string) =>
        plan.lines.find((l) => l.inventory_item_id === inventoryItemId)!
          .transfer_line_id ??
        created.find((l) => l.inventory_item_id === inventoryItemId)!.id
      const links = plan.lines.flatMap((l) =>
        l.backorders.map((b) => ({
          transfer_line_id: lineIdFor(l.inventory_item_id),
          backorder_id: b.backorder_id,
          quantity: b.quantity,
        }))
      )
      const createdLinks = links.length
        ? await service.createTransferLineBackorders(links)
        : []
      undo.createdLinkIds = createdLinks.map((l) => l.id)
      return new StepResponse(
        { id: transferId, created: !plan.transfer_id },
        undo
      )
    } catch (error) {
      await revert(service, undo)
      throw error
    }
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await revert(service, undo)
  }
)

async function revert(service: BackorderModuleService, undo: Undo) {
  if (undo.createdLinkIds.length) {
    await service.deleteTransferLineBackorders(undo.createdLinkIds)
  }
  if (undo.createdLineIds.length) {
    await service.deleteTransferLines(undo.createdLineIds)
  }
  if (undo.createdTransferId) {
    await service.deleteTransfers(undo.createdTransferId)
  }
  if (undo.previousLineQuantities.length) {
    await service.updateTransferLines(undo.previousLineQuantities)
  }
}
