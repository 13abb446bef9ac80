// `npm run demo`: database, migrations, idempotent demo seed, then Medusa with the admin
// dashboard. Prints the admin URL and login. Ctrl-C stops everything it started, including
// the embedded database. `npm run demo:storefront` (`--storefront`) also starts the example
// storefront (`examples/storefront`, `next dev`) on STOREFRONT_PORT (8000).
import { spawn } from "node:child_process"
import path from "node:path"
import { ROOT, startDatabase } from "./lib/database.mjs"
import { startHost } from "./lib/host.mjs"
import { MEDUSA_BIN, run } from "./lib/run.mjs"

const PORT = Number(process.env.PORT || 9000)
const ADMIN = { email: "admin@example.com", password: "supersecret" }
const CUSTOMER = { email: "jane@example.com", password: "supersecret" }
const WITH_STOREFRONT = process.argv.includes("--storefront")
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 8000)

/** The webshop's publishable API key, read through the admin API. */
async function publishableKey() {
  const auth = await fetch(`http://localhost:${PORT}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  }).then((res) => res.json())
  const { api_keys } = await fetch(
    `http://localhost:${PORT}/admin/api-keys?type=publishable&title=Webshop`,
    { headers: { authorization: `Bearer ${auth.token}` } }
  ).then((res) => res.json())
  return api_keys[0].token
}

let storefront

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
  if (storefront && storefront.exitCode === null) {
    try {
      process.kill(-storefront.pid, "SIGTERM")
    } catch {}
  }
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
  if (WITH_STOREFRONT) {
    console.log("Building the storefront entry points ...")
    await run(process.execPath, ["scripts/build-storefront.mjs"], { env })
    console.log("Starting the example storefront ...")
    storefront = spawn(
      path.join(ROOT, "node_modules/.bin/next"),
      ["dev", "-p", String(STOREFRONT_PORT)],
      {
        cwd: path.join(ROOT, "examples/storefront"),
        env: {
          ...process.env,
          NEXT_TELEMETRY_DISABLED: "1",
          MEDUSA_BACKEND_URL: `http://localhost:${PORT}`,
          MEDUSA_PUBLISHABLE_KEY: await publishableKey(),
        },
        stdio: "inherit",
        detached: true,
      }
    )
  }
} catch (error) {
  console.error(error.message)
  await shutdown(1)
}

console.log(`
  Medusa with medusa-plugin-backorders is running.

  Admin dashboard: http://localhost:${PORT}/app
  Login:           ${ADMIN.email} / ${ADMIN.password}
  Store API:       http://localhost:${PORT}/store (publishable key: Settings > Publishable API Keys)${
    WITH_STOREFRONT
      ? `
  Storefront:      http://localhost:${STOREFRONT_PORT} (customer login: ${CUSTOMER.email} / ${CUSTOMER.password})`
      : ""
  }

  Press Ctrl-C to stop Medusa and the database.
`)
