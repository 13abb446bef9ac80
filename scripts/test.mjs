// `npm test [unit|modules|http|e2e ...] [-- jest args]`: starts the database (embedded
// PostgreSQL unless DATABASE_URL or DB_HOST is set), runs the Jest projects with Medusa's
// test runners, and stops the database again. Exits with Jest's exit code.
import path from "node:path"
import { findChromium } from "./lib/chromium.mjs"
import { startDatabase, ROOT } from "./lib/database.mjs"
import { run } from "./lib/run.mjs"

const PROJECTS = ["unit", "modules", "http", "e2e"]

const args = process.argv.slice(2)
const asked = args.filter((arg) => PROJECTS.includes(arg))
const jestArgs = args.filter((arg) => !PROJECTS.includes(arg))

// The browser tests need Debian's Chromium (`npm run e2e:install`). Without one they are left
// out with a notice, except in CI, where a missing browser is an error.
let projects = asked.length ? asked : PROJECTS
if (projects.includes("e2e") && !findChromium()) {
  if (process.env.CI || asked.includes("e2e")) {
    console.error(
      "No Chromium for the e2e tests: run `npm run e2e:install` or set CHROMIUM_PATH."
    )
    process.exit(1)
  }
  console.warn(
    "No Chromium found: the e2e tests are left out (`npm run e2e:install` installs one)."
  )
  projects = projects.filter((project) => project !== "e2e")
}

// Quiet on stop: the run must end with the test count.
const db = await startDatabase({ database: "postgres", announceStop: false })
let exitCode = 0
const stop = async (code) => {
  await db.stop()
  process.exit(code)
}
process.on("SIGINT", () => stop(130))
process.on("SIGTERM", () => stop(143))

try {
  await run(
    path.join(ROOT, "node_modules", ".bin", "jest"),
    [
      ...jestArgs,
      ...(process.env.CI ? ["--ci"] : []),
      // Last: --selectProjects takes every following word as a project name.
      "--selectProjects",
      ...projects,
    ],
    {
      env: {
        ...db.env,
        // Medusa's test runners create a database per test file; they read these.
        DATABASE_URL: "",
        NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"]
          .filter(Boolean)
          .join(" "),
        NODE_ENV: "test",
        MEDUSA_DISABLE_TELEMETRY: "true",
        LOG_LEVEL: process.env.LOG_LEVEL || "error",
        // No scheduled catch-up behind the in-process tests' backs (they call it directly).
        BACKORDER_CATCH_UP: "false",
        CHROMIUM_PATH: findChromium() ?? "",
      },
    }
  )
} catch (error) {
  exitCode = error.exitCode ?? 1
}
await stop(exitCode)
