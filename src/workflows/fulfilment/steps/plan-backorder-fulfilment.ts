import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { BackorderStatus, OPEN_BACKORDER_STATUSES } from "../../../types/enums"
import { toNumber } from "../../shared/money"

export type FulfilBackordersInput = {
  order_id: string
  /** Only these backorders of the order; all that have allocated units by default. */
  backorder_ids?: string[]
  created_by?: string
  /**
   * Pack only the allocated units, not the in-stock units held back with them (a dropship
   * the supplier delivered: the held-back units are still in the shop).
   */
  allocated_only?: boolean
}

export type BackorderFulfilmentPlan = {
  order_id: string
  location_id: string | null
  shipping_option_id: string | null
  /** The order lines and units to pack; empty when nothing is left to pack. */
  items: { id: string; quantity: number }[]
  backorder_ids: string[]
  /** Why nothing is packed, when nothing is. */
  message: string | null
}

export const planBackorderFulfilmentStepId = "plan-backorder-fulfilment"

/**
 * This step works out a fulfilment of an order's backordered units: the allocated units not
 * packed yet, with the units of the same lines that were held back in stock to go out with
 * them (POSitive's "hold back"), at the backorders' location, with a shipping option that
 * serves it (the order's own, or one of the location's). Backorders with nothing allocated
 * are refused, naming what still waits; when everything is packed already, the plan is empty
 * and says so.
 */
export const planBackorderFulfilmentStep = createStep(
  planBackorderFulfilmentStepId,
  async (input: FulfilBackordersInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const backorders = await service.listBackorders({
      order_id: input.order_id,
      ...(input.backorder_ids ? { id: input.backorder_ids } : {}),
      status: [...OPEN_BACKORDER_STATUSES, BackorderStatus.FULFILLED],
    })
    if (!backorders.length) {
      const { data: orders } = await query.graph({
        entity: "order",
        fields: ["id"],
        filters: { id: input.order_id },
      })
      if (!orders.length) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Order with id: ${input.order_id} was not found`
        )
      }
    }
    const missing = (input.backorder_ids ?? []).filter(
      (id) => !backorders.some((b) => b.id === id)
    )
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Order ${input.order_id} has no open backorder with id: ${missing.join(", ")}`
      )
    }
    const open = backorders.filter(
      (b) => b.status !== BackorderStatus.FULFILLED
    )
    const ready = open.filter(
      (b) => toNumber(b.allocated_quantity) > toNumber(b.fulfilled_quantity)
    )
    const notReady = (input.backorder_ids ? open : []).filter(
      (b) => !ready.includes(b)
    )
    if (!ready.length && !open.length && backorders.length) {
      return new StepResponse<BackorderFulfilmentPlan>({
        order_id: input.order_id,
        location_id: null,
        shipping_option_id: null,
        items: [],
        backorder_ids: [],
        message: `Order ${input.order_id} has nothing left to pack: its backorders are fulfilled`,
      })
    }
    if (!ready.length || notReady.length) {
      const first = notReady[0] ?? open[0]
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
        // Asking for a total makes the order module load the items' quantities.
        fields: [
          "id",
          "total",
          "items.id",
          "items.quantity",
          "items.metadata",
          "items.detail.fulfilled_quantity",
          "shipping_methods.shipping_option_id",
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

    return new StepResponse<BackorderFulfilmentPlan>({
      order_id: input.order_id,
      location_id: locations[0],
      shipping_option_id: shippingOption.id,
      items: ready.map((b) => {
        const item = (order?.items ?? []).find((i) => i?.id === b.line_item_id)
        const allocated =
          toNumber(b.allocated_quantity) - toNumber(b.fulfilled_quantity)
        // In-stock units held back for this line go out with its arriving units.
        const heldBack =
          !input.allocated_only && item?.metadata?.hold_back
            ? Math.max(
                0,
                toNumber(item.quantity) -
                  toNumber(b.quantity) -
                  (toNumber(item.detail?.fulfilled_quantity) -
                    toNumber(b.fulfilled_quantity))
              )
            : 0
        return { id: b.line_item_id, quantity: allocated + heldBack }
      }),
      backorder_ids: ready.map((b) => b.id),
      message: null,
    })
  }
)
