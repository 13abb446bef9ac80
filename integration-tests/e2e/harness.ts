import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import type { Browser, BrowserContext, Page } from "playwright-core"

/**
 * The browser tests' world: a fresh database seeded with the demo store, the host as a
 * merchant deploys it (`medusa build` of the root config + `src/`, then `medusa start`) on its
 * own port, warmed up before the first test, and Debian's Chromium driven by playwright-core.
 * Host output goes to `.test-output/<name>-host.log`, screenshots to
 * `.test-output/screenshots` (both git-ignored).
 */
export const ROOT = path.resolve(__dirname, "../..")
export const OUTPUT_DIR = path.join(ROOT, ".test-output")
export const SCREENSHOT_DIR = path.join(OUTPUT_DIR, "screenshots")
export const ADMIN = { email: "admin@example.com", password: "supersecret" }

export type Host = { url: string; stop: () => Promise<void> }

export type HostOptions = {
  /** Port of the host; default `E2E_PORT` or 9100. Give each spec file its own. */
  port?: number
  /** Database created afresh for this host; default `E2E_DB_NAME` or `medusa_backorders_e2e`. */
  dbName?: string
  /** `production` (default): the built host under `medusa start`; `develop`: `medusa develop`. */
  mode?: "production" | "develop"
  /** Names the log file, `.test-output/<name>-host.log`; default `e2e`. */
  name?: string
  /** More environment of the host, e.g. `{ MEDUSA_FF_RBAC: "true" }`. */
  env?: Record<string, string>
}

/**
 * Starts `scripts/e2e-host.mjs` (fresh database, migrations, seed; the host built once per
 * source state and started; warm-up) and resolves with its URL once it prints `READY`.
 * Spec files call it with their own port and database so they can run side by side.
 */
export function bootHost(options: HostOptions = {}): Promise<Host> {
  const name = options.name ?? "e2e"
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/e2e-host.mjs"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: "",
        ...(options.port ? { E2E_PORT: String(options.port) } : {}),
        ...(options.dbName ? { E2E_DB_NAME: options.dbName } : {}),
        E2E_HOST_MODE: options.mode ?? "production",
        E2E_HOST_LOG: path.join(OUTPUT_DIR, `${name}-host.log`),
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    const exited = new Promise((done) => child.once("exit", done))
    const stop = async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM")
        await exited
      }
    }
    child.stdout.on("data", (chunk) => {
      output += chunk
      const ready = /READY (\S+)/.exec(output)
      if (ready) {
        resolve({ url: ready[1], stop })
      }
    })
    child.stderr.on("data", (chunk) => (output += chunk))
    child.once("exit", (code) =>
      reject(
        new Error(
          `The e2e host exited with ${code} before it was ready:\n${output}\n(see .test-output/${name}-host.log)`
        )
      )
    )
  })
}

/** Debian's Chromium, found by `scripts/test.mjs` (CHROMIUM_PATH); never a downloaded one. */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import("playwright-core")
  const executablePath = process.env.CHROMIUM_PATH
  if (!executablePath || !fs.existsSync(executablePath)) {
    throw new Error(
      "No Chromium: run `npm run e2e:install` or set CHROMIUM_PATH"
    )
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

// As root, on a machine without network or GPU: no sandbox, no background connections.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

export async function newAdminPage(
  browser: Browser,
  url: string
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    baseURL: url,
  })
  const page = await context.newPage()
  page.setDefaultTimeout(60000)
  const errors: string[] = []
  page.on("pageerror", (error) => errors.push(error.message))
  return { context, page, errors }
}

export async function logIn(page: Page, user = ADMIN) {
  await page.goto("/app/login")
  await page.fill('input[name="email"]', user.email)
  await page.fill('input[name="password"]', user.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/app\/(?!login)/, { timeout: 120000 })
}

/** A screenshot of the page, or of one element of it, into the screenshot folder. */
export async function snap(page: Page, name: string, selector?: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.jpg`)
  // Toasts fade after a few seconds: wait for them so they do not cover the page.
  await page
    .locator("[data-sonner-toast]")
    .first()
    .waitFor({ state: "detached", timeout: 10000 })
    .catch(() => {})
  if (selector) {
    const element = page.locator(selector).first()
    await element.scrollIntoViewIfNeeded()
    await element.screenshot({ path: file, type: "jpeg", quality: 70 })
  } else {
    await page.screenshot({ path: file, type: "jpeg", quality: 70 })
  }
  return file
}

/** The admin API with a bearer token, for setting up and checking what the screens did. */
export async function adminApi(url: string, user = ADMIN) {
  const res = await fetch(`${url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(user),
  })
  const { token } = (await res.json()) as { token: string }
  return async <T = any>(pathname: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${pathname}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) {
      throw new Error(
        `${pathname}: ${response.status} ${await response.text()}`
      )
    }
    return (await response.json()) as T
  }
}
