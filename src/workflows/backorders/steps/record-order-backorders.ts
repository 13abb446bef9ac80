import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { BackorderSource } from "../../../types/enums"
import { toNumber } from "../../shared/money"
import {
  buildCandidates,
  newOrderBackorder,
  OrderToRecord,
  RecordedBackorder,
  ReservationToRecord,
  splitShortages,
} from "../utils/recording"
import { findShortages } from "../utils/shortages"
import { copyBackorderCustomers } from "./copy-backorder-customers"
import {
  revertShortageChecks,
  saveShortageChecks,
} from "../utils/shortage-checks"

export type RecordOrderBackordersStepInput = {
  order: OrderToRecord
  reservations: ReservationToRecord[]
  existing: RecordedBackorder[]
  supplier_ids: Record<string, string>
  source: BackorderSource
}

export const recordOrderBackordersStepId = "record-order-backorders-step"

/**
 * This step records the units of an order that Medusa reserved without stock (a storefront
 * checkout of a variant that allows backorder, a converted draft order, an order edit that
 * added units) as backorders, at the location Medusa reserved from. It compares, per item and
 * location, the reserved units not on the shelf with the units already waiting on backorders,
 * and hands the difference to this order's lines: a unit is never recorded twice, and running
 * it again for the same order records nothing new.
 *
 * The workflow holds the lock on the inventory item ids of the candidate lines (see
 * `buildCandidates` and `acquireWorkflowLock`) around this step; the step assumes it.
 */
export const recordOrderBackordersStep = createStep(
  recordOrderBackordersStepId,
  async (input: RecordOrderBackordersStepInput, { container }) => {
    const inventoryModule = container.resolve(Modules.INVENTORY)
    const backorderModule: BackorderModuleService =
      container.resolve(BACKORDER_MODULE)

    const candidates = buildCandidates(
      input.order,
      input.reservations,
      input.existing
    )
    if (!candidates.length) {
      return new StepResponse(
        { created_ids: [] as string[], grown_ids: [] as string[] },
        null
      )
    }
    // Read under the lock: another instance may have checked these lines meanwhile.
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
    const { toCreate, toGrow } = splitShortages(open, shortages, input.existing)
    const created = toCreate.length
      ? await backorderModule.createBackorders(
          toCreate.map(({ candidate, short }) =>
            newOrderBackorder({
              order: input.order,
              candidate,
              short,
              source: input.source,
              supplierIds: input.supplier_ids,
            })
          )
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
    await copyBackorderCustomers(
      container,
      created.map((b) => b.customer_id)
    )
    const createdIds = created.map((b) => b.id)

    return new StepResponse(
      { created_ids: createdIds, grown_ids: toGrow.map((g) => g.id) },
      { createdIds, grown: toGrow, checks: checked }
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
