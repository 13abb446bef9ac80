import { BigNumberInput } from "@medusajs/framework/types"
import BackorderModuleService from "../../../modules/backorder/service"
import { toNumber } from "../../shared/money"
import { ShortageCandidate } from "./shortages"

export type ShortageCheckUndo = {
  created: string[]
  updated: { id: string; checked_quantity: number; short_quantity: number }[]
}

/**
 * Records that the candidates' reserved units were checked, and how many were short: one
 * check per order line, created or moved forward. Returns what undoes it.
 */
export async function saveShortageChecks(
  backorderModule: BackorderModuleService,
  orderId: string,
  candidates: ShortageCandidate[],
  shortages: Map<string, number>,
  existing: Map<
    string,
    {
      id: string
      checked_quantity: BigNumberInput
      short_quantity: BigNumberInput
    }
  >
): Promise<ShortageCheckUndo> {
  const toCreate = candidates.filter((c) => !existing.has(c.line_item_id))
  const toUpdate = candidates.filter((c) => existing.has(c.line_item_id))
  const created = toCreate.length
    ? await backorderModule.createShortageChecks(
        toCreate.map((c) => ({
          order_id: orderId,
          line_item_id: c.line_item_id,
          inventory_item_id: c.inventory_item_id,
          location_id: c.location_id,
          checked_quantity: c.quantity,
          short_quantity: shortages.get(c.line_item_id) ?? 0,
        }))
      )
    : []
  const updated = toUpdate.map((c) => {
    const check = existing.get(c.line_item_id)!
    return {
      id: check.id,
      checked_quantity: toNumber(check.checked_quantity),
      short_quantity: toNumber(check.short_quantity),
      next: {
        id: check.id,
        checked_quantity: Math.max(
          c.quantity,
          toNumber(check.checked_quantity)
        ),
        short_quantity:
          toNumber(check.short_quantity) + (shortages.get(c.line_item_id) ?? 0),
      },
    }
  })
  if (updated.length) {
    await backorderModule.updateShortageChecks(updated.map((u) => u.next))
  }
  return {
    created: created.map((c) => c.id),
    updated: updated.map(({ next: _next, ...previous }) => previous),
  }
}

/** Undoes `saveShortageChecks`: deletes the checks it created, restores the ones it moved. */
export async function revertShortageChecks(
  backorderModule: BackorderModuleService,
  undo: ShortageCheckUndo | undefined
) {
  if (!undo) {
    return
  }
  if (undo.created.length) {
    await backorderModule.deleteShortageChecks(undo.created)
  }
  if (undo.updated.length) {
    await backorderModule.updateShortageChecks(undo.updated)
  }
}
