import { Tabs } from "@medusajs/ui"
import type { AdminBackorderCountsResponse } from "../../../types/http/backorders"
import {
  BACKORDER_TABS,
  BackorderTab,
} from "../../hooks/table/use-backorder-table-query"
import { BACKORDER_STATUS } from "../../lib/format"

const tabLabel = (tab: BackorderTab) =>
  tab === "all"
    ? "All"
    : tab === "requested"
      ? "Requested"
      : BACKORDER_STATUS[tab].label

/** A tab's count: the New tab leaves out the backorders on a draft (the Requested tab). */
function tabCount(counts: AdminBackorderCountsResponse, tab: BackorderTab) {
  switch (tab) {
    case "all":
      return { count: counts.total, estimated: counts.estimated.length > 0 }
    case "new":
      return {
        count: counts.counts.new - counts.new_in_draft,
        estimated: counts.estimated.includes("new"),
      }
    case "requested":
      return { count: counts.new_in_draft, estimated: false }
    default:
      return {
        count: counts.counts[tab],
        estimated: counts.estimated.includes(tab),
      }
  }
}

/** The status tabs of the backorder list, each with how many backorders it holds. */
export function BackorderStatusTabs({
  tab,
  counts,
  onChange,
}: {
  tab: BackorderTab
  counts: AdminBackorderCountsResponse | undefined
  onChange: (tab: BackorderTab) => void
}) {
  return (
    <div className="overflow-x-auto px-6 py-2">
      <Tabs
        value={tab}
        onValueChange={(value) => onChange(value as BackorderTab)}
      >
        <Tabs.List>
          {BACKORDER_TABS.map((t) => {
            const count = counts ? tabCount(counts, t) : null
            return (
              <Tabs.Trigger
                key={t}
                value={t}
                data-testid={`backorder-tab-${t}`}
              >
                {tabLabel(t)}
                <span className="text-ui-fg-muted ml-1.5 tabular-nums">
                  {count ? `${count.estimated ? "~" : ""}${count.count}` : ""}
                </span>
              </Tabs.Trigger>
            )
          })}
        </Tabs.List>
        {/* The tab's panel is the table below; this names it for screen readers. */}
        <Tabs.Content value={tab} className="sr-only">
          {tabLabel(tab)} backorders are listed below.
        </Tabs.Content>
      </Tabs>
    </div>
  )
}
