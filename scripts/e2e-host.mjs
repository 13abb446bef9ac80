// The development host for the browser tests, in a process of its own: a fresh database
// (E2E_DB_NAME on the server of DB_HOST/DB_PORT), migrations, the demo seed, then
// `medusa develop` on E2E_PORT. Prints `READY <url>` once the dashboard answers; SIGTERM
// stops Medusa. Output of Medusa goes to `.test-output/e2e-host.log`.
import fs from "node:fs"
import path from "node:path"
import { recreateDatabase, ROOT } from "./lib/database.mjs"
import { startHost } from "./lib/host.mjs"
import { MEDUSA_BIN, run } from "./lib/run.mjs"

const PORT = Number(process.env.E2E_PORT || 9100)
const DB_NAME = process.env.E2E_DB_NAME || "medusa_backorders_e2e"
const OUTPUT_DIR = path.join(ROOT, ".test-output")

fs.mkdirSync(OUTPUT_DIR, { recursive: true })
const LOG_NAME = process.env.E2E_LOG_NAME || "e2e-host.log"
const log = fs.openSync(path.join(OUTPUT_DIR, LOG_NAME), "w")
const stdio = ["ignore", log, log]
const env = {
  DB_NAME,
  DATABASE_URL: "",
  NODE_ENV: "development",
  NODE_OPTIONS: "",
  LOG_LEVEL: "info",
  MEDUSA_DISABLE_TELEMETRY: "true",
}

await recreateDatabase(process.env, DB_NAME)

await run(MEDUSA_BIN, ["db:migrate"], { env, stdio })
await run(MEDUSA_BIN, ["exec", "./scripts/seed-demo.ts"], { env, stdio })

let host
const stop = async () => {
  await host?.stop()
  process.exit(0)
}
process.on("SIGTERM", stop)
process.on("SIGINT", stop)

host = await startHost({
  port: PORT,
  env,
  stdio,
  onExit: (code) => {
    console.error(`medusa develop exited with ${code}`)
    process.exit(1)
  },
})
// The first request to the dashboard makes Vite bundle its dependencies: do it once here.
await fetch(`${host.url}/app`)
console.log(`READY ${host.url}`)
