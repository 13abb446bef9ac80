import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StoreGetBackordersParamsType } from "./validators"
import { withExpectedAt } from "./expected-at"
import { withConflictMessages } from "../../utils/errors"

/**
 * The logged-in customer's own backorders, newest first by default.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<StoreGetBackordersParamsType>,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: backorders, metadata } = await query.graph({
    entity: "backorder",
    fields: req.queryConfig.fields,
    filters: {
      ...req.filterableFields,
      customer_id: req.auth_context.actor_id,
    },
    pagination: {
      ...req.queryConfig.pagination,
      order: req.queryConfig.pagination.order ?? { created_at: "DESC" },
    },
  })
  res.json({
    backorders: await withExpectedAt(req.scope, backorders),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
})
