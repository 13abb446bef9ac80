import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  orderBackorderStatus,
  withPaymentReminder,
} from "../../../../../modules/backorder/utils/order-backorders"
import { withPurchaseOrderNumbers } from "../../../../utils/purchase-order-numbers"
import type { AdminOrderBackordersResponse } from "../../../../../types/http/backorders"

/**
 * The backorder lines of one order (oldest first, with the given fields, each with what is
 * unpaid and its payment reminder and its purchase orders' numbers) and the order-level
 * status; an unknown order is refused with a 404.
 */
export async function retrieveOrderBackorders(
  scope: MedusaContainer,
  orderId: string,
  fields: string[]
): Promise<AdminOrderBackordersResponse> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  await query.graph(
    { entity: "order", fields: ["id"], filters: { id: orderId } },
    { throwIfKeyNotFound: true }
  )
  const { data: backorders } = await query.graph({
    entity: "backorder",
    // The order's status and what is unpaid come from these, whatever fields were asked.
    fields: [...new Set([...fields, ...FIGURES])],
    filters: { order_id: orderId },
    pagination: { order: { created_at: "ASC" } },
  })
  return {
    backorders: withPurchaseOrderNumbers(
      scope,
      backorders.map(withPaymentReminder)
    ),
    backorder_status: orderBackorderStatus(backorders),
  }
}

/** The fields `orderBackorderStatus` and `withPaymentReminder` work from. */
const FIGURES = [
  "status",
  "unit_price",
  "quantity",
  "cancelled_quantity",
  "paid_amount",
  "refunded_amount",
]
