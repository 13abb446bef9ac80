import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { findShortages } from "../utils/shortages"
import {
  toOrderSaleBackorders,
  ToOrderSaleBackordersInput,
} from "../utils/to-order-sale"
import { saveShortageChecks } from "../utils/shortage-checks"

/** The sale's order with its lines, and how it is paid (see `ToOrderSaleBackordersInput`). */
export type ReserveToOrderSaleStepInput = ToOrderSaleBackordersInput & {
  order: ToOrderSaleBackordersInput["order"] & {
    items: {
      id: string
      variant_id: string
      product_id: string | null
      title: string
      variant_sku: string | null
      quantity: number
      total: number
    }[]
  }
}

export type ReserveToOrderSaleStepOutput = {
  backorder_ids: string[]
  /** Units sold short per order line. */
  shortages: Record<string, number>
  due_now: number
}

export const reserveToOrderSaleStepId = "reserve-to-order-sale"

/**
 * This step reserves every unit of a to-order sale at the shop (in-stock units as usual,
 * short units with `allow_backorder`, so they keep their place before later sales) and
 * records the short units as backorders. Parallel sales of the same variant see each other's
 * reservations: the stock on hand ships once and the rest is backordered. It also works out
 * what is due now under the sale's payment policy and each backorder's share of it.
 *
 * The workflow holds the lock on the sale's inventory item ids (the keys Medusa's own
 * reservation and fulfilment steps lock on) around this step, so reserving, reading the stock
 * figures and recording the backorders are one critical section: the next sale of the item
 * sees this sale's backorders. The step and its compensation assume the lock (see
 * `acquireWorkflowLock`: a compensation runs under the lock taken back).
 */
export const reserveToOrderSaleStep = createStep(
  reserveToOrderSaleStepId,
  async (input: ReserveToOrderSaleStepInput, { container }) => {
    const inventoryModule = container.resolve(Modules.INVENTORY)
    const backorderModule: BackorderModuleService =
      container.resolve(BACKORDER_MODULE)

    const managed = input.order.items.filter(
      (item) => input.inventory_item_ids[item.variant_id]
    )
    const reservations = managed.length
      ? await inventoryModule.createReservationItems(
          managed.map((item) => ({
            line_item_id: item.id,
            inventory_item_id: input.inventory_item_ids[item.variant_id],
            location_id: input.location_id,
            quantity: item.quantity,
            allow_backorder: true,
            description: "To-order sale",
          }))
        )
      : []
    const reservationIds = reservations.map((r) => r.id)
    // A failing step is not compensated: undo its reservations before rethrowing.
    try {
      const candidates = managed.map((item) => {
        const reservation = reservations.find(
          (r) => r.line_item_id === item.id
        )!
        return {
          line_item_id: item.id,
          inventory_item_id: input.inventory_item_ids[item.variant_id],
          location_id: input.location_id,
          quantity: item.quantity,
          checked: 0,
          reserved_at: new Date(reservation.created_at),
        }
      })
      const shortages = await findShortages(
        inventoryModule,
        backorderModule,
        candidates
      )
      const { dueNow, rows } = toOrderSaleBackorders(input, managed, shortages)
      // The backorders and the checks are independent writes: side by side. Should one of
      // them fail, what the other made is removed with the reservations below.
      const [createdBackorders, savedChecks] = await Promise.allSettled([
        rows.length ? backorderModule.createBackorders(rows) : [],
        saveShortageChecks(
          backorderModule,
          input.order.id,
          candidates,
          shortages,
          new Map()
        ),
      ])
      if (
        createdBackorders.status === "rejected" ||
        savedChecks.status === "rejected"
      ) {
        if (
          createdBackorders.status === "fulfilled" &&
          createdBackorders.value.length
        ) {
          await backorderModule.deleteBackorders(
            createdBackorders.value.map((b) => b.id)
          )
        }
        if (
          savedChecks.status === "fulfilled" &&
          savedChecks.value.created.length
        ) {
          await backorderModule.deleteShortageChecks(savedChecks.value.created)
        }
        throw createdBackorders.status === "rejected"
          ? createdBackorders.reason
          : (savedChecks as PromiseRejectedResult).reason
      }
      const backorders = createdBackorders.value
      const checks = savedChecks.value
      const output: ReserveToOrderSaleStepOutput = {
        backorder_ids: backorders.map((b) => b.id),
        shortages: Object.fromEntries(shortages),
        due_now: dueNow,
      }
      return new StepResponse(output, {
        reservationIds,
        backorderIds: output.backorder_ids,
        checkIds: checks.created,
      })
    } catch (error) {
      if (reservationIds.length) {
        await inventoryModule.deleteReservationItems(reservationIds)
      }
      throw error
    }
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    const backorderModule: BackorderModuleService =
      container.resolve(BACKORDER_MODULE)
    if (data.backorderIds.length) {
      await backorderModule.deleteBackorders(data.backorderIds)
    }
    if (data.checkIds.length) {
      await backorderModule.deleteShortageChecks(data.checkIds)
    }
    if (data.reservationIds.length) {
      const inventoryModule = container.resolve(Modules.INVENTORY)
      await inventoryModule.deleteReservationItems(data.reservationIds)
    }
  }
)
