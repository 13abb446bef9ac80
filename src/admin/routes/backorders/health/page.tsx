import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useBackorderHealth } from "../../../hooks/backorders"
import {
  ageInDays,
  BACKORDER_STATUS,
  formatMoney,
  formatPercent,
} from "../../../lib/format"
import type { BackorderHealth } from "../../../lib/types"
import { OPEN_BACKORDER_STATUSES } from "../../../../types/enums"
import { RequirePermission } from "../../../components/access-denied"

// The status colours of the chart, from Medusa UI's tag palette.
const BAR_CLASS: Record<string, string> = {
  new: "bg-ui-tag-orange-icon",
  on_order: "bg-ui-tag-blue-icon",
  partially_available: "bg-ui-tag-purple-icon",
  available: "bg-ui-tag-green-icon",
}

/**
 * Backorder health: what is open and for how long, what it is worth in deposits, how much
 * of what was backordered has been filled, which promises are already late and what nobody
 * has ordered yet.
 */
const BackorderHealthPage = () => {
  const { data, isLoading, isError, error } = useBackorderHealth()
  if (isError) {
    throw error
  }
  if (isLoading || !data) {
    return (
      <div className="flex flex-col gap-y-3">
        <Skeleton className="h-28 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    )
  }
  const health = data.health
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="px-6 py-4">
        <Heading>Backorder health</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Open backorders, their age, deposits held and how well they are being
          filled.
        </Text>
      </Container>
      <div
        className="grid grid-cols-2 gap-3 lg:grid-cols-4"
        data-testid="health-figures"
      >
        <Figure
          label="Open backorders"
          value={health.open_count}
          link="/backorders?open=true"
          hint="New, on order, partly available or stock available: not yet fulfilled or cancelled."
        />
        <Figure
          label="Units waiting for stock"
          value={health.waiting_quantity}
          hint="Units of the open backorders not yet allocated (short, minus allocated and cancelled)."
        />
        <Figure
          label="Promise date passed"
          value={health.late_count}
          tone={health.late_count ? "error" : undefined}
          link="/backorders?late=true"
          hint="Backorders still waiting for stock whose promise date is in the past."
        />
        <Figure
          label="Not ordered yet"
          value={health.without_purchase_order_count}
          link="/backorders?status=new"
          hint="New backorders on no purchase order or transfer, draft included. Those on a draft are under Requested in the list until it is sent."
        />
        <Figure
          label="Fill rate (90 days)"
          value={formatPercent(health.fill_rate)}
          hint="Units allocated of the units backordered (less cancelled) on backorders created in the last 90 days. A supplier's fill rate below counts units received of units ordered on its purchase orders sent in the last 90 days that have had a delivery (units moved to a follow-up count there)."
        />
        <Figure
          label="Oldest open"
          value={
            health.oldest_open_at
              ? `${ageInDays(health.oldest_open_at)} days`
              : "-"
          }
        />
        <Figure
          label="Deposits held"
          value={
            health.deposits_held.length
              ? health.deposits_held
                  .map((d) => formatMoney(d.amount, d.currency_code))
                  .join(" · ")
              : "None"
          }
        />
      </div>
      <AgeChart health={health} />
      <SupplierFillRates health={health} />
    </div>
  )
}

const Figure = ({
  label,
  value,
  link,
  tone,
  hint,
}: {
  label: string
  value: string | number
  link?: string
  tone?: "error"
  /** Exactly what the figure counts. */
  hint?: string
}) => (
  <Container
    className="flex flex-col gap-y-1 px-6 py-4"
    data-testid="health-figure"
  >
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text
      size="xlarge"
      weight="plus"
      className={`tabular-nums ${tone === "error" ? "text-ui-fg-error" : ""}`}
    >
      {link ? (
        <Link
          to={link}
          className="text-ui-fg-base underline underline-offset-2"
        >
          {value}
        </Link>
      ) : (
        value
      )}
    </Text>
    {hint && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {hint}
      </Text>
    )}
  </Container>
)

