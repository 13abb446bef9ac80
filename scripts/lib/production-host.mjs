// The development host (root `medusa-config.ts` + `src/`) as a merchant deploys it: built with
// `medusa build` (server and admin dashboard) in a copy under the system's temp folder, then
// `medusa start` of the built server. The repository's own `.medusa/server` is the published
// plugin and stays untouched.
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ROOT } from "./database.mjs"
import { startHost } from "./host.mjs"
import { MEDUSA_BIN, run } from "./run.mjs"

const SOURCES = [
  "src",
  "medusa-config.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
]

function isTestFile(file) {
  return file.split(path.sep).includes("__tests__")
}

/** A hash of everything the build reads, so an unchanged host is built once. */
function sourceHash() {
  const hash = crypto.createHash("sha256")
  const add = (file) => {
    const stat = fs.statSync(file)
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file).sort()) {
        add(path.join(file, entry))
      }
    } else if (!isTestFile(file)) {
      hash.update(path.relative(ROOT, file))
      hash.update(fs.readFileSync(file))
    }
  }
  for (const source of SOURCES) {
    add(path.join(ROOT, source))
  }
  return hash.digest("hex").slice(0, 16)
}

/**
 * Builds the host with `medusa build` (admin included unless `withAdmin` is false) and
 * returns the folder `medusa start` runs from. Builds are kept in the temp folder by a hash of
 * the sources: a second call (another test file, a second run) with nothing changed reuses
 * the build; older builds of this checkout are removed.
 */
export async function buildProductionHost({
  env = {},
  stdio = "inherit",
  withAdmin = true,
} = {}) {
  // One name per checkout, so several checkouts on one machine keep their own builds.
  const checkout = crypto
    .createHash("sha256")
    .update(ROOT)
    .digest("hex")
    .slice(0, 8)
  const prefix = `backorders-host-${checkout}-${withAdmin ? "admin" : "api"}-`
  const target = path.join(os.tmpdir(), `${prefix}${sourceHash()}`)
  const server = path.join(target, ".medusa", "server")
  if (fs.existsSync(path.join(server, "medusa-config.js"))) {
    return server
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}building-`))
  try {
    fs.cpSync(path.join(ROOT, "src"), path.join(dir, "src"), {
      recursive: true,
      filter: (source) => !isTestFile(source),
    })
    for (const file of ["medusa-config.ts", "package.json"]) {
      fs.copyFileSync(path.join(ROOT, file), path.join(dir, file))
    }
    const tsconfig = JSON.parse(
      fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8")
    )
    // The plugin's own build leaves the config out; a host build needs it compiled.
    tsconfig.exclude = tsconfig.exclude.filter(
      (entry) => entry !== "medusa-config.ts"
    )
    fs.writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify(tsconfig, null, 2)
    )
    fs.symlinkSync(
      path.join(ROOT, "node_modules"),
      path.join(dir, "node_modules")
    )
    await run(MEDUSA_BIN, ["build"], {
      cwd: dir,
      stdio,
      env: {
        ...env,
        NODE_ENV: "production",
        NODE_OPTIONS: "",
        MEDUSA_DISABLE_TELEMETRY: "true",
        MEDUSA_DISABLE_ADMIN: withAdmin ? "false" : "true",
      },
    })
    fs.symlinkSync(
      path.join(ROOT, "node_modules"),
      path.join(dir, ".medusa", "server", "node_modules")
    )
    try {
      fs.renameSync(dir, target)
    } catch (error) {
      // Another test file built the same sources at the same time: use its build.
      if (!fs.existsSync(path.join(server, "medusa-config.js"))) {
        throw error
      }
      fs.rmSync(dir, { recursive: true, force: true })
    }
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw error
  }

  for (const entry of fs.readdirSync(os.tmpdir())) {
    const other = path.join(os.tmpdir(), entry)
    if (
      entry.startsWith(prefix) &&
      other !== target &&
      !entry.startsWith(`${prefix}building-`)
    ) {
      fs.rmSync(other, { recursive: true, force: true })
    }
  }
  return server
}

/**
 * Starts `medusa start` in `server` (a folder from `buildProductionHost`) on `port`, in its own
 * process group, and resolves once `/health` answers; `stop()` ends the group.
 */
export function startProductionHost({ server, env = {}, ...options }) {
  return startHost({
    ...options,
    command: "start",
    cwd: server,
    env: { ...env, NODE_ENV: "production", NODE_OPTIONS: "" },
  })
}
