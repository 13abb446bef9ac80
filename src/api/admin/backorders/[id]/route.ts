import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AdminGetBackorderParamsType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"

export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<unknown, AdminGetBackorderParamsType>,
  res: MedusaResponse
) {
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
