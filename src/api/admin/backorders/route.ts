import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService, {
  BackorderAggregateFilters,
} from "../../../modules/backorder/service"
import { AdminGetBackordersParamsType } from "./validators"
import { withConflictMessages } from "../../utils/errors"

/**
 * One page of backorders. The page's ids come from one indexed, sorted and limited query;
 * the rows with their linked records from `query.graph` by those ids. The count is exact up
 * to `EXACT_COUNT_LIMIT` matching rows and the planner's estimate above it
 * (`count_estimated: true`): an exact `count(*)` of a history tab reads every row of it.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminGetBackordersParamsType>,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const backorderModule: BackorderModuleService =
    req.scope.resolve(BACKORDER_MODULE)
  const { skip = 0, take = 20, order } = req.queryConfig.pagination
  const filters = req.filterableFields as BackorderAggregateFilters

  const [page, counted] = await Promise.all([
    backorderModule.listBackorders(filters, {
      select: ["id"],
      skip,
      take,
      // Ties broken by id, so a page boundary never repeats or skips a row.
      order: { ...(order ?? { created_at: "DESC" }), id: "DESC" },
    }),
    backorderModule.countBackorderList(filters),
  ])
  const ids = page.map((b) => b.id)
  const { data } = ids.length
    ? await query.graph({
        entity: "backorder",
        fields: req.queryConfig.fields,
        filters: { id: ids },
      })
    : { data: [] }
  const position = new Map(ids.map((id, i) => [id, i]))
  const backorders = [...data].sort(
    (a, b) => position.get(a.id)! - position.get(b.id)!
  )

  res.json({
    backorders,
    count: counted.count,
    count_estimated: counted.estimated,
    offset: skip,
    limit: take,
  })
})
