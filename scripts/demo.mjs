// `npm run demo`: database, migrations, idempotent demo seed, then Medusa with the admin
// dashboard. Prints the admin URL and login. Ctrl-C stops everything it started, including
// the embedded database.
import { spawn } from "node:child_process"
import { startDatabase, ROOT } from "./lib/database.mjs"
import { MEDUSA_BIN, run } from "./lib/run.mjs"

const PORT = Number(process.env.PORT || 9000)
const ADMIN = { email: "admin@example.com", password: "supersecret" }

const db = await startDatabase()
const env = {
  ...db.env,
  PORT: String(PORT),
  MEDUSA_DISABLE_TELEMETRY: "true",
}

let server
let stopping = false
async function shutdown(code) {
  if (stopping) {
    return
  }
  stopping = true
  if (server && server.exitCode === null) {
    console.log("\nStopping Medusa ...")
    const exited = new Promise((resolve) => server.once("exit", resolve))
    // `medusa develop` starts children of its own: stop the whole process group.
    try {
      process.kill(-server.pid, "SIGTERM")
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid, "SIGKILL")
      } catch {}
    }, 10000)
    await exited
    clearTimeout(timer)
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
} catch (error) {
  console.error(error.message)
  await shutdown(1)
}

console.log("Starting Medusa ...")
server = spawn(MEDUSA_BIN, ["develop"], {
  cwd: ROOT,
  env: { ...process.env, ...env },
  stdio: "inherit",
  detached: true,
})
server.on("exit", (code) => {
  if (!stopping) {
    console.error(`Medusa exited with ${code}.`)
    shutdown(code || 1)
  }
})

const started = Date.now()
while (!stopping) {
  try {
    const res = await fetch(`http://localhost:${PORT}/health`)
    if (res.ok) {
      break
    }
  } catch {}
  if (Date.now() - started > 180000) {
    console.error("Medusa did not answer /health within 3 minutes.")
    await shutdown(1)
  }
  await new Promise((resolve) => setTimeout(resolve, 1000))
}

console.log(`
  Medusa with medusa-plugin-backorders is running.

  Admin dashboard: http://localhost:${PORT}/app
  Login:           ${ADMIN.email} / ${ADMIN.password}
  Store API:       http://localhost:${PORT}/store (publishable key: Settings > Publishable API Keys)

  Press Ctrl-C to stop Medusa and the database.
`)
