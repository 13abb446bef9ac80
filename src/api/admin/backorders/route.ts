import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AdminGetBackordersParamsType } from "./validators"
import { withConflictMessages } from "../../utils/errors"

export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminGetBackordersParamsType>,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  const { data: backorders, metadata } = await query.graph({
    entity: "backorder",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })

  res.json({
    backorders,
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
})
