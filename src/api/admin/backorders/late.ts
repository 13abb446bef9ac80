import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { WAITING_BACKORDER_STATUSES } from "../../../types/enums"

/**
 * Turns `late=true` of the backorder list, its counts and supplier groups into filters:
 * units still waiting and a promise date already past.
 */
export function resolveLateFilter(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
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
  Object.assign(params, filters)
  if (req.filterableFields) {
    delete req.filterableFields.late
    Object.assign(req.filterableFields, filters)
  }
  next()
}
