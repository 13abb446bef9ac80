import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { completePurchaseOrderWorkflow } from "../../../../../workflows/purchasing/workflows/complete-purchase-order"
import { refetchPurchaseOrders } from "../../helpers"
import { AdminCompletePurchaseOrderType } from "../../validators"
import { withConflictMessages } from "../../../../utils/errors"
import type { AdminCompletePurchaseOrderResponse } from "../../../../../types/http/purchase-orders"

/**
 * Completes a purchase order: closes it and moves each line's unreceived remainder to a
 * follow-up purchase order or cancels it. Answers the closed purchase order and the
 * follow-up, if any.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminCompletePurchaseOrderType>,
  res: MedusaResponse<AdminCompletePurchaseOrderResponse>
) {
  const { result } = await completePurchaseOrderWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      ...req.validatedBody,
      completed_by: req.auth_context.actor_id,
    },
  })
  const ids = [result.purchase_order_id, result.follow_up_id].filter(
    (id): id is string => !!id
  )
  const [purchase_order, follow_up = null] = await refetchPurchaseOrders(
    req.scope,
    ids,
    req.queryConfig.fields
  )
  res.json({ purchase_order, follow_up })
})
