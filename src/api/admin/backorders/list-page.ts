import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService, {
  BackorderAggregateFilters,
} from "../../../modules/backorder/service"
import type { AdminBackorderListResponse } from "../../../types/http/backorders"
import { withPurchaseOrderNumbers } from "../../utils/purchase-order-numbers"

export type BackorderPageInput = {
  filters: BackorderAggregateFilters
  fields: string[]
  skip: number
  take: number
  order?: Record<string, "ASC" | "DESC">
}

/**
 * One page of the backorder list. The page's ids come from one indexed, sorted and limited
 * query; the rows with their linked records (customer, order, purchase order) from
 * `query.graph` by those ids. The count is exact up to `EXACT_COUNT_LIMIT` matching rows and
 * the planner's estimate above it (`count_estimated: true`): an exact `count(*)` of a
 * history tab reads every row of it (about 100 ms at a million backorders).
 */
export async function listBackorderPage(
  scope: MedusaContainer,
  { filters, fields, skip, take, order }: BackorderPageInput
): Promise<AdminBackorderListResponse> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const backorderModule: BackorderModuleService =
    scope.resolve(BACKORDER_MODULE)
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
  // A page that is not full is the end of the list: its rows give the exact count, from the
  // same read (the count query runs beside it and may see a row recorded in between).
  const count =
    ids.length < take && (ids.length > 0 || skip === 0)
      ? { count: skip + ids.length, estimated: false }
      : counted
  const { data } = ids.length
    ? await query.graph({ entity: "backorder", fields, filters: { id: ids } })
    : { data: [] as { id: string }[] }
  const position = new Map(ids.map((id, i) => [id, i]))
  return {
    backorders: withPurchaseOrderNumbers(
      scope,
      [...data].sort((a, b) => position.get(a.id)! - position.get(b.id)!)
    ) as AdminBackorderListResponse["backorders"],
    count: count.count,
    count_estimated: count.estimated,
    offset: skip,
    limit: take,
  }
}
