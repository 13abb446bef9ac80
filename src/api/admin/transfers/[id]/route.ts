import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { withConflictMessages } from "../../../utils/errors"
import { refetchTransfer } from "../helpers"
import type { AdminTransferResponse } from "../../../../types/http/transfers"

export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminTransferResponse>
) {
  const transfer = await refetchTransfer(
    req.scope,
    req.params.id,
    req.queryConfig.fields
  )
  res.json({ transfer })
})
