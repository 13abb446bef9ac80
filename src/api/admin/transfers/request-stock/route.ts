import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { requestTransferWorkflow } from "../../../../workflows/transfers/workflows/request-transfer"
import { withConflictMessages } from "../../../utils/errors"
import { refetchTransfer } from "../helpers"
import { AdminRequestTransferType } from "../validators"
import type { AdminTransferResponse } from "../../../../types/http/transfers"

/**
 * Requests stock for backorders from another own location: a new draft transfer, or the
 * units added to an open draft (`transfer_id`).
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminRequestTransferType>,
  res: MedusaResponse<AdminTransferResponse>
) {
  const { result } = await requestTransferWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  const transfer = await refetchTransfer(
    req.scope,
    result,
    req.queryConfig.fields
  )
  res.json({ transfer })
})
