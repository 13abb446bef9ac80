// Starts and stops the development host (`medusa develop`: the API and the admin dashboard
// from `src/`) in its own process group, for `npm run demo` and the browser tests.
import { spawn } from "node:child_process"
import { ROOT } from "./database.mjs"
import { MEDUSA_BIN } from "./run.mjs"

/**
 * Spawns `medusa develop` (of this project, or of the app in `cwd` with its `bin`; `command:
 * "start"` for a built server) on `port` and resolves once `/health` answers; `stop()` ends
 * the whole process group (develop starts children of its own).
 */
export async function startHost({
  command = "develop",
  port,
  env = {},
  stdio = "inherit",
  timeoutMs = 180000,
  onExit,
  cwd = ROOT,
  bin = MEDUSA_BIN,
}) {
  const child = spawn(bin, [command], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio,
    detached: true,
  })
  let exited = false
  const exit = new Promise((resolve) =>
    child.once("exit", (code) => {
      exited = true
      onExit?.(code)
      resolve(code)
    })
  )

  const stop = async () => {
    if (exited) {
      return
    }
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    }, 10000)
    await exit
    clearTimeout(timer)
  }

  const started = Date.now()
  for (;;) {
    if (exited) {
      throw new Error(`medusa ${command} exited before it answered /health`)
    }
    try {
      const res = await fetch(`http://localhost:${port}/health`)
      if (res.ok) {
        break
      }
    } catch {}
    if (Date.now() - started > timeoutMs) {
      await stop()
      throw new Error(
        `medusa ${command} did not answer /health within ${timeoutMs / 1000} s`
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { child, stop, url: `http://localhost:${port}` }
}
