// `npm run bench`: runs the benchmarks in bench/ against their own database and prints
// their numbers. Speed is measured here, never asserted in tests.
import { recreateDatabase, startDatabase } from "./lib/database.mjs"
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
let code = 0
try {
  await run(MEDUSA_BIN, ["db:migrate"], { env })
  await run(MEDUSA_BIN, ["exec", "./bench/allocation.ts"], { env })
  await run(MEDUSA_BIN, ["exec", "./bench/dashboard.ts"], { env })
} catch (error) {
  console.error(error.message)
  code = 1
}
await db.stop()
process.exit(code)
