import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITING_BACKORDER_STATUSES } from "../../types/enums"
import { toNumber } from "../backorders/utils/money"

/**
 * Medusa's own fulfilment (the admin's "Fulfill items", any API client) must not pack units
 * that were sold without stock and have not been allocated yet: that would take them off a
 * shelf they are not on and drive `stocked_quantity` below zero. Medusa's fulfilment workflow
 * has no validation hook, so this runs on `fulfillmentCreated` and throws, which rolls the
 * whole fulfilment back (stock, reservations, fulfilment).
 */
createOrderFulfillmentWorkflow.hooks.fulfillmentCreated(
  async ({ fulfillment }, { container }) => {
    const lineItemIds = (fulfillment.items ?? [])
      .map((item) => item.line_item_id)
      .filter((id): id is string => !!id)
    if (!lineItemIds.length) {
      return new StepResponse(void 0)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: backorders } = await query.graph({
      entity: "backorder",
      fields: [
        "id",
        "order_id",
        "line_item_id",
        "quantity",
        "allocated_quantity",
        "cancelled_quantity",
      ],
      filters: {
        line_item_id: lineItemIds,
        status: WAITING_BACKORDER_STATUSES,
      },
    })
    if (!backorders.length) {
      return new StepResponse(void 0)
    }
    const { data: orders } = await query.graph({
      entity: "order",
      // Asking for a total makes the order module load the items' quantities.
      fields: [
        "id",
        "total",
        "items.id",
        "items.quantity",
        "items.detail.fulfilled_quantity",
      ],
      filters: { id: [...new Set(backorders.map((b) => b.order_id))] },
    })
    for (const backorder of backorders) {
      const item = orders
        .flatMap((o) => o.items ?? [])
        .find((i) => i?.id === backorder.line_item_id)
      if (!item) {
        continue
      }
      const waiting =
        toNumber(backorder.quantity) -
        toNumber(backorder.allocated_quantity) -
        toNumber(backorder.cancelled_quantity)
      const allowed = toNumber(item.quantity) - waiting
      const fulfilled = toNumber(item.detail?.fulfilled_quantity)
      if (fulfilled > allowed) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Order line ${item.id}: ${waiting} of its units are backordered and not allocated yet (backorder ${backorder.id}); at most ${allowed} can be fulfilled, not ${fulfilled}`
        )
      }
    }
    return new StepResponse(void 0)
  }
)
