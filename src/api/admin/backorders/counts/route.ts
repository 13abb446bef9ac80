import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { BACKORDER_MODULE } from "../../../../modules/backorder"
import BackorderModuleService from "../../../../modules/backorder/service"
import { AdminGetBackorderAggregatesParamsType } from "../validators"
import { BackorderStatus } from "../../../../types/enums"
import type { BackorderAggregateFilters } from "../../../../types/backorder-module"
import { withConflictMessages } from "../../../utils/errors"
import type { AdminBackorderCountsResponse } from "../../../../types/http/backorders"

/**
 * How many backorders match the filters in each status, for the tabs of the list. A closed
 * status (history) with more than `EXACT_COUNT_LIMIT` rows is counted by the planner's
 * estimate and named in `estimated`. `new_in_draft` counts the `new` backorders on a draft
 * purchase order or draft transfer: the list's Requested tab (`status=new&in_draft=true`);
 * its New tab (`in_draft=false`) holds the rest.
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
  const filters = req.validatedQuery as BackorderAggregateFilters
  const [tabs, inDraft] = await Promise.all([
    backorderModule.countBackorderTabs(filters),
    backorderModule.listBackorderIdsInDraft(),
  ])
  // The tabs leave the status filter out, but `late=true` admits only the waiting statuses
  // (see `resolveLateFilter`): a fulfilled or cancelled backorder whose promise date has
  // passed is not late, so the other tabs count none.
  const lateStatuses = res.locals.lateStatuses as BackorderStatus[] | undefined
  const { counts, estimated } = lateStatuses
    ? {
        counts: Object.fromEntries(
          Object.entries(tabs.counts).map(([status, count]) => [
            status,
            lateStatuses.includes(status as BackorderStatus) ? count : 0,
          ])
        ) as typeof tabs.counts,
        estimated: tabs.estimated.filter((s) => lateStatuses.includes(s)),
      }
    : tabs
  // Of the `new` ones, those on a draft purchase order or transfer (the Requested tab).
  const ids = inDraftOf(filters.id, inDraft)
  const newInDraft =
    counts.new && ids.length
      ? (
          await backorderModule.countBackorderList({
            ...filters,
            status: BackorderStatus.NEW,
            id: ids,
          })
        ).count
      : 0
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
  res.json({ counts, new_in_draft: newInDraft, total, estimated })
})

/** The draft-linked ids the filters' own `id` filter allows. */
function inDraftOf(
  id: BackorderAggregateFilters["id"],
  inDraft: string[]
): string[] {
  if (id === undefined) {
    return inDraft
  }
  if (typeof id === "object" && !Array.isArray(id)) {
    return inDraft.filter((draftId) => !id.$nin.includes(draftId))
  }
  const given = new Set([id].flat())
  return inDraft.filter((draftId) => given.has(draftId))
}
