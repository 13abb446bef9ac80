import { BigNumberInput } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { BackorderSource, PaymentPolicy } from "../../../types/enums"
import { roundAmount, toNumber } from "../../shared/money"
import {
  findShortages,
  ShortageCandidate,
  uniquePairs,
} from "../utils/shortages"
import { withLock } from "../../shared/locking"

export type RecordOrderBackordersStepInput = {
  order: {
    id: string
    customer_id: string | null
    sales_channel_id: string | null
    currency_code: string
    items: {
      id: string
      variant_id: string | null
      product_id: string | null
      title: string
      variant_sku: string | null
      quantity: number
      total: number
    }[]
  }
  reservations: {
    line_item_id: string | null
    inventory_item_id: string
    location_id: string
    quantity: number
    created_at: Date | string
  }[]
  existing: {
    id: string
    line_item_id: string
    location_id: string
    quantity: number
    cancelled_quantity: number
  }[]
  supplier_ids: Record<string, string>
  source: BackorderSource
}

export const recordOrderBackordersStepId = "record-order-backorders-step"

/**
 * This step records the units of an order that Medusa reserved without stock (a storefront
 * checkout of a variant that allows backorder, a converted draft order, an order edit that
 * added units) as backorders, at the location Medusa reserved from. Under the inventory item
 * lock it compares, per item and location, the reserved units not on the shelf with the units
 * already waiting on backorders, and hands the difference to this order's lines: a unit is
 * never recorded twice, and running it again for the same order records nothing new.
 */
export const recordOrderBackordersStep = createStep(
  recordOrderBackordersStepId,
  async (input: RecordOrderBackordersStepInput, { container }) => {
    const inventoryModule = container.resolve(Modules.INVENTORY)
    const backorderModule: BackorderModuleService =
      container.resolve(BACKORDER_MODULE)

    const candidates = buildCandidates(input)
    if (!candidates.length) {
      return new StepResponse(
        { created_ids: [] as string[], grown_ids: [] as string[] },
        null
      )
    }
    const lockKeys = candidates.map((c) => c.inventory_item_id)

    const result = await withLock(container, lockKeys, async () => {
      // Read inside the lock: another instance may have checked these lines meanwhile.
      const fresh = await backorderModule.listShortageChecks(
        { line_item_id: candidates.map((c) => c.line_item_id) },
        { select: ["id", "line_item_id", "checked_quantity", "short_quantity"] }
      )
      const checks = new Map(fresh.map((c) => [c.line_item_id, c]))
      const open = candidates
        .map((c) => {
          const check = checks.get(c.line_item_id)
          return check ? { ...c, checked: toNumber(check.checked_quantity) } : c
        })
        .filter((c) => c.quantity > c.checked)
      const shortages = await findShortages(
        inventoryModule,
        backorderModule,
        open
      )
      const itemsById = new Map(
        input.order.items.map((item) => [item.id, item])
      )
      const toCreate: { candidate: ShortageCandidate; short: number }[] = []
      const toGrow: { id: string; quantity: number; previous: number }[] = []
      for (const candidate of open) {
        const short = shortages.get(candidate.line_item_id)
        if (!short) {
          continue
        }
        const existing = input.existing.find(
          (b) => b.line_item_id === candidate.line_item_id
        )
        if (existing) {
          toGrow.push({
            id: existing.id,
            quantity: existing.quantity + short,
            previous: existing.quantity,
          })
        } else {
          toCreate.push({ candidate, short })
        }
      }
      const created = toCreate.length
        ? await backorderModule.createBackorders(
            toCreate.map(({ candidate, short }) => {
              const item = itemsById.get(candidate.line_item_id)!
              return {
                source: input.source,
                order_id: input.order.id,
                line_item_id: item.id,
                customer_id: input.order.customer_id,
                sales_channel_id: input.order.sales_channel_id,
                product_id: item.product_id,
                variant_id: item.variant_id!,
                inventory_item_id: candidate.inventory_item_id,
                location_id: candidate.location_id,
                supplier_id: input.supplier_ids[item.variant_id!] ?? null,
                sku: item.variant_sku,
                title: item.title,
                quantity: short,
                // Storefront checkout pays for the whole order; the payment is authorized
                // and captured the way the merchant captures any order.
                payment_policy: PaymentPolicy.PAY_NOW,
                currency_code: input.order.currency_code,
                unit_price: roundAmount(item.total / item.quantity),
              }
            })
          )
        : []
      if (toGrow.length) {
        await backorderModule.updateBackorders(
          toGrow.map(({ id, quantity }) => ({ id, quantity }))
        )
      }
      const checked = await saveShortageChecks(
        backorderModule,
        input.order.id,
        open,
        shortages,
        checks
      )
      return { created: created.map((b) => b.id), grown: toGrow, checked }
    })

    return new StepResponse(
      { created_ids: result.created, grown_ids: result.grown.map((g) => g.id) },
      {
        createdIds: result.created,
        grown: result.grown,
        checks: result.checked,
      }
    )
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    const backorderModule: BackorderModuleService =
      container.resolve(BACKORDER_MODULE)
    if (data.createdIds.length) {
      await backorderModule.deleteBackorders(data.createdIds)
    }
    if (data.grown.length) {
      await backorderModule.updateBackorders(
        data.grown.map(({ id, previous }) => ({ id, quantity: previous }))
      )
    }
    await revertShortageChecks(backorderModule, data.checks)
  }
)

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

/**
 * One candidate per order line reserved at one location of one inventory item. Lines of
 * inventory kits (several items per line) and lines without a reservation are left out.
 */
function buildCandidates(
  input: RecordOrderBackordersStepInput
): ShortageCandidate[] {
  const byLine = new Map<
    string,
    RecordOrderBackordersStepInput["reservations"]
  >()
  for (const reservation of input.reservations) {
    if (!reservation.line_item_id) {
      continue
    }
    const list = byLine.get(reservation.line_item_id) ?? []
    list.push(reservation)
    byLine.set(reservation.line_item_id, list)
  }

  const candidates: ShortageCandidate[] = []
  for (const item of input.order.items) {
    const reservations = byLine.get(item.id) ?? []
    const pairs = uniquePairs(reservations)
    if (pairs.length !== 1 || !item.variant_id) {
      continue
    }
    const existing = input.existing.find((b) => b.line_item_id === item.id)
    if (existing && existing.location_id !== pairs[0].location_id) {
      continue
    }
    candidates.push({
      line_item_id: item.id,
      ...pairs[0],
      quantity: reservations.reduce((sum, r) => sum + r.quantity, 0),
      // The line's shortage check, read under the lock, replaces this; a line recorded
      // before checks existed counts what its backorder holds as checked.
      checked: existing ? existing.quantity - existing.cancelled_quantity : 0,
      reserved_at: new Date(
        Math.max(...reservations.map((r) => new Date(r.created_at).getTime()))
      ),
    })
  }
  return candidates
}
