import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { releaseAllocationWorkflow } from "../../../../../workflows/allocation/workflows/release-allocation"
import { defaultAdminBackorderFields } from "../../query-config"
import { AdminReleaseAllocationType } from "../../validators"
import { withConflictMessages } from "../../../../utils/errors"
import type { AdminReleaseAllocationResponse } from "../../../../../types/http/backorders"

/**
 * Releases allocated units of this backorder to another one (override), with a reason.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminReleaseAllocationType>,
  res: MedusaResponse<AdminReleaseAllocationResponse>
) {
  await releaseAllocationWorkflow(req.scope).run({
    input: {
      from_backorder_id: req.params.id,
      to_backorder_id: req.validatedBody.to_backorder_id,
      quantity: req.validatedBody.quantity,
      reason: req.validatedBody.reason,
      created_by: req.auth_context.actor_id,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "backorder",
    fields: defaultAdminBackorderFields,
    filters: { id: [req.params.id, req.validatedBody.to_backorder_id] },
  })
  res.json({
    from: data.find((b) => b.id === req.params.id)!,
    to: data.find((b) => b.id === req.validatedBody.to_backorder_id)!,
  })
})
