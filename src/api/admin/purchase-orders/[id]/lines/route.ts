import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { editPurchaseOrderLinesWorkflow } from "../../../../../workflows/purchasing/workflows/edit-purchase-order-lines"
import { requestStockWorkflow } from "../../../../../workflows/purchasing/workflows/request-stock"
import { refetchPurchaseOrders } from "../../helpers"
import { AdminEditPurchaseOrderLinesType } from "../../validators"
import { withConflictMessages } from "../../../../utils/errors"

/**
 * Edits a draft purchase order's lines: `add` variants, `update` quantities and costs,
 * `remove` lines no backorder depends on.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminEditPurchaseOrderLinesType>,
  res: MedusaResponse
) {
  const { add, update, remove } = req.validatedBody
  if (update?.length || remove?.length) {
    await editPurchaseOrderLinesWorkflow(req.scope).run({
      input: { id: req.params.id, update, remove },
    })
  }
  if (add?.length) {
    await requestStockWorkflow(req.scope).run({
      input: {
        purchase_order_id: req.params.id,
        lines: add,
        created_by: req.auth_context.actor_id,
      },
    })
  }
  const [purchase_order] = await refetchPurchaseOrders(
    req.scope,
    [req.params.id],
    req.queryConfig.fields
  )
  res.json({ purchase_order })
})
