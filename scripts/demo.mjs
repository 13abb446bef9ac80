// `npm run demo`: database, migrations, idempotent demo seed, then Medusa with the admin
// dashboard. Prints the admin URL and login. Ctrl-C stops everything it started, including
// the embedded database.
import { startDatabase } from "./lib/database.mjs"
import { startHost } from "./lib/host.mjs"
import { MEDUSA_BIN, run } from "./lib/run.mjs"

const PORT = Number(process.env.PORT || 9000)
const ADMIN = { email: "admin@example.com", password: "supersecret" }

const db = await startDatabase()
const env = {
  ...db.env,
  PORT: String(PORT),
  MEDUSA_DISABLE_TELEMETRY: "true",
}

let host
let stopping = false
async function shutdown(code) {
  if (stopping) {
    return
  }
  stopping = true
  if (host) {
    console.log("\nStopping Medusa ...")
    await host.stop()
  }
  await db.stop()
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

try {
  console.log("Running migrations ...")
  await run(MEDUSA_BIN, ["db:migrate"], { env })
  console.log("Seeding the demo store ...")
  await run(MEDUSA_BIN, ["exec", "./scripts/seed-demo.ts"], { env })
  console.log("Starting Medusa ...")
  host = await startHost({
    port: PORT,
    env,
    onExit: (code) => {
      if (!stopping) {
        console.error(`Medusa exited with ${code}.`)
        shutdown(code || 1)
      }
    },
  })
} catch (error) {
  console.error(error.message)
  await shutdown(1)
}

console.log(`
  Medusa with medusa-plugin-backorders is running.

  Admin dashboard: http://localhost:${PORT}/app
  Login:           ${ADMIN.email} / ${ADMIN.password}
  Store API:       http://localhost:${PORT}/store (publishable key: Settings > Publishable API Keys)

  Press Ctrl-C to stop Medusa and the database.
`)
