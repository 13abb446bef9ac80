import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { updatePurchaseOrderWorkflow } from "../../../../workflows/purchasing/workflows/update-purchase-order"
import { AdminUpdatePurchaseOrderType } from "../validators"
import { refetchPurchaseOrders } from "../helpers"
import { withConflictMessages } from "../../../utils/errors"
import type { AdminPurchaseOrderResponse } from "../../../../types/http/purchase-orders"

export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminPurchaseOrderResponse>
) {
  const [purchase_order] = await refetchPurchaseOrders(
    req.scope,
    [req.params.id],
    req.queryConfig.fields
  )
  if (!purchase_order) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Purchase order with id: ${req.params.id} was not found`
    )
  }
  res.json({ purchase_order })
})

/**
 * Changes the expected date, notes or supplier reference; a later ETA on a sent purchase
 * order moves the waiting backorders' promise dates and announces it.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminUpdatePurchaseOrderType>,
  res: MedusaResponse<AdminPurchaseOrderResponse>
) {
  await updatePurchaseOrderWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody },
  })
  const [purchase_order] = await refetchPurchaseOrders(
    req.scope,
    [req.params.id],
    req.queryConfig.fields
  )
  res.json({ purchase_order })
})
