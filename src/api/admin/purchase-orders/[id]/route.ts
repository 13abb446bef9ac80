import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { refetchPurchaseOrders } from "../helpers"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
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
}
