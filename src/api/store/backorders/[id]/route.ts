import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { StoreGetBackorderParamsType } from "../validators"
import { withExpectedAt } from "../expected-at"
import { withConflictMessages } from "../../../utils/errors"

/**
 * One of the logged-in customer's backorders. Another customer's backorder answers 404, the
 * same as one that does not exist.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<unknown, StoreGetBackorderParamsType>,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [backorder],
  } = await query.graph({
    entity: "backorder",
    fields: req.queryConfig.fields,
    filters: { id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  if (!backorder) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Backorder with id: ${req.params.id} was not found`
    )
  }
  const [answered] = await withExpectedAt(req.scope, [backorder])
  res.json({ backorder: answered })
})
