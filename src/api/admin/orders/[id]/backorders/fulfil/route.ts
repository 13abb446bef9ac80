import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { fulfilBackordersWorkflow } from "../../../../../../workflows/fulfilment/workflows/fulfil-backorders"
import { AdminFulfilBackordersType } from "../../../../backorders/validators"
import { withConflictMessages } from "../../../../../utils/errors"

/**
 * Packs the allocated units of the order's backorders through Medusa's fulfilment and
 * captures the balance due for them. With everything packed already it packs nothing and
 * answers with a message saying so.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminFulfilBackordersType>,
  res: MedusaResponse
) {
  const { result } = await fulfilBackordersWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      backorder_ids: req.validatedBody.backorder_ids,
      created_by: req.auth_context.actor_id,
    },
  })
  if (result.message) {
    res.json({ backorders: [], captured: 0, message: result.message })
    return
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: backorders } = await query.graph({
    entity: "backorder",
    fields: req.queryConfig.fields,
    filters: { id: result.fulfilled.map((f) => f.id) },
  })
  res.json({ backorders, captured: result.captured })
})