/** Open backorders per age bucket, stacked by status. */
const AgeChart = ({ health }: { health: BackorderHealth }) => {
  const buckets = [...new Set(health.age_buckets.map((b) => b.bucket))]
  const totals = buckets.map((bucket) =>
    health.age_buckets
      .filter((b) => b.bucket === bucket)
      .reduce((sum, b) => sum + b.count, 0)
  )
  const max = Math.max(1, ...totals)
  return (
    <Container
      className="flex flex-col gap-y-4 px-6 py-4"
      data-testid="age-chart"
    >
      <div className="flex items-center justify-between">
        <Heading level="h2">Open backorders by age</Heading>
        <div className="flex gap-x-3">
          {OPEN_BACKORDER_STATUSES.map((status) => (
            <div key={status} className="flex items-center gap-x-1.5">
              <span className={`h-2 w-2 rounded-sm ${BAR_CLASS[status]}`} />
              <Text size="xsmall" className="text-ui-fg-subtle">
                {BACKORDER_STATUS[status].label}
              </Text>
            </div>
          ))}
        </div>
      </div>
      <div
        className="flex flex-col gap-y-3"
        role="img"
        aria-label="Open backorders by age in days"
      >
        {buckets.map((bucket, index) => (
          <div
            key={bucket}
            className="grid grid-cols-[96px_1fr_40px] items-center gap-x-3"
          >
            <Text size="small" className="text-ui-fg-subtle">
              {bucket} days
            </Text>
            <div className="bg-ui-bg-component flex h-6 overflow-hidden rounded">
              {OPEN_BACKORDER_STATUSES.map((status) => {
                const count =
                  health.age_buckets.find(
                    (b) => b.bucket === bucket && b.status === status
                  )?.count ?? 0
                return count ? (
                  <div
                    key={status}
                    className={BAR_CLASS[status]}
                    style={{ width: `${(count / max) * 100}%` }}
                    title={`${BACKORDER_STATUS[status].label}: ${count}`}
                  />
                ) : null
              })}
            </div>
            <Text size="small" className="text-right tabular-nums">
              {totals[index]}
            </Text>
          </div>
        ))}
      </div>
    </Container>
  )
}

/**
 * Received over ordered units per supplier, from its purchase orders sent in the last 90
 * days that have arrived.
 */
const SupplierFillRates = ({ health }: { health: BackorderHealth }) => (
  <Container className="flex flex-col gap-y-4 px-6 py-4">
    <Heading level="h2">Supplier fill rate, last 90 days</Heading>
    {!health.supplier_fill_rates.length ? (
      <Text size="small" className="text-ui-fg-muted">
        No purchase order sent in the last 90 days has been received yet.
      </Text>
    ) : (
      health.supplier_fill_rates.map((s) => (
        <div
          key={s.supplier_id}
          className="grid grid-cols-[160px_1fr_120px] items-center gap-x-3"
        >
          <Text size="small">{s.supplier_name ?? s.supplier_id}</Text>
          <div className="bg-ui-bg-component h-3 overflow-hidden rounded">
            <div
              className="bg-ui-tag-green-icon h-3"
              style={{ width: `${Math.min(1, s.fill_rate) * 100}%` }}
            />
          </div>
          <Text size="small" className="text-right tabular-nums">
            {formatPercent(s.fill_rate)} ({s.received_quantity}/
            {s.ordered_quantity})
          </Text>
        </div>
      ))
    )}
  </Container>
)

export const config = defineRouteConfig({
  label: "Health",
})

export const handle = { breadcrumb: () => "Backorder health" }

const GuardedBackorderHealthPage = () => (
  <RequirePermission permission="backorder:read">
    <BackorderHealthPage />
  </RequirePermission>
)

export default GuardedBackorderHealthPage
