import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { BackorderStatus, PurchaseOrderStatus } from "../../../types/enums"

export type PurchaseOrderStateChange = {
  purchase_order: {
    id: string
    status: PurchaseOrderStatus
    ordered_at?: Date | null
    cancelled_at?: Date | null
    completed_at?: Date | null
    expected_at?: Date | null
  }
  lines?: {
    id: string
    cancelled_quantity: number
    stocked_quantity?: number
  }[]
  backorders?: {
    id: string
    status: BackorderStatus
    on_order_at: Date | null
    promised_at: Date | null
  }[]
}

export const updatePurchaseOrderStateStepId = "update-purchase-order-state"

/**
 * This step moves a purchase order to a new status with the dates, line cancellations and
 * backorder statuses that go with it. Its compensation restores every row it changed.
 */
export const updatePurchaseOrderStateStep = createStep(
  updatePurchaseOrderStateStepId,
  async (input: PurchaseOrderStateChange, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const lineIds = (input.lines ?? []).map((l) => l.id)
    const backorderIds = (input.backorders ?? []).map((b) => b.id)
    const [[purchaseOrder], lines, backorders] = await Promise.all([
      service.listPurchaseOrders(
        { id: input.purchase_order.id },
        {
          select: ["id", "status", "ordered_at", "cancelled_at", "expected_at"],
        }
      ),
      lineIds.length
        ? service.listPurchaseOrderLines(
            { id: lineIds },
            { select: ["id", "cancelled_quantity", "stocked_quantity"] }
          )
        : Promise.resolve([]),
      backorderIds.length
        ? service.listBackorders(
            { id: backorderIds },
            { select: ["id", "status", "on_order_at", "promised_at"] }
          )
        : Promise.resolve([]),
    ])
    const previous = {
      purchase_order: {
        id: purchaseOrder.id,
        status: purchaseOrder.status,
        ordered_at: purchaseOrder.ordered_at,
        cancelled_at: purchaseOrder.cancelled_at,
        completed_at: purchaseOrder.completed_at,
        expected_at: purchaseOrder.expected_at,
      },
      lines: lines.map((l) => ({
        id: l.id,
        cancelled_quantity: Number(l.cancelled_quantity),
        stocked_quantity: Number(l.stocked_quantity),
      })),
      backorders: backorders.map((b) => ({
        id: b.id,
        status: b.status,
        on_order_at: b.on_order_at,
        promised_at: b.promised_at,
      })),
    }
    await apply(service, input)
    return new StepResponse(void 0, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await apply(service, previous)
  }
)

async function apply(
  service: BackorderModuleService,
  change: PurchaseOrderStateChange
) {
  await service.updatePurchaseOrders(change.purchase_order)
  if (change.lines?.length) {
    await service.updatePurchaseOrderLines(change.lines)
  }
  if (change.backorders?.length) {
    await service.updateBackorders(change.backorders)
  }
}
