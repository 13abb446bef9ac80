import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { PlannedPurchaseOrder } from "../../../types/purchasing"

export const savePurchaseOrdersStepId = "save-purchase-orders"

type Undo = {
  createdPurchaseOrderIds: string[]
  createdLineIds: string[]
  createdLinkIds: string[]
  previousLineQuantities: {
    id: string
    quantity: number
    metadata: Record<string, unknown> | null
  }[]
  previousSuppliers: { id: string; supplier_id: string | null }[]
}

/**
 * This step writes planned purchase orders: new drafts with their lines, or lines added to
 * an open draft (existing lines of the same variant grow), the links from each line to the
 * backorders it serves, and the supplier on those backorders. Its compensation removes what
 * it created and puts back what it changed.
 */
export const savePurchaseOrdersStep = createStep(
  savePurchaseOrdersStepId,
  async (plans: PlannedPurchaseOrder[], { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const undo: Undo = {
      createdPurchaseOrderIds: [],
      createdLineIds: [],
      createdLinkIds: [],
      previousLineQuantities: [],
      previousSuppliers: [],
    }
    const purchaseOrderIds: string[] = []

    // A failing step is not compensated: undo its own writes before rethrowing.
    try {
      for (const plan of plans) {
        let purchaseOrderId = plan.purchase_order_id
        if (!purchaseOrderId) {
          const created = await service.createPurchaseOrders({
            supplier_id: plan.supplier_id,
            location_id: plan.location_id,
            is_dropship: plan.is_dropship,
            dropship_customer_id: plan.dropship_customer_id,
            dropship_address: plan.dropship_address,
            currency_code: plan.currency_code,
            expected_at: plan.expected_at,
            notes: plan.notes,
            created_by: plan.created_by,
            stock_on_completion:
              service.getOptions().stockReceivedOn === "completion",
          })
          purchaseOrderId = created.id
          undo.createdPurchaseOrderIds.push(created.id)
        }
        purchaseOrderIds.push(purchaseOrderId)

        const existing = plan.lines.filter((l) => l.purchase_order_line_id)
        if (existing.length) {
          const current = await service.listPurchaseOrderLines(
            { id: existing.map((l) => l.purchase_order_line_id!) },
            { select: ["id", "quantity", "metadata"] }
          )
          undo.previousLineQuantities.push(
            ...current.map((l) => ({
              id: l.id,
              quantity: Number(l.quantity),
              metadata: l.metadata ?? null,
            }))
          )
          await service.updatePurchaseOrderLines(
            existing.map((l) => ({
              id: l.purchase_order_line_id!,
              quantity: l.quantity,
              // Metadata updates merge: a line no longer rounded clears the note.
              metadata: {
                ...current.find((c) => c.id === l.purchase_order_line_id)
                  ?.metadata,
                rounding: l.rounding,
              },
            }))
          )
        }
        const fresh = plan.lines.filter((l) => !l.purchase_order_line_id)
        const createdLines = fresh.length
          ? await service.createPurchaseOrderLines(
              fresh.map((l) => ({
                purchase_order_id: purchaseOrderId!,
                variant_id: l.variant_id,
                product_id: l.product_id,
                inventory_item_id: l.inventory_item_id,
                title: l.title,
                sku: l.sku,
                supplier_sku: l.supplier_sku,
                unit_cost: l.unit_cost,
                quantity: l.quantity,
                metadata: l.rounding ? { rounding: l.rounding } : null,
              }))
            )
          : []
        undo.createdLineIds.push(...createdLines.map((l) => l.id))

        const lineIdFor = (variantId: string) =>
          plan.lines.find((l) => l.variant_id === variantId)!
            .purchase_order_line_id ??
          createdLines.find((l) => l.variant_id === variantId)!.id
        const links = plan.lines.flatMap((l) =>
          l.backorders.map((b) => ({
            purchase_order_line_id: lineIdFor(l.variant_id),
            backorder_id: b.backorder_id,
            quantity: b.quantity,
          }))
        )
        const createdLinks = links.length
          ? await service.createPurchaseOrderLineBackorders(links)
          : []
        undo.createdLinkIds.push(...createdLinks.map((l) => l.id))

        if (plan.backorder_ids.length) {
          const backorders = await service.listBackorders(
            { id: plan.backorder_ids },
            { select: ["id", "supplier_id"] }
          )
          undo.previousSuppliers.push(
            ...backorders.map((b) => ({ id: b.id, supplier_id: b.supplier_id }))
          )
          await service.updateBackorders(
            plan.backorder_ids.map((id) => ({
              id,
              supplier_id: plan.supplier_id,
            }))
          )
        }
      }
    } catch (error) {
      await revert(service, undo)
      throw error
    }

    return new StepResponse(purchaseOrderIds, undo)
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
    await service.deletePurchaseOrderLineBackorders(undo.createdLinkIds)
  }
  if (undo.createdLineIds.length) {
    await service.deletePurchaseOrderLines(undo.createdLineIds)
  }
  if (undo.createdPurchaseOrderIds.length) {
    await service.deletePurchaseOrders(undo.createdPurchaseOrderIds)
  }
  if (undo.previousLineQuantities.length) {
    await service.updatePurchaseOrderLines(undo.previousLineQuantities)
  }
  if (undo.previousSuppliers.length) {
    await service.updateBackorders(undo.previousSuppliers)
  }
}
