// The host for the browser tests, in a process of its own: a fresh database (E2E_DB_NAME on
// the server of DB_HOST/DB_PORT), migrations and the demo seed, and meanwhile the host built as
// a merchant deploys it (`medusa build`, see lib/production-host.mjs); then `medusa start` of
// the build on E2E_PORT, warmed up: the dashboard's page and every file of its bundle fetched
// once, and the plugin's admin API asked for what its pages show. E2E_HOST_MODE=develop runs
// `medusa develop` from `src/` instead. Prints `READY <url>` once warm; SIGTERM stops Medusa.
// Output of Medusa goes to E2E_HOST_LOG (default `.test-output/e2e-host.log`).
import fs from "node:fs"
import path from "node:path"
import { recreateDatabase, ROOT } from "./lib/database.mjs"
import { startHost } from "./lib/host.mjs"
import {
  buildProductionHost,
  startProductionHost,
} from "./lib/production-host.mjs"
import { MEDUSA_BIN, run } from "./lib/run.mjs"

const PORT = Number(process.env.E2E_PORT || 9100)
const DB_NAME = process.env.E2E_DB_NAME || "medusa_backorders_e2e"
const MODE = process.env.E2E_HOST_MODE === "develop" ? "develop" : "production"
const LOG_FILE =
  process.env.E2E_HOST_LOG || path.join(ROOT, ".test-output", "e2e-host.log")
const ADMIN = { email: "admin@example.com", password: "supersecret" }

fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true })
const log = fs.openSync(LOG_FILE, "w")
const stdio = ["ignore", log, log]
const env = {
  DB_NAME,
  DATABASE_URL: "",
  NODE_ENV: "development",
  NODE_OPTIONS: "",
  LOG_LEVEL: "info",
  MEDUSA_DISABLE_TELEMETRY: "true",
}

let host
let stopping = false
const stop = async () => {
  stopping = true
  await host?.stop()
  process.exit(0)
}
process.on("SIGTERM", stop)
process.on("SIGINT", stop)
const onExit = (code) => {
  if (!stopping) {
    console.error(
      `medusa ${MODE === "develop" ? "develop" : "start"} exited with ${code}`
    )
    process.exit(1)
  }
}

const prepareDatabase = async () => {
  await recreateDatabase(process.env, DB_NAME)
  await run(MEDUSA_BIN, ["db:migrate"], { env, stdio })
  await run(MEDUSA_BIN, ["exec", "./scripts/seed-demo.ts"], { env, stdio })
}

if (MODE === "develop") {
  await prepareDatabase()
  host = await startHost({ port: PORT, env, stdio, onExit })
} else {
  // The build and the database set-up are independent: run them side by side.
  const [server] = await Promise.all([
    buildProductionHost({ env, stdio }),
    prepareDatabase(),
  ])
  host = await startProductionHost({
    server,
    port: PORT,
    env: { ...env, NODE_ENV: "production" },
    stdio,
    onExit,
  })
  host.server = server
}

await warmUp(host)
console.log(`READY ${host.url}`)

/** Fetches `pathname`, failing on anything but a 2xx answer. */
async function get(pathname, headers = {}) {
  const res = await fetch(`${host.url}${pathname}`, { headers })
  if (!res.ok) {
    throw new Error(`Warm-up: GET ${pathname} answered ${res.status}`)
  }
  await res.arrayBuffer()
}

/**
 * The first request of everything a test opens: the dashboard's page (with `medusa develop`,
 * the first one makes Vite bundle its dependencies), every file of the built bundle (the
 * plugin's pages are chunks of it), and the plugin's admin API routes behind its pages.
 */
async function warmUp({ url, server }) {
  await get("/app")
  await get("/app/login")
  const assets = server && path.join(server, "public", "admin", "assets")
  if (assets && fs.existsSync(assets)) {
    const files = fs.readdirSync(assets)
    // A few at a time: the machine may be busy with other tests.
    for (let i = 0; i < files.length; i += 4) {
      await Promise.all(
        files.slice(i, i + 4).map((file) => get(`/app/assets/${file}`))
      )
    }
  }
  const auth = await fetch(`${url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  })
  if (!auth.ok) {
    throw new Error(`Warm-up: the admin login answered ${auth.status}`)
  }
  const { token } = await auth.json()
  const headers = { authorization: `Bearer ${token}` }
  for (const pathname of [
    "/admin/backorders?limit=20",
    "/admin/backorders/counts",
    "/admin/backorders/health",
    "/admin/backorders/supplier-groups",
    "/admin/purchase-orders?limit=20",
    "/admin/suppliers?limit=20",
    "/admin/users/me",
  ]) {
    await get(pathname, headers)
  }
}
