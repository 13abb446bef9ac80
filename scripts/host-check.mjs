// `npm run check:host`: installs the packed plugin (`npm pack` of `npm run build`) in a fresh
// Medusa application, the way a merchant would, and checks that it works there: the plugin's
// migrations run, its admin API answers, and its dashboard pages render in Chromium without an
// error. Needs the npm registry (for the host's dependencies) and a Chromium. CI runs it.
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { findChromium } from "./lib/chromium.mjs"
import { recreateDatabase, ROOT, startDatabase } from "./lib/database.mjs"
import { startHost } from "./lib/host.mjs"
import { run } from "./lib/run.mjs"

const PORT = Number(process.env.HOST_CHECK_PORT || 9300)
const DB_NAME = "medusa_backorders_host_check"
const ADMIN = { email: "admin@example.com", password: "supersecret" }
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backorders-host-"))
// The log lives outside the host: `medusa develop` restarts on every change in its folder.
const logFile = path.join(ROOT, ".test-output", "host-check.log")
fs.mkdirSync(path.dirname(logFile), { recursive: true })
const log = fs.openSync(logFile, "w")
const step = (message) => console.log(`host check: ${message}`)

if (!fs.existsSync(path.join(ROOT, ".medusa/server/src/admin/index.mjs"))) {
  console.error(
    "Run `npm run build` first: the check installs the built plugin."
  )
  process.exit(1)
}
const tarball = execFileSync(
  "npm",
  ["pack", "--silent", "--pack-destination", dir],
  { cwd: ROOT, encoding: "utf8" }
)
  .trim()
  .split("\n")
  .pop()

// The host: Medusa at the plugin's own pinned versions, the plugin from the tarball.
const pinned = (name) => pkg.devDependencies[name]
fs.writeFileSync(
  path.join(dir, "package.json"),
  JSON.stringify(
    {
      name: "backorders-host-check",
      private: true,
      dependencies: Object.fromEntries(
        [
          "@medusajs/admin-sdk",
          "@medusajs/cli",
          "@medusajs/framework",
          "@medusajs/icons",
          "@medusajs/js-sdk",
          "@medusajs/medusa",
          "@medusajs/test-utils",
          "@medusajs/ui",
          "react",
          "react-dom",
        ]
          .map((name) => [name, pinned(name)])
          .concat([["medusa-plugin-backorders", `file:./${tarball}`]])
      ),
      devDependencies: Object.fromEntries(
        ["@swc/core", "@types/node", "ts-node", "typescript", "vite"].map(
          (name) => [name, pinned(name)]
        )
      ),
      overrides: pkg.overrides,
    },
    null,
    2
  )
)
fs.writeFileSync(
  path.join(dir, "medusa-config.ts"),
  `import { defineConfig } from "@medusajs/framework/utils"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "*",
      adminCors: "*",
      authCors: "*",
      jwtSecret: "host-check",
      cookieSecret: "host-check",
    },
  },
  plugins: [
    { resolve: "medusa-plugin-backorders", options: { allocationPolicy: "fifo" } },
  ],
})
`
)
fs.writeFileSync(
  path.join(dir, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: {
      target: "ES2021",
      module: "Node16",
      moduleResolution: "Node16",
      esModuleInterop: true,
      skipLibCheck: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      jsx: "react-jsx",
    },
    include: ["**/*"],
    exclude: ["node_modules", ".medusa"],
  })
)

// A merchant composing the plugin's workflows imports them from the package.
fs.writeFileSync(
  path.join(dir, "check-workflows.ts"),
  `import type { ExecArgs } from "@medusajs/framework/types"
import {
  markLateBackordersWorkflow,
  receivePurchaseOrderWorkflow,
} from "medusa-plugin-backorders/workflows"

export default async function checkWorkflows({ container }: ExecArgs) {
  if (typeof receivePurchaseOrderWorkflow !== "function") {
    throw new Error("receivePurchaseOrderWorkflow is not exported")
  }
  const { result } = await markLateBackordersWorkflow(container).run({
    input: {},
  })
  if (!Array.isArray(result)) {
    throw new Error("mark-late-backorders answered " + JSON.stringify(result))
  }
  console.log("WORKFLOWS-OK " + result.length)
}
`
)

const db = await startDatabase({ database: DB_NAME, announceStop: false })
await recreateDatabase(db.env, DB_NAME)
const env = {
  DATABASE_URL: `postgres://${encodeURIComponent(db.env.DB_USERNAME)}:${encodeURIComponent(db.env.DB_PASSWORD)}@${db.env.DB_HOST}:${db.env.DB_PORT}/${DB_NAME}`,
  NODE_ENV: "development",
  NODE_OPTIONS: "",
  MEDUSA_DISABLE_TELEMETRY: "true",
}
const bin = path.join(dir, "node_modules", ".bin", "medusa")
const stdio = ["ignore", log, log]
let host
let failed = false
try {
  step(`installing ${tarball} in a new Medusa application (${dir})`)
  await run("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, stdio })
  step("running the migrations, the plugin's included")
  await run(bin, ["db:migrate"], { cwd: dir, env, stdio })
  await run(bin, ["user", "-e", ADMIN.email, "-p", ADMIN.password], {
    cwd: dir,
    env,
    stdio,
  })
  step("running a workflow imported from medusa-plugin-backorders/workflows")
  await run(bin, ["exec", "./check-workflows.ts"], { cwd: dir, env, stdio })
  step("starting medusa develop")
  host = await startHost({ port: PORT, env, stdio, cwd: dir, bin })

  const auth = await fetch(`${host.url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  })
  const { token } = await auth.json()
  for (const route of [
    "/admin/backorders",
    "/admin/backorders/health",
    "/admin/purchase-orders",
    "/admin/suppliers",
  ]) {
    const res = await fetch(`${host.url}${route}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    if (res.status !== 200) {
      throw new Error(
        `GET ${route} answered ${res.status}: ${await res.text()}`
      )
    }
    step(`GET ${route}: 200`)
  }

  const executablePath = findChromium()
  if (!executablePath) {
    throw new Error("No Chromium: run `npm run e2e:install`")
  }
  const { chromium } = await import("playwright-core")
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
  try {
    const page = await browser.newPage()
    page.setDefaultTimeout(120000)
    const errors = []
    page.on("pageerror", (error) => errors.push(error.message))
    await page.goto(`${host.url}/app/login`)
    await page.fill('input[name="email"]', ADMIN.email)
    await page.fill('input[name="password"]', ADMIN.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/app\/(?!login)/)
    for (const [route, text] of [
      ["/app/backorders", "No backorders"],
      ["/app/purchase-orders", "No purchase orders"],
      ["/app/suppliers", "No suppliers"],
      ["/app/to-order-sale", "To-order sale"],
      ["/app/backorders/health", "Open backorders by age"],
    ]) {
      await page.goto(`${host.url}${route}`)
      await page.getByText(text).first().waitFor()
      step(`${route} renders "${text}"`)
    }
    if (errors.length) {
      throw new Error(`The dashboard threw: ${errors.join("; ")}`)
    }
  } finally {
    await browser.close()
  }
  step("passed")
} catch (error) {
  failed = true
  console.error(`host check failed: ${error.message} (log: ${logFile})`)
} finally {
  await host?.stop()
  await db.stop()
}
if (!failed) {
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
