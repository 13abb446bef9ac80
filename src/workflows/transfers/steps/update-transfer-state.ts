import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { BackorderStatus, TransferStatus } from "../../../types/enums"

export type TransferStateChange = {
  transfer: {
    id: string
    status: TransferStatus
    sent_at?: Date | null
    cancelled_at?: Date | null
  }
  lines?: { id: string; sent_quantity: number }[]
  backorders?: {
    id: string
    status: BackorderStatus
    on_order_at: Date | null
  }[]
}

export const updateTransferStateStepId = "update-transfer-state"

/**
 * This step moves a transfer to a new status with its dates, the units sent per line and
 * the statuses of the backorders it serves. Its compensation restores every row it changed.
 */
export const updateTransferStateStep = createStep(
  updateTransferStateStepId,
  async (input: TransferStateChange, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const lineIds = (input.lines ?? []).map((l) => l.id)
    const backorderIds = (input.backorders ?? []).map((b) => b.id)
    const [[transfer], lines, backorders] = await Promise.all([
      service.listTransfers(
        { id: input.transfer.id },
        { select: ["id", "status", "sent_at", "cancelled_at"] }
      ),
      lineIds.length
        ? service.listTransferLines(
            { id: lineIds },
            { select: ["id", "sent_quantity"] }
          )
        : Promise.resolve([]),
      backorderIds.length
        ? service.listBackorders(
            { id: backorderIds },
            { select: ["id", "status", "on_order_at"] }
          )
        : Promise.resolve([]),
    ])
    const previous: TransferStateChange = {
      transfer: {
        id: transfer.id,
        status: transfer.status,
        sent_at: transfer.sent_at,
        cancelled_at: transfer.cancelled_at,
      },
      lines: lines.map((l) => ({
        id: l.id,
        sent_quantity: Number(l.sent_quantity),
      })),
      backorders: backorders.map((b) => ({
        id: b.id,
        status: b.status,
        on_order_at: b.on_order_at,
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
  change: TransferStateChange
) {
  await service.updateTransfers(change.transfer)
  if (change.lines?.length) {
    await service.updateTransferLines(change.lines)
  }
  if (change.backorders?.length) {
    await service.updateBackorders(change.backorders)
  }
}
