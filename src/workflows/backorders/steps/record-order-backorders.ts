import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { BackorderSource, PaymentPolicy } from "../../../types/enums"
import { roundAmount } from "../utils/money"
import {
  findShortages,
  ShortageCandidate,
  uniquePairs,
} from "../utils/shortages"
import { withLock } from "../../utils/locking"

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

export const recordOrderBackordersStepId = "record-order-backorders"

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
    const pairs = uniquePairs(candidates)
    const lockKeys = [...new Set(pairs.map((p) => p.inventory_item_id))]

    const result = await withLock(container, lockKeys, async () => {
      const shortages = await findShortages(
        inventoryModule,
        backorderModule,
        candidates
      )
      const itemsById = new Map(
        input.order.items.map((item) => [item.id, item])
      )
      const toCreate: { candidate: ShortageCandidate; short: number }[] = []
      const toGrow: { id: string; quantity: number; previous: number }[] = []
      for (const candidate of candidates) {
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
      return { created: created.map((b) => b.id), grown: toGrow }
    })

    return new StepResponse(
      { created_ids: result.created, grown_ids: result.grown.map((g) => g.id) },
      { createdIds: result.created, grown: result.grown }
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
  }
)

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
      recorded: existing ? existing.quantity - existing.cancelled_quantity : 0,
    })
  }
  return candidates
}
