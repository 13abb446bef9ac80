import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { cancelTransferWorkflow } from "../../../../../workflows/transfers/workflows/cancel-transfer"
import { withConflictMessages } from "../../../../utils/errors"
import { refetchTransfer } from "../../helpers"
import type { AdminTransferResponse } from "../../../../../types/http/transfers"

/** Cancels a transfer not fully received: units in transit go back to the source. */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminTransferResponse>
) {
  await cancelTransferWorkflow(req.scope).run({ input: { id: req.params.id } })
  const transfer = await refetchTransfer(
    req.scope,
    req.params.id,
    req.queryConfig.fields
  )
  res.json({ transfer })
})
