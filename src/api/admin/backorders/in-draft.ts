import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"

/**
 * Turns `in_draft` of the backorder list, its counts and supplier groups into an `id`
 * filter: `true` keeps the backorders on a draft purchase order or draft transfer, `false`
 * the others. Runs after the search, whose ids it narrows.
 */
export async function resolveInDraftFilter(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const params = req.validatedQuery as Record<string, unknown>
  if (params.in_draft === undefined) {
    return next()
  }
  const backorderModule: BackorderModuleService =
    req.scope.resolve(BACKORDER_MODULE)
  const inDraft = await backorderModule.listBackorderIdsInDraft()
  const wanted = params.in_draft === "true"
  const given =
    params.id === undefined ? null : ([params.id].flat() as string[])
  const drafts = new Set(inDraft)
  const id = given
    ? given.filter((id) => drafts.has(id) === wanted)
    : wanted
      ? inDraft
      : inDraft.length
        ? { $nin: inDraft }
        : undefined

  delete params.in_draft
  if (id === undefined) {
    delete params.id
  } else {
    params.id = id
  }
  if (req.filterableFields) {
    delete req.filterableFields.in_draft
    if (id === undefined) {
      delete req.filterableFields.id
    } else {
      req.filterableFields.id = id
    }
  }
  next()
}
