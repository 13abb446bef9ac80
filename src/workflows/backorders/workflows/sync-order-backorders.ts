import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { OPEN_BACKORDER_STATUSES } from "../../../types/enums"
import { toNumber } from "../../shared/money"
import { cancelBackordersWorkflow } from "./cancel-backorders"
import { recordOrderBackordersWorkflow } from "./record-order-backorders"

export const syncOrderBackordersWorkflowId = "sync-order-backorders"

/**
 * This workflow brings an order's backorders in line with the order after a confirmed order
 * edit: units added without stock are recorded, and backordered units of lines that were
 * removed or reduced are cancelled (Medusa has already re-reserved the edited lines and
 * settles the payment difference of the edit itself).
 */
export const syncOrderBackordersWorkflow = createWorkflow(
  syncOrderBackordersWorkflowId,
  (input: WorkflowData<{ order_id: string }>) => {
    recordOrderBackordersWorkflow.runAsStep({
      input: { order_id: input.order_id },
    })

    const { data: orders } = useQueryGraphStep({
      entity: "order",
      // Asking for a total makes the order module load the items' quantities.
      fields: ["id", "total", "items.id", "items.quantity"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "edited-order" })
    const { data: backorders } = useQueryGraphStep({
      entity: "backorder",
      fields: [
        "id",
        "line_item_id",
        "quantity",
        "cancelled_quantity",
        "fulfilled_quantity",
      ],
      filters: { order_id: input.order_id, status: OPEN_BACKORDER_STATUSES },
    }).config({ name: "open-backorders" })

    const excess = transform(
      { orders, backorders },
      ({ orders, backorders }) => {
        const quantities = new Map<string, number>()
        for (const item of orders[0].items ?? []) {
          if (item) {
            quantities.set(item.id, toNumber(item.quantity))
          }
        }
        return backorders
          .map((backorder) => {
            const wanted = quantities.get(backorder.line_item_id) ?? 0
            const kept =
              toNumber(backorder.quantity) -
              toNumber(backorder.cancelled_quantity)
            const open = kept - toNumber(backorder.fulfilled_quantity)
            return { id: backorder.id, quantity: Math.min(open, kept - wanted) }
          })
          .filter((c) => c.quantity > 0)
      }
    )

    when(
      "cancel-removed-units",
      { excess },
      ({ excess }) => !!excess.length
    ).then(() => {
      cancelBackordersWorkflow.runAsStep({
        input: {
          backorders: excess,
          reason: "Order edit removed the units",
          refund: false,
          release_reservations: false,
        },
      })
    })

    return new WorkflowResponse(excess)
  }
)
