import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toNumber } from "../utils/money"
import { withLock } from "../../utils/locking"

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
 * cancelled, so `reserved_quantity` keeps matching what is still wanted. It locks on the
 * inventory item ids, as Medusa's own reservation steps do. Its compensation puts the
 * reserved quantities back.
 */
export const releaseBackorderReservationsStep = createStep(
  releaseBackorderReservationsStepId,
  async (input: ReservationRelease[], { container }) => {
    const releases = input.filter((r) => r.quantity > 0)
    if (!releases.length) {
      return new StepResponse(void 0, null)
    }
    const inventoryModule = container.resolve(Modules.INVENTORY)
    const lockKeys = [...new Set(releases.map((r) => r.inventory_item_id))]

    const changed = await withLock(container, lockKeys, async () => {
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
      const deleted = toDelete.length
        ? await Promise.all(
            toDelete.map((u) => inventoryModule.retrieveReservationItem(u.id))
          )
        : []
      if (toUpdate.length) {
        await inventoryModule.updateReservationItems(
          toUpdate.map(({ id, quantity }) => ({ id, quantity }))
        )
      }
      if (toDelete.length) {
        await inventoryModule.deleteReservationItems(toDelete.map((u) => u.id))
      }
      return {
        updated: toUpdate.map(({ id, previous }) => ({
          id,
          quantity: previous,
        })),
        deleted: deleted.map((r) => ({
          line_item_id: r.line_item_id,
          inventory_item_id: r.inventory_item_id,
          location_id: r.location_id,
          quantity: toNumber(r.quantity),
          allow_backorder: r.allow_backorder,
          description: r.description,
          metadata: r.metadata,
        })),
      }
    })
    return new StepResponse(void 0, { ...changed, lockKeys })
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    const inventoryModule = container.resolve(Modules.INVENTORY)
    await withLock(container, data.lockKeys, async () => {
      if (data.updated.length) {
        await inventoryModule.updateReservationItems(data.updated)
      }
      if (data.deleted.length) {
        await inventoryModule.createReservationItems(data.deleted)
      }
    })
  }
)
