import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { BACKORDER_MODULE } from "../../../../modules/backorder"
import BackorderModuleService from "../../../../modules/backorder/service"
import { AdminGetBackorderAggregatesParamsType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"

/**
 * How many backorders match the filters in each status, for the tabs of the list.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<
    unknown,
    AdminGetBackorderAggregatesParamsType
  >,
  res: MedusaResponse
) {
  const backorderModule: BackorderModuleService =
    req.scope.resolve(BACKORDER_MODULE)
  const counts = await backorderModule.countBackordersByStatus(
    req.validatedQuery
  )
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
  res.json({ counts, total })
})
