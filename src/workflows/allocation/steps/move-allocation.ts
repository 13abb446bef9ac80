import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import {
  AllocationRule,
  AllocationSource,
  BackorderStatus,
} from "../../../types/enums"
import { toNumber } from "../../shared/money"
import {
  nextStatus,
  waitingQuantity,
} from "../../../modules/backorder/utils/status"

export type MoveAllocationInput = {
  from_backorder_id: string
  to_backorder_id: string
  quantity: number
  reason: string
  created_by?: string
}

export const moveAllocationStepId = "move-allocation"

/**
 * This step moves allocated units from one backorder to another of the same item and
 * location (POSitive's release / override), with a ledger row on each side naming the other
 * backorder and the reason. It refuses unknown or closed backorders, different items or
 * locations, more units than the first has allocated and not packed, and more than the second
 * still waits for. Run it under the lock on the inventory item id. Its compensation restores
 * both backorders and removes the ledger rows.
 */
export const moveAllocationStep = createStep(
  moveAllocationStepId,
  async (input: MoveAllocationInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const rows = await service.listBackorders({
      id: [input.from_backorder_id, input.to_backorder_id],
    })
    const from = rows.find((b) => b.id === input.from_backorder_id)
    const to = rows.find((b) => b.id === input.to_backorder_id)
    for (const [id, row] of [
      [input.from_backorder_id, from],
      [input.to_backorder_id, to],
    ] as const) {
      if (!row) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Backorder with id: ${id} was not found`
        )
      }
      if (
        row.status === BackorderStatus.CANCELLED ||
        row.status === BackorderStatus.FULFILLED
      ) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Backorder ${row.id} is ${row.status}: its allocation cannot change`
        )
      }
    }
    if (from!.id === to!.id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Backorder ${from!.id} cannot release units to itself`
      )
    }
    if (
      from!.inventory_item_id !== to!.inventory_item_id ||
      from!.location_id !== to!.location_id
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Backorders ${from!.id} and ${to!.id} wait for different items or at different locations`
      )
    }
    const releasable =
      toNumber(from!.allocated_quantity) - toNumber(from!.fulfilled_quantity)
    if (input.quantity > releasable) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Backorder ${from!.id} has ${releasable} allocated units not yet packed: cannot release ${input.quantity}`
      )
    }
    const waiting = waitingQuantity(to!)
    if (input.quantity > waiting) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Backorder ${to!.id} waits for ${waiting} units: cannot give it ${input.quantity}`
      )
    }

    const previous = [from!, to!].map((b) => ({
      id: b.id,
      status: b.status,
      allocated_quantity: toNumber(b.allocated_quantity),
      available_at: b.available_at,
    }))
    const update = (b: typeof from, delta: number) => {
      const allocated = toNumber(b!.allocated_quantity) + delta
      const status = nextStatus(
        toNumber(b!.quantity),
        allocated,
        toNumber(b!.fulfilled_quantity),
        toNumber(b!.cancelled_quantity),
        // Without its allocation it waits again: on order if a purchase order covers it.
        b!.on_order_at ? BackorderStatus.ON_ORDER : BackorderStatus.NEW
      )
      return {
        id: b!.id,
        allocated_quantity: allocated,
        status,
        available_at:
          status === BackorderStatus.AVAILABLE
            ? (b!.available_at ?? new Date())
            : null,
      }
    }
    await service.updateBackorders([
      update(from, -input.quantity),
      update(to, input.quantity),
    ])
    const ledger = await service.createAllocations(
      [
        [from!, -input.quantity, to!.id],
        [to!, input.quantity, from!.id],
      ].map(([b, quantity, counterpart]) => ({
        backorder_id: (b as typeof from)!.id,
        inventory_item_id: from!.inventory_item_id,
        location_id: from!.location_id,
        quantity: quantity as number,
        source: AllocationSource.OVERRIDE,
        rule: AllocationRule.MANUAL,
        reason: input.reason,
        counterpart_backorder_id: counterpart as string,
        created_by: input.created_by ?? null,
      }))
    )
    return new StepResponse(
      { from: update(from, -input.quantity), to: update(to, input.quantity) },
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
