import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { selectAndRequestStockWorkflow } from "../../../../workflows/purchasing/workflows/select-and-request-stock"
import { refetchPurchaseOrders } from "../helpers"
import { AdminRequestStockType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"
import type {
  AdminRequestStockPreviewResponse,
  AdminRequestStockResponse,
} from "../../../../types/http/purchase-orders"

/**
 * Requests stock for backorders: new draft purchase orders (one per supplier and
 * destination), or the units added to an open draft. With all_open_backorders_of_supplier,
 * every new backorder of the supplier that is not on order yet is pulled in. With
 * skip_unavailable, backorders that cannot be ordered are left out and answered in `skipped`
 * (why, in names and numbers). With preview, nothing changes: the answer is what would be
 * created or added to (`preview.purchase_orders`).
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminRequestStockType>,
  res: MedusaResponse<
    AdminRequestStockResponse | AdminRequestStockPreviewResponse
  >
) {
  const { result } = await selectAndRequestStockWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  const skipped = result.skipped ? { skipped: result.skipped } : {}
  if (result.preview) {
    res.json({ preview: { purchase_orders: result.preview }, ...skipped })
    return
  }
  const purchase_orders = result.purchase_order_ids.length
    ? await refetchPurchaseOrders(
        req.scope,
        result.purchase_order_ids,
        req.queryConfig.fields
      )
    : []
  res.json({ purchase_orders, ...skipped })
})
