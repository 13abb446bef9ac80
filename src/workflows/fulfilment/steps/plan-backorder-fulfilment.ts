import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { BackorderStatus, OPEN_BACKORDER_STATUSES } from "../../../types/enums"
import { roundAmount, toNumber } from "../../backorders/utils/money"

export type FulfilBackordersInput = {
  order_id: string
  /** Only these backorders of the order; all that have allocated units by default. */
  backorder_ids?: string[]
  created_by?: string
}

export type BackorderFulfilmentPlan = {
  order_id: string
  location_id: string
  shipping_option_id: string
  items: { id: string; quantity: number }[]
  backorders: {
    id: string
    quantity: number
    previous: {
      status: BackorderStatus
      fulfilled_quantity: number
      fulfilled_at: Date | null
      paid_amount: number
    }
    next: {
      status: BackorderStatus
      fulfilled_quantity: number
      paid_amount: number
    }
  }[]
  /** The balance to capture now for these units (by the sale's payment policy). */
  capture_amount: number
  payment_id: string | null
}

export const planBackorderFulfilmentStepId = "plan-backorder-fulfilment"

/**
 * This step works out a fulfilment of an order's backordered units: the allocated units not
 * packed yet, at the backorders' location, with a shipping option that serves it (the
 * order's own, or one of the location's), and the balance to capture for them. Backorders
 * with nothing allocated are refused, naming what still waits.
 */
export const planBackorderFulfilmentStep = createStep(
  planBackorderFulfilmentStepId,
  async (input: FulfilBackordersInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const backorders = await service.listBackorders({
      order_id: input.order_id,
      ...(input.backorder_ids ? { id: input.backorder_ids } : {}),
      status: OPEN_BACKORDER_STATUSES,
    })
    const missing = (input.backorder_ids ?? []).filter(
      (id) => !backorders.some((b) => b.id === id)
    )
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Order ${input.order_id} has no open backorder with id: ${missing.join(", ")}`
      )
    }
    const ready = backorders.filter(
      (b) => toNumber(b.allocated_quantity) > toNumber(b.fulfilled_quantity)
    )
    const notReady = (input.backorder_ids ? backorders : []).filter(
      (b) => !ready.includes(b)
    )
    if (!ready.length || notReady.length) {
      const first = notReady[0] ?? backorders[0]
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        first
          ? `Backorder ${first.id} has no allocated units to fulfil: ${
              toNumber(first.quantity) -
              toNumber(first.allocated_quantity) -
              toNumber(first.cancelled_quantity)
            } still wait for stock`
          : `Order ${input.order_id} has no backorders to fulfil`
      )
    }
    const locations = [...new Set(ready.map((b) => b.location_id))]
    if (locations.length > 1) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Backorders of order ${input.order_id} are at several locations (${locations.join(", ")}): fulfil one location at a time`
      )
    }

    const [{ data: orders }, { data: options }] = await Promise.all([
      query.graph({
        entity: "order",
        fields: [
          "id",
          "total",
          "shipping_methods.shipping_option_id",
          "payment_collections.payments.id",
          "payment_collections.payments.amount",
          "payment_collections.payments.captures.amount",
          "payment_collections.payments.canceled_at",
        ],
        filters: { id: input.order_id },
      }),
      query.graph({
        entity: "shipping_option",
        fields: ["id", "service_zone.fulfillment_set.location.id"],
      }),
    ])
    const order = orders[0]
    const servesLocation = (id: string | null | undefined) =>
      options.find(
        (o) =>
          o.id === id &&
          o.service_zone?.fulfillment_set?.location?.id === locations[0]
      )
    const shippingOption =
      (order?.shipping_methods ?? [])
        .map((m) => servesLocation(m?.shipping_option_id))
        .find(Boolean) ??
      options.find(
        (o) => o.service_zone?.fulfillment_set?.location?.id === locations[0]
      )
    if (!shippingOption) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `No shipping option serves stock location ${locations[0]}: create one to fulfil from it`
      )
    }

    const plan: BackorderFulfilmentPlan = {
      order_id: input.order_id,
      location_id: locations[0],
      shipping_option_id: shippingOption.id,
      items: ready.map((b) => ({
        id: b.line_item_id,
        quantity:
          toNumber(b.allocated_quantity) - toNumber(b.fulfilled_quantity),
      })),
      backorders: [],
      capture_amount: 0,
      payment_id: null,
    }
    const values = new Map<string, number>()
    for (const b of ready) {
      const quantity =
        toNumber(b.allocated_quantity) - toNumber(b.fulfilled_quantity)
      const remaining =
        toNumber(b.quantity) -
        toNumber(b.cancelled_quantity) -
        toNumber(b.fulfilled_quantity)
      const wanted = toNumber(b.quantity) - toNumber(b.cancelled_quantity)
      const value = roundAmount(toNumber(b.unit_price) * wanted)
      values.set(b.id, value)
      const unpaid = Math.max(
        0,
        value - (toNumber(b.paid_amount) - toNumber(b.refunded_amount))
      )
      const capture =
        service.getOptions().captureBalanceOn === "fulfilled" && remaining > 0
          ? roundAmount((unpaid * quantity) / remaining)
          : 0
      const fulfilled = toNumber(b.fulfilled_quantity) + quantity
      plan.capture_amount = roundAmount(plan.capture_amount + capture)
      plan.backorders.push({
        id: b.id,
        quantity,
        previous: {
          status: b.status,
          fulfilled_quantity: toNumber(b.fulfilled_quantity),
          fulfilled_at: b.fulfilled_at,
          paid_amount: toNumber(b.paid_amount),
        },
        next: {
          status: fulfilled >= wanted ? BackorderStatus.FULFILLED : b.status,
          fulfilled_quantity: fulfilled,
          paid_amount: roundAmount(toNumber(b.paid_amount) + capture),
        },
      })
    }

    // The balance is captured on the order's payment that still has authorized room.
    const payments = (order?.payment_collections ?? [])
      .flatMap((c) => c?.payments ?? [])
      .filter((p): p is NonNullable<typeof p> => !!p && !p.canceled_at)
    const room = (p: (typeof payments)[number]) =>
      toNumber(p.amount) -
      (p.captures ?? []).reduce((sum, c) => sum + toNumber(c?.amount), 0)
    // Packing the order's last backordered units settles the whole order (ERPAG: invoiced,
    // "paid"), including in-stock units a deposit did not fully cover.
    const lastOnes = backorders.every(
      (b) =>
        ready.includes(b) &&
        toNumber(b.allocated_quantity) + toNumber(b.cancelled_quantity) >=
          toNumber(b.quantity)
    )
    if (
      service.getOptions().captureBalanceOn === "fulfilled" &&
      lastOnes &&
      input.backorder_ids === undefined
    ) {
      plan.capture_amount = roundAmount(
        payments.reduce((sum, p) => sum + Math.max(0, room(p)), 0)
      )
      for (const b of plan.backorders) {
        b.next.paid_amount = Math.max(
          b.previous.paid_amount,
          values.get(b.id) ?? 0
        )
      }
    }
    const payment = payments.find((p) => room(p) >= plan.capture_amount)
    plan.payment_id = plan.capture_amount > 0 ? (payment?.id ?? null) : null
    if (plan.capture_amount > 0 && !payment) {
      // Nothing authorized to capture from: the balance stays due (shown as unpaid).
      plan.capture_amount = 0
      for (const b of plan.backorders) {
        b.next.paid_amount = b.previous.paid_amount
      }
    }
    return new StepResponse(plan)
  }
)
