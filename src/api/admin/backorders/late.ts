import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { WAITING_BACKORDER_STATUSES } from "../../../types/enums"

/**
 * Turns `late=true` of the backorder list, its counts and supplier groups into filters:
 * units still waiting and a promise date already past (and `res.locals.lateStatuses`, the
 * statuses a late backorder can have).
 */
export function resolveLateFilter(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const params = req.validatedQuery as Record<string, unknown>
  if (params.late === undefined) {
    return next()
  }
  const asked = params.status === undefined ? null : [params.status].flat()
  const status = WAITING_BACKORDER_STATUSES.filter(
    (s) => !asked || asked.includes(s)
  )
  const filters = { status, promised_at: { $lt: new Date().toISOString() } }
  delete params.late
  // For the tab counts, which leave the status filter out: only these statuses can be late.
  res.locals.lateStatuses = WAITING_BACKORDER_STATUSES
  Object.assign(params, filters)
  if (req.filterableFields) {
    delete req.filterableFields.late
    Object.assign(req.filterableFields, filters)
  }
  next()
}
