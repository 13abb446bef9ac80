import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { sendPurchaseOrderToSupplierWorkflow } from "../../../../../workflows/purchasing/workflows/send-purchase-order-to-supplier"
import { withConflictMessages } from "../../../../utils/errors"
import { refetchPurchaseOrders } from "../../helpers"
import { AdminSendPurchaseOrderToSupplierType } from "../../validators"
import type { AdminSendPurchaseOrderToSupplierResponse } from "../../../../../types/http/purchase-orders"

/**
 * Emails the purchase order's PDF to the supplier (or `to`) through the Notification module
 * and records the sending on the purchase order.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminSendPurchaseOrderToSupplierType>,
  res: MedusaResponse<AdminSendPurchaseOrderToSupplierResponse>
) {
  const { result: dispatch } = await sendPurchaseOrderToSupplierWorkflow(
    req.scope
  ).run({
    input: {
      id: req.params.id,
      to: req.validatedBody.to,
      note: req.validatedBody.note,
      sent_by: req.auth_context.actor_id,
    },
  })
  const [purchase_order] = await refetchPurchaseOrders(
    req.scope,
    [req.params.id],
    req.queryConfig.fields
  )
  res.json({
    // What JSON makes of the date anyway, said in the type.
    purchase_order_dispatch: {
      ...dispatch,
      sent_at: new Date(dispatch.sent_at).toISOString(),
    },
    purchase_order,
  })
})
