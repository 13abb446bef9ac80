import { Cluster, startCluster } from "../integration-tests/cluster/harness"
import { createItem, mapLimited, sale } from "../integration-tests/cluster/shop"

/** Sales per run and the parallel clients of each run: `BENCH_CLUSTER_SALES=60`, `BENCH_CLUSTER_CONCURRENCY=10,30`. */
const SALES = Number(process.env.BENCH_CLUSTER_SALES ?? 60)
const CONCURRENCY = (process.env.BENCH_CLUSTER_CONCURRENCY ?? "10,30")
  .split(",")
  .map(Number)

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ]
}

/**
 * `npm run bench`: parallel POS to-order sales of one item across the two servers of the
 * production topology (built host, Redis event bus, workflow engine and locking; see
 * `integration-tests/cluster/harness.ts`). Each sale is sent once, without retrying: a 409
 * is a sale that lost the lock race and counts as such. A quarter of the sales find stock.
 * Prints the latency percentiles and the number of 409s per concurrency, next to the same
 * number of Medusa's own draft orders (create + convert) of a like item with the same stock,
 * sent the same way, and the ratio of the p95s.
 *
 * The `medusa exec` container is not used: the sales go through the servers' HTTP API.
 */
export default async function benchClusterSales() {
  let cluster: Cluster | undefined
  try {
    cluster = await startCluster()
    const c = cluster
    console.log(
      "operation      sales  parallel  ok  409  other  p50_ms  p95_ms  max_ms  per_s  p95_ratio"
    )
    for (const concurrency of CONCURRENCY) {
      // The same item twice, the same stock: one sold by the plugin, one by Medusa's own
      // draft orders (create + convert), each request to the two servers in turn.
      const item = await createItem(
        c,
        `bench-${concurrency}`,
        Math.floor(SALES / 4)
      )
      const drafted = await createItem(
        c,
        `bench-draft-${concurrency}`,
        Math.floor(SALES / 4)
      )
      const plugin = await parallel(concurrency, (i) =>
        sale(c, c.admin[i % 2], item)
      )
      const medusa = await parallel(concurrency, async (i) => {
        const admin = c.admin[i % 2]
        const created = await admin.post("/admin/draft-orders", {
          customer_id: c.store.customerId,
          region_id: c.store.regionId,
          sales_channel_id: c.store.webChannelId,
          items: [{ variant_id: drafted.variantId, quantity: 1 }],
        })
        if (created.status !== 200) {
          return created
        }
        return admin.post(
          `/admin/draft-orders/${created.data.draft_order.id}/convert-to-order`,
          {}
        )
      })
      for (const [label, run] of [
        ["to-order sale", plugin],
        ["draft+convert", medusa],
      ] as const) {
        console.log(
          [
            label.padEnd(13),
            String(SALES).padStart(5),
            String(concurrency).padStart(8),
            String(run.ok).padStart(3),
            String(run.conflicts).padStart(4),
            String(SALES - run.ok - run.conflicts).padStart(6),
            run.p50.toFixed(0).padStart(6),
            run.p95.toFixed(0).padStart(6),
            run.max.toFixed(0).padStart(6),
            run.perSecond.toFixed(1).padStart(5),
            run === plugin
              ? `${(plugin.p95 / medusa.p95).toFixed(2)}x`.padStart(9)
              : "",
          ].join("  ")
        )
      }
    }
  } finally {
    await cluster?.stop()
  }
}

/** `SALES` requests, `concurrency` at a time, each sent once: their statuses and latencies. */
async function parallel(
  concurrency: number,
  send: (i: number) => Promise<{ status: number }>
) {
  const statuses: number[] = []
  const latencies: number[] = []
  const started = Date.now()
  await mapLimited(
    Array.from({ length: SALES }, (_, i) => i),
    concurrency,
    async (i) => {
      const sent = process.hrtime.bigint()
      const res = await send(i)
      latencies.push(Number(process.hrtime.bigint() - sent) / 1e6)
      statuses.push(res.status)
    }
  )
  const seconds = (Date.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    ok: statuses.filter((s) => s === 200).length,
    conflicts: statuses.filter((s) => s === 409).length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies[latencies.length - 1],
    perSecond: SALES / seconds,
  }
}
