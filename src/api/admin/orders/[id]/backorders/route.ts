import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BackorderStatus } from "../../../../../types/enums"
import { AdminGetBackorderParamsType } from "../../../backorders/validators"
import { withConflictMessages } from "../../../../utils/errors"
import { withPurchaseOrderNumbers } from "../../../../utils/purchase-order-numbers"
import type { AdminOrderBackordersResponse } from "../../../../../types/http/backorders"

/**
 * The backorder lines of one order, with the order-level view ERPAG shows: `backordered`
 * ("No quantity") until every open line is available, then `available`; `fulfilled` once
 * all are packed; `none` without backorders.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<unknown, AdminGetBackorderParamsType>,
  res: MedusaResponse<AdminOrderBackordersResponse>
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  await query.graph(
    { entity: "order", fields: ["id"], filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  const { data: backorders } = await query.graph({
    entity: "backorder",
    fields: req.queryConfig.fields,
    filters: { order_id: req.params.id },
    pagination: { order: { created_at: "ASC" } },
  })
  res.json({
    backorders: withPurchaseOrderNumbers(
      req.scope,
      backorders.map(withPaymentReminder)
    ),
    backorder_status: orderBackorderStatus(backorders),
  })
})

/**
 * What is still unpaid for a backorder, and the reminder SaleDock shows when one was
 * fulfilled before it was paid for.
 */
function withPaymentReminder<
  T extends {
    status?: BackorderStatus
    unit_price?: unknown
    quantity?: unknown
    cancelled_quantity?: unknown
    paid_amount?: unknown
    refunded_amount?: unknown
  },
>(backorder: T) {
  if (backorder.unit_price === undefined || backorder.unit_price === null) {
    return backorder
  }
  const value =
    Number(backorder.unit_price) *
    (Number(backorder.quantity) - Number(backorder.cancelled_quantity ?? 0))
  const paid =
    Number(backorder.paid_amount ?? 0) - Number(backorder.refunded_amount ?? 0)
  const unpaid = Math.max(0, Math.round((value - paid) * 100) / 100)
  return {
    ...backorder,
    unpaid_amount: unpaid,
    payment_reminder:
      backorder.status === BackorderStatus.FULFILLED && unpaid > 0,
  }
}

function orderBackorderStatus(
  backorders: { status: BackorderStatus }[]
): AdminOrderBackordersResponse["backorder_status"] {
  const live = backorders.filter((b) => b.status !== BackorderStatus.CANCELLED)
  if (!live.length) {
    return backorders.length ? "cancelled" : "none"
  }
  if (live.every((b) => b.status === BackorderStatus.FULFILLED)) {
    return "fulfilled"
  }
  if (
    live.every(
      (b) =>
        b.status === BackorderStatus.AVAILABLE ||
        b.status === BackorderStatus.FULFILLED
    )
  ) {
    return "available"
  }
  return "backordered"
}
