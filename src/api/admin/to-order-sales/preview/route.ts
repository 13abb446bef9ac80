import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { previewToOrderSaleWorkflow } from "../../../../workflows/backorders/workflows/create-to-order-sale"
import { AdminToOrderSaleType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"
import type { AdminToOrderSalePreviewResponse } from "../../../../types/http/to-order-sales"

/**
 * What a to-order sale would do, without doing it: the shortage warning before confirming.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminToOrderSaleType>,
  res: MedusaResponse<AdminToOrderSalePreviewResponse>
) {
  const { result } = await previewToOrderSaleWorkflow(req.scope).run({
    input: req.validatedBody,
  })
  res.status(200).json({ preview: result })
})
