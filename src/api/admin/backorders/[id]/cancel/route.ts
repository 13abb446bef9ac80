import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelBackordersWorkflow } from "../../../../../workflows/backorders/workflows/cancel-backorders"
import { AdminCancelBackorderType } from "../../validators"
import { withConflictMessages } from "../../../../utils/errors"
import type { AdminCancelBackorderResponse } from "../../../../../types/http/backorders"

/**
 * Cancels a backorder, or some of its units: frees its allocation, lowers the order line's
 * reservation and refunds what was paid for the cancelled units.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminCancelBackorderType>,
  res: MedusaResponse<AdminCancelBackorderResponse>
) {
  await cancelBackordersWorkflow(req.scope).run({
    input: {
      backorders: [{ id: req.params.id, quantity: req.validatedBody.quantity }],
      reason: req.validatedBody.reason,
      cancelled_by: req.auth_context.actor_id,
    },
  })

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [backorder],
  } = await query.graph(
    {
      entity: "backorder",
      fields: req.queryConfig.fields,
      filters: { id: req.params.id },
    },
    { throwIfKeyNotFound: true }
  )
  res.json({ backorder })
})
