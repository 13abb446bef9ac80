import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { generatePurchaseOrderDocumentWorkflow } from "../../../../../workflows/purchasing/workflows/generate-purchase-order-document"
import { withConflictMessages } from "../../../../utils/errors"
import type { AdminPurchaseOrderDocumentResponse } from "../../../../../types/http/purchase-orders"

/** Renders the purchase order as a PDF, stores it through the File module, answers the file. */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminPurchaseOrderDocumentResponse>
) {
  const { result } = await generatePurchaseOrderDocumentWorkflow(req.scope).run(
    { input: { id: req.params.id } }
  )
  res.json({ file: result })
})
