import { BackorderStatus, OPEN_BACKORDER_STATUSES } from "../../../types/enums"
import type { BackorderListQuery } from "../backorders"
import { useUrlTable } from "../url-state"

/**
 * The tabs of the backorder list. `new` holds the backorders nobody has requested yet;
 * `requested` those still `new` but on a draft purchase order or draft transfer (not sent).
 */
export const BACKORDER_TABS = [
  "all",
  BackorderStatus.NEW,
  "requested",
  BackorderStatus.ON_ORDER,
  BackorderStatus.PARTIALLY_AVAILABLE,
  BackorderStatus.AVAILABLE,
  BackorderStatus.FULFILLED,
  BackorderStatus.CANCELLED,
] as const
export type BackorderTab = (typeof BACKORDER_TABS)[number]

/** The list filters kept in the URL as they are sent. */
export const BACKORDER_LIST_FILTERS = [
  "supplier_id",
  "location_id",
  "customer_id",
  "source",
] as const
export const DATE_OPERATORS = ["$gte", "$lte", "$gt", "$lt"] as const

/** What a tab asks the list for: its status, and for the two "new" tabs the draft filter. */
export function tabQuery(tab: BackorderTab): BackorderListQuery {
  switch (tab) {
    case "all":
      return {}
    case BackorderStatus.NEW:
      return { status: BackorderStatus.NEW, in_draft: "false" }
    case "requested":
      return { status: BackorderStatus.NEW, in_draft: "true" }
    default:
      return { status: tab }
  }
}

/**
 * The backorder list's state read from the URL: the tab, the filters shared by the list,
 * the tab counts and the supplier groups, and the page's own query.
 */
export function useBackorderTableQuery({ pageSize }: { pageSize: number }) {
  const table = useUrlTable({ pageSize, defaultOrder: "-created_at" })
  const { url, offset, order, q } = table
  const asked = url.get("status") ?? "all"
  const tab = (BACKORDER_TABS as readonly string[]).includes(asked)
    ? (asked as BackorderTab)
    : "all"

  const filters: BackorderListQuery = {}
  for (const key of BACKORDER_LIST_FILTERS) {
    const values = url.getList(key)
    if (values.length) {
      filters[key] = values
    }
  }
  const createdAt: Record<string, string> = {}
  for (const op of DATE_OPERATORS) {
    const value = url.get(`created_at${op}`)
    if (value && !Number.isNaN(Date.parse(value))) {
      createdAt[op] = value
    }
  }
  if (Object.keys(createdAt).length) {
    filters.created_at = createdAt
  }
  if (q) {
    filters.q = q
  }
  const lateOnly = url.get("late") === "true"
  if (lateOnly) {
    filters.late = "true"
  }
  // "Open only" (the Health page's open backorders): every status but fulfilled and cancelled.
  const openOnly = url.get("open") === "true"

  /** The filters with the tab's own: what the list, the export and the groups show. */
  const tabFilters: BackorderListQuery = {
    ...filters,
    ...(tab === "all" && openOnly
      ? { status: [...OPEN_BACKORDER_STATUSES] }
      : tabQuery(tab)),
  }

  return {
    ...table,
    tab,
    filters,
    tabFilters,
    lateOnly,
    openOnly,
    groupBySupplier: url.get("group") === "supplier",
    listQuery: { ...tabFilters, limit: pageSize, offset, order },
  }
}
