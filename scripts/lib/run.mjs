import { spawn } from "node:child_process"
import path from "node:path"
import { ROOT } from "./database.mjs"

export const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")

/**
 * Runs a command to its end with inherited output; rejects with its exit code otherwise.
 */
export function run(
  command,
  args,
  { env = {}, cwd = ROOT, stdio = "inherit" } = {}
) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio,
    })
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      if (code === 0) {
        resolve(0)
      } else {
        const error = new Error(
          `${path.basename(command)} ${args.join(" ")} exited with ${signal ?? code}`
        )
        error.exitCode = code ?? 1
        reject(error)
      }
    })
  })
}
