import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { cancelPurchaseOrderWorkflow } from "../../../../../workflows/purchasing/workflows/cancel-purchase-order"
import { refetchPurchaseOrders } from "../../helpers"
import { withConflictMessages } from "../../../../utils/errors"
import type { AdminPurchaseOrderResponse } from "../../../../../types/http/purchase-orders"

/** Cancels a purchase order nothing was received on yet. */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminPurchaseOrderResponse>
) {
  await cancelPurchaseOrderWorkflow(req.scope).run({
    input: { id: req.params.id },
  })
  const [purchase_order] = await refetchPurchaseOrders(
    req.scope,
    [req.params.id],
    req.queryConfig.fields
  )
  res.json({ purchase_order })
})
