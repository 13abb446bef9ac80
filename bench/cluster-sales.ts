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
 * Prints the latency percentiles and the number of 409s per concurrency.
 *
 * The `medusa exec` container is not used: the sales go through the servers' HTTP API.
 */
export default async function benchClusterSales() {
  let cluster: Cluster | undefined
  try {
    cluster = await startCluster()
    console.log(
      "sales  parallel  ok  409  other  p50_ms  p95_ms  max_ms  sales_per_s"
    )
    for (const concurrency of CONCURRENCY) {
      const item = await createItem(
        cluster,
        `bench-${concurrency}`,
        Math.floor(SALES / 4)
      )
      const statuses: number[] = []
      const latencies: number[] = []
      const started = Date.now()
      await mapLimited(
        Array.from({ length: SALES }, (_, i) => i),
        concurrency,
        async (i) => {
          const sent = process.hrtime.bigint()
          const res = await sale(cluster!, cluster!.admin[i % 2], item)
          latencies.push(Number(process.hrtime.bigint() - sent) / 1e6)
          statuses.push(res.status)
        }
      )
      const seconds = (Date.now() - started) / 1000
      latencies.sort((a, b) => a - b)
      const ok = statuses.filter((s) => s === 200).length
      const conflicts = statuses.filter((s) => s === 409).length
      console.log(
        [
          String(SALES).padStart(5),
          String(concurrency).padStart(8),
          String(ok).padStart(3),
          String(conflicts).padStart(4),
          String(SALES - ok - conflicts).padStart(6),
          percentile(latencies, 50).toFixed(0).padStart(6),
          percentile(latencies, 95).toFixed(0).padStart(6),
          latencies[latencies.length - 1].toFixed(0).padStart(6),
          (SALES / seconds).toFixed(1).padStart(11),
        ].join("  ")
      )
    }
  } finally {
    await cluster?.stop()
  }
}
