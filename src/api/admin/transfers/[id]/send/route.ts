import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { sendTransferWorkflow } from "../../../../../workflows/transfers/workflows/send-transfer"
import { withConflictMessages } from "../../../../utils/errors"
import { refetchTransfer } from "../../helpers"
import type { AdminTransferResponse } from "../../../../../types/http/transfers"

/** Sends a draft transfer: the units leave the source and are in transit. */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminTransferResponse>
) {
  await sendTransferWorkflow(req.scope).run({ input: { id: req.params.id } })
  const transfer = await refetchTransfer(
    req.scope,
    req.params.id,
    req.queryConfig.fields
  )
  res.json({ transfer })
})
