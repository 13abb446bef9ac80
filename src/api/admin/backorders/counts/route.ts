import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { BACKORDER_MODULE } from "../../../../modules/backorder"
import BackorderModuleService from "../../../../modules/backorder/service"
import { AdminGetBackorderAggregatesParamsType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"
import type { AdminBackorderCountsResponse } from "../../../../types/http/backorders"

/**
 * How many backorders match the filters in each status, for the tabs of the list. A closed
 * status (history) with more than `EXACT_COUNT_LIMIT` rows is counted by the planner's
 * estimate and named in `estimated`.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<
    unknown,
    AdminGetBackorderAggregatesParamsType
  >,
  res: MedusaResponse<AdminBackorderCountsResponse>
) {
  const backorderModule: BackorderModuleService =
    req.scope.resolve(BACKORDER_MODULE)
  const { counts, estimated } = await backorderModule.countBackorderTabs(
    req.validatedQuery
  )
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
  res.json({ counts, total, estimated })
})
