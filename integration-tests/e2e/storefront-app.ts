import { execFile, spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { promisify } from "node:util"
import { OUTPUT_DIR, ROOT } from "./harness"

const APP_DIR = path.join(ROOT, "examples/storefront")
const NEXT_BIN = path.join(ROOT, "node_modules/.bin/next")

/**
 * The example storefront as it runs in production: the plugin's storefront entry points
 * built (`scripts/build-storefront.mjs`), `next build`, then `next start` against the given
 * store; resolves once its home page answers. Output goes to `.test-output/storefront.log`.
 */
export async function startStorefront(input: {
  port: number
  backendUrl: string
  publishableKey: string
}): Promise<{ url: string; stop: () => Promise<void> }> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true })
  const logFile = path.join(OUTPUT_DIR, "storefront.log")
  const env = {
    ...process.env,
    NODE_OPTIONS: "",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    MEDUSA_BACKEND_URL: input.backendUrl,
    MEDUSA_PUBLISHABLE_KEY: input.publishableKey,
  }
  const run = promisify(execFile)
  await run(process.execPath, ["scripts/build-storefront.mjs"], {
    cwd: ROOT,
    env,
  })
  const build = await run(NEXT_BIN, ["build"], {
    cwd: APP_DIR,
    env,
    maxBuffer: 16 * 1024 * 1024,
  })
  fs.writeFileSync(logFile, build.stdout + build.stderr)

  const log = fs.openSync(logFile, "a")
  const child = spawn(NEXT_BIN, ["start", "-p", String(input.port)], {
    cwd: APP_DIR,
    env,
    stdio: ["ignore", log, log],
    detached: true,
  })
  let exited = false
  const exit = new Promise((done) =>
    child.once("exit", () => {
      exited = true
      done(undefined)
    })
  )
  const stop = async () => {
    if (!exited) {
      process.kill(-child.pid!, "SIGTERM")
      await exit
    }
  }
  const url = `http://localhost:${input.port}`
  const deadline = Date.now() + 120000
  for (;;) {
    if (exited) {
      throw new Error(`next start exited early (see ${logFile})`)
    }
    const ok = await fetch(url)
      .then((res) => res.ok)
      .catch(() => false)
    if (ok) {
      return { url, stop }
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(
        `The storefront did not answer within 120 s (see ${logFile})`
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}
