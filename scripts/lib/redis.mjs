// Debian's `redis-server` for the production-topology tests (`integration-tests/cluster`): found
// on the PATH (or REDIS_SERVER_PATH), started on a free loopback port with nothing persisted,
// and ready once it answers PING. Never a fixed sleep.
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"

const CANDIDATES = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]

export function findRedisServer() {
  if (process.env.REDIS_SERVER_PATH) {
    return fs.existsSync(process.env.REDIS_SERVER_PATH)
      ? process.env.REDIS_SERVER_PATH
      : null
  }
  return CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
  })
}

/** Sends PING over a plain socket; resolves true on `+PONG`. */
export function ping(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once("error", () => done(false))
    socket.once("connect", () => socket.write("PING\r\n"))
    socket.once("data", (chunk) => done(chunk.toString().startsWith("+PONG")))
  })
}

/**
 * Starts `redis-server` on the first free port from `port` (up to 10 tried), without
 * snapshots or an append-only file, and resolves with its URL once it answers PING.
 */
export async function startRedis({ port = 6390, timeoutMs = 20000 } = {}) {
  const bin = findRedisServer()
  if (!bin) {
    throw new Error(
      "No redis-server: run `npm run redis:install` or set REDIS_SERVER_PATH."
    )
  }
  let chosen
  for (let candidate = port; candidate < port + 10; candidate++) {
    if (await portIsFree(candidate)) {
      chosen = candidate
      break
    }
  }
  if (!chosen) {
    throw new Error(`No free port for Redis in ${port}-${port + 9}`)
  }
  const child = spawn(
    bin,
    [
      "--port",
      String(chosen),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--daemonize",
      "no",
      "--loglevel",
      "warning",
    ],
    { stdio: ["ignore", "ignore", "pipe"] }
  )
  let stderr = ""
  child.stderr.on("data", (chunk) => (stderr += chunk))
  let exited = false
  const exit = new Promise((resolve) =>
    child.once("exit", (code) => {
      exited = true
      resolve(code)
    })
  )

  const started = Date.now()
  while (!(await ping(chosen))) {
    if (exited) {
      throw new Error(`redis-server exited before it answered PING: ${stderr}`)
    }
    if (Date.now() - started > timeoutMs) {
      child.kill("SIGKILL")
      throw new Error(`redis-server did not answer PING within ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    stop: async () => {
      if (exited) {
        return
      }
      child.kill("SIGTERM")
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000)
      await exit
      clearTimeout(timer)
    },
  }
}
