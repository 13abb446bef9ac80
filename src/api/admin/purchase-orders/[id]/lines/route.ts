import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { editPurchaseOrderLinesWorkflow } from "../../../../../workflows/purchasing/workflows/edit-purchase-order-lines"
import { refetchPurchaseOrders } from "../../helpers"
import { AdminEditPurchaseOrderLinesType } from "../../validators"
import { withConflictMessages } from "../../../../utils/errors"
import type { AdminPurchaseOrderResponse } from "../../../../../types/http/purchase-orders"

/**
 * Edits a draft purchase order's lines: `add` variants, `update` quantities and costs,
 * `remove` lines no backorder depends on; all or nothing.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminEditPurchaseOrderLinesType>,
  res: MedusaResponse<AdminPurchaseOrderResponse>
) {
  await editPurchaseOrderLinesWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      ...req.validatedBody,
      created_by: req.auth_context.actor_id,
    },
  })
  const [purchase_order] = await refetchPurchaseOrders(
    req.scope,
    [req.params.id],
    req.queryConfig.fields
  )
  res.json({ purchase_order })
})
