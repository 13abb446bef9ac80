// `npm run bench`: runs the benchmarks in bench/ against their own database and prints
// their numbers. Speed is measured here, never asserted in tests.
import { startDatabase } from "./lib/database.mjs"
import { MEDUSA_BIN, run } from "./lib/run.mjs"

const db = await startDatabase({ database: "medusa_backorders_bench" })
const env = {
  ...db.env,
  MEDUSA_DISABLE_TELEMETRY: "true",
  LOG_LEVEL: "error",
  MEDUSA_DISABLE_ADMIN: "true",
}
let code = 0
try {
  await run(MEDUSA_BIN, ["db:migrate"], { env })
  await run(MEDUSA_BIN, ["exec", "./bench/allocation.ts"], { env })
} catch (error) {
  console.error(error.message)
  code = 1
}
await db.stop()
process.exit(code)
