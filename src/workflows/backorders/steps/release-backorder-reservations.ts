import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toNumber } from "../../shared/money"

export type ReservationRelease = {
  line_item_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
}

export const releaseBackorderReservationsStepId =
  "release-backorder-reservations"

/**
 * This step lowers the reservations of order lines by the backordered units that were
 * cancelled, so `reserved_quantity` keeps matching what is still wanted. The workflow holds
 * the lock on the inventory item ids (the keys of Medusa's own reservation steps) around it.
 * Its compensation puts the reserved quantities back.
 */
export const releaseBackorderReservationsStep = createStep(
  releaseBackorderReservationsStepId,
  async (input: ReservationRelease[], { container }) => {
    const undo = await releaseReservations(container, input)
    return new StepResponse(void 0, undo)
  },
  async (undo, { container }) => {
    await restoreReservations(container, undo)
  }
)

type ReleaseUndo = {
  updated: { id: string; quantity: number }[]
  deleted: {
    line_item_id: string | null | undefined
    inventory_item_id: string
    location_id: string
    quantity: number
    allow_backorder: boolean | undefined
    description: string | null | undefined
    metadata: Record<string, unknown> | null | undefined
  }[]
} | null

async function releaseReservations(
  container: MedusaContainer,
  input: ReservationRelease[]
): Promise<ReleaseUndo> {
  const releases = input.filter((r) => r.quantity > 0)
  if (!releases.length) {
    return null
  }
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const reservations = await inventoryModule.listReservationItems({
    line_item_id: releases.map((r) => r.line_item_id),
  })
  const updates: { id: string; quantity: number; previous: number }[] = []
  for (const release of releases) {
    let left = release.quantity
    for (const reservation of reservations) {
      if (
        left <= 0 ||
        reservation.line_item_id !== release.line_item_id ||
        reservation.inventory_item_id !== release.inventory_item_id ||
        reservation.location_id !== release.location_id
      ) {
        continue
      }
      const current = toNumber(reservation.quantity)
      const take = Math.min(left, current)
      updates.push({
        id: reservation.id,
        quantity: current - take,
        previous: current,
      })
      left -= take
    }
  }
  const toDelete = updates.filter((u) => u.quantity === 0)
  const toUpdate = updates.filter((u) => u.quantity > 0)
  const deleted = reservations.filter((r) =>
    toDelete.some((u) => u.id === r.id)
  )
  if (toUpdate.length) {
    await inventoryModule.updateReservationItems(
      toUpdate.map(({ id, quantity }) => ({ id, quantity }))
    )
  }
  if (toDelete.length) {
    await inventoryModule.deleteReservationItems(toDelete.map((u) => u.id))
  }
  return {
    updated: toUpdate.map(({ id, previous }) => ({ id, quantity: previous })),
    deleted: deleted.map((r) => ({
      line_item_id: r.line_item_id,
      inventory_item_id: r.inventory_item_id,
      location_id: r.location_id,
      quantity: toNumber(r.quantity),
      allow_backorder: r.allow_backorder ?? undefined,
      description: r.description,
      metadata: r.metadata,
    })),
  }
}

async function restoreReservations(
  container: MedusaContainer,
  undo: ReleaseUndo | undefined
) {
  if (!undo) {
    return
  }
  const inventoryModule = container.resolve(Modules.INVENTORY)
  if (undo.updated.length) {
    await inventoryModule.updateReservationItems(undo.updated)
  }
  if (undo.deleted.length) {
    await inventoryModule.createReservationItems(undo.deleted)
  }
}
