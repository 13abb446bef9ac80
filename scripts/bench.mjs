// `npm run bench`: runs the benchmarks in bench/ against their own database and prints
// their numbers. Speed is measured here, never asserted in tests. The parallel POS sales
// across two instances need Debian's redis-server (`npm run redis:install`); without one
// that benchmark is left out with a notice. `BENCH_ONLY=scale` (or a comma-separated list of
// allocation, scale, cluster) runs only those.
import {
  recreateDatabase,
  startDatabase,
  withServerClient,
} from "./lib/database.mjs"
import { findRedisServer, startRedis } from "./lib/redis.mjs"
import { MEDUSA_BIN, run } from "./lib/run.mjs"

// A fresh database of its own each run (on the same server, whatever DATABASE_URL names), so
// every run starts from the same empty tables.
const BENCH_DB = "medusa_backorders_bench"
const db = await startDatabase({ database: BENCH_DB })
await recreateDatabase(db.env, BENCH_DB)
const env = {
  ...db.env,
  DATABASE_URL: "",
  DB_NAME: BENCH_DB,
  MEDUSA_DISABLE_TELEMETRY: "true",
  LOG_LEVEL: "error",
  MEDUSA_DISABLE_ADMIN: "true",
}
const only = (process.env.BENCH_ONLY ?? "allocation,scale,cluster")
  .split(",")
  .map((name) => name.trim())
let code = 0
try {
  if (only.includes("allocation")) {
    await run(MEDUSA_BIN, ["db:migrate"], { env })
    await run(MEDUSA_BIN, ["exec", "./bench/allocation.ts"], { env })
  }
  if (only.includes("scale")) {
    // A million backorders and orders (BENCH_SCALE) in a database of their own.
    // `BENCH_SCALE_REUSE=1` keeps the scale database when it already holds the
    // BENCH_SCALE seeded backorders (migrations still run, so new indexes are built on
    // it), to iterate on the reads without seeding again; the default is a fresh run.
    const SCALE_DB = "medusa_backorders_bench_scale"
    const scale = Number(process.env.BENCH_SCALE ?? 1_000_000)
    const reuse =
      process.env.BENCH_SCALE_REUSE === "1" &&
      (await countSeededBackorders(db.env, SCALE_DB)) === scale
    if (reuse) {
      console.log(`Reusing ${SCALE_DB} (${scale} seeded backorders).`)
    } else {
      await recreateDatabase(db.env, SCALE_DB)
    }
    const scaleEnv = {
      ...env,
      DB_NAME: SCALE_DB,
      BENCH_SCALE_REUSED: reuse ? "1" : "",
    }
    await run(MEDUSA_BIN, ["db:migrate"], { env: scaleEnv })
    await run(MEDUSA_BIN, ["exec", "./bench/scale.ts"], { env: scaleEnv })
  }
  if (!only.includes("cluster")) {
    // Left out by BENCH_ONLY.
  } else if (findRedisServer()) {
    const redis = await startRedis({
      port: Number(process.env.CLUSTER_REDIS_PORT || 6390),
    })
    try {
      // Two built servers and a worker on this Redis, in a database of their own.
      await run(MEDUSA_BIN, ["exec", "./bench/cluster-sales.ts"], {
        env: {
          ...env,
          CLUSTER_REDIS_URL: redis.url,
          CLUSTER_DB_NAME: "medusa_backorders_bench_cluster",
          CLUSTER_BASE_PORT: process.env.CLUSTER_BASE_PORT || "9410",
        },
      })
    } finally {
      await redis.stop()
    }
  } else {
    console.warn(
      "No redis-server found: the cluster sales benchmark is left out (`npm run redis:install` installs one)."
    )
  }
} catch (error) {
  console.error(error.message)
  code = 1
}
await db.stop()
process.exit(code)

/** The backorders the scale benchmark seeded in `name`, 0 when it has none or is missing. */
async function countSeededBackorders(env, name) {
  try {
    return await withServerClient(
      env,
      async (client) => {
        const { rows } = await client.query(
          "SELECT count(*) AS n FROM backorder WHERE id LIKE 'bo\\_bench\\_%'"
        )
        return Number(rows[0].n)
      },
      name
    )
  } catch {
    return 0
  }
}
