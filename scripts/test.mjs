// `npm test [unit|modules|http|e2e|cluster ...] [-- jest args]`: starts the database (embedded
// PostgreSQL unless DATABASE_URL or DB_HOST is set) and, for the cluster tests, Redis; runs
// the Jest projects with Medusa's test runners, and stops both again. Exits with Jest's exit
// code.
import path from "node:path"
import { findChromium } from "./lib/chromium.mjs"
import { startDatabase, ROOT } from "./lib/database.mjs"
import { findRedisServer, startRedis } from "./lib/redis.mjs"
import { run } from "./lib/run.mjs"

const PROJECTS = ["unit", "modules", "http", "e2e", "cluster"]

const args = process.argv.slice(2)
const asked = args.filter((arg) => PROJECTS.includes(arg))
const jestArgs = args.filter((arg) => !PROJECTS.includes(arg))

// The browser tests need Debian's Chromium (`npm run e2e:install`). Without one they are left
// out with a notice, except in CI, where a missing browser is an error.
let projects = asked.length ? asked : PROJECTS
if (projects.includes("e2e") && !findChromium()) {
  if (process.env.CI || asked.includes("e2e")) {
    console.error(
      "No Chromium for the e2e tests: run `npm run e2e:install` or set CHROMIUM_PATH."
    )
    process.exit(1)
  }
  console.warn(
    "No Chromium found: the e2e tests are left out (`npm run e2e:install` installs one)."
  )
  projects = projects.filter((project) => project !== "e2e")
}

// The production-topology tests need Debian's redis-server (`npm run redis:install`); the
// same rule as for the browser.
if (projects.includes("cluster") && !findRedisServer()) {
  if (process.env.CI || asked.includes("cluster")) {
    console.error(
      "No redis-server for the cluster tests: run `npm run redis:install` or set REDIS_SERVER_PATH."
    )
    process.exit(1)
  }
  console.warn(
    "No redis-server found: the cluster tests are left out (`npm run redis:install` installs one)."
  )
  projects = projects.filter((project) => project !== "cluster")
}

// Quiet on stop: the run must end with the test count.
const db = await startDatabase({ database: "postgres", announceStop: false })
// Redis for the cluster tests only, under a name of its own: REDIS_URL would switch the
// HTTP tests' host to the Redis modules too.
const redis = projects.includes("cluster")
  ? await startRedis({ port: Number(process.env.CLUSTER_REDIS_PORT || 6390) })
  : null
let exitCode = 0
const stop = async (code) => {
  await redis?.stop()
  await db.stop()
  process.exit(code)
}
process.on("SIGINT", () => stop(130))
process.on("SIGTERM", () => stop(143))

try {
  await run(
    path.join(ROOT, "node_modules", ".bin", "jest"),
    [
      ...jestArgs,
      ...(process.env.CI ? ["--ci"] : []),
      // Last: --selectProjects takes every following word as a project name.
      "--selectProjects",
      ...projects,
    ],
    {
      env: {
        ...db.env,
        // Medusa's test runners create a database per test file; they read these.
        DATABASE_URL: "",
        NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"]
          .filter(Boolean)
          .join(" "),
        NODE_ENV: "test",
        MEDUSA_DISABLE_TELEMETRY: "true",
        LOG_LEVEL: process.env.LOG_LEVEL || "error",
        // No scheduled catch-up behind the in-process tests' backs (they call it directly).
        BACKORDER_CATCH_UP: "false",
        // Nor the other scheduled jobs, which the tests also run by hand.
        BACKORDER_SCHEDULED_JOBS: "false",
        CHROMIUM_PATH: findChromium() ?? "",
        CLUSTER_REDIS_URL: redis?.url ?? "",
      },
    }
  )
} catch (error) {
  exitCode = error.exitCode ?? 1
}
await stop(exitCode)
