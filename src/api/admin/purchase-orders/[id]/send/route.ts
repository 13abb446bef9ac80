import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { sendPurchaseOrderWorkflow } from "../../../../../workflows/purchasing/workflows/send-purchase-order"
import { refetchPurchaseOrders } from "../../helpers"
import { AdminSendPurchaseOrderType } from "../../validators"
import { withConflictMessages } from "../../../../utils/errors"
import type { AdminPurchaseOrderResponse } from "../../../../../types/http/purchase-orders"

/** Sends / marks a draft purchase order as ordered. */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminSendPurchaseOrderType>,
  res: MedusaResponse<AdminPurchaseOrderResponse>
) {
  await sendPurchaseOrderWorkflow(req.scope).run({
    input: { id: req.params.id, expected_at: req.validatedBody.expected_at },
  })
  const [purchase_order] = await refetchPurchaseOrders(
    req.scope,
    [req.params.id],
    req.queryConfig.fields
  )
  res.json({ purchase_order })
})
