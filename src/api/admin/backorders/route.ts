import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { BackorderAggregateFilters } from "../../../modules/backorder/service"
import { AdminGetBackordersParamsType } from "./validators"
import { listBackorderPage } from "./list-page"
import { withConflictMessages } from "../../utils/errors"
import type { AdminBackorderListResponse } from "../../../types/http/backorders"

export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminGetBackordersParamsType>,
  res: MedusaResponse<AdminBackorderListResponse>
) {
  const { skip = 0, take = 20, order } = req.queryConfig.pagination
  res.json(
    await listBackorderPage(req.scope, {
      filters: req.filterableFields as BackorderAggregateFilters,
      fields: req.queryConfig.fields,
      skip,
      take,
      order: order as Record<string, "ASC" | "DESC"> | undefined,
    })
  )
})
