import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AdminGetBackorderParamsType } from "../validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetBackorderParamsType>,
  res: MedusaResponse
) => {
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
}
