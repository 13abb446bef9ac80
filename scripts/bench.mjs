// `npm run bench`: runs the benchmarks in bench/ against their own database and prints
// their numbers. Speed is measured here, never asserted in tests. The benchmarks over HTTP
// against built servers (cluster, sales) need Debian's redis-server (`npm run
// redis:install`); without one they are left out with a notice. `BENCH_ONLY=scale` (or a
// comma-separated list of allocation, scale, cluster, sales) runs only those.
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
const only = (process.env.BENCH_ONLY ?? "allocation,scale,cluster,sales")
  .split(",")
  .map((name) => name.trim())
let code = 0
try {
  // Every `medusa exec` loads Medusa on this database, so it is migrated even for the
  // benchmarks over HTTP (which use a database of their own).
  if (only.some((name) => name !== "scale")) {
    await run(MEDUSA_BIN, ["db:migrate"], { env })
  }
  if (only.includes("allocation")) {
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
  // The benchmarks over HTTP against built servers on Redis (the production topology).
  const overHttp = ["cluster", "sales"].filter((name) => only.includes(name))
  if (overHttp.length && !findRedisServer()) {
    console.warn(
      `No redis-server found: ${overHttp.join(" and ")} left out (\`npm run redis:install\` installs one).`
    )
  } else if (overHttp.length) {
    const redis = await startRedis({
      port: Number(process.env.CLUSTER_REDIS_PORT || 6390),
    })
    const httpEnv = {
      ...env,
      CLUSTER_REDIS_URL: redis.url,
      CLUSTER_BASE_PORT: process.env.CLUSTER_BASE_PORT || "9410",
    }
    try {
      if (only.includes("cluster")) {
        // Two built servers and a worker on this Redis, in a database of their own.
        await run(MEDUSA_BIN, ["exec", "./bench/cluster-sales.ts"], {
          env: {
            ...httpEnv,
            CLUSTER_DB_NAME: "medusa_backorders_bench_cluster",
          },
        })
      }
      if (only.includes("sales")) {
        // To-order sales and checkouts next to Medusa's draft orders and plain checkouts.
        await run(MEDUSA_BIN, ["exec", "./bench/sales.ts"], {
          env: { ...httpEnv, CLUSTER_DB_NAME: "medusa_backorders_bench_sales" },
        })
      }
    } finally {
      await redis.stop()
    }
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
