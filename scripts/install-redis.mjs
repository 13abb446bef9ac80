// `npm run redis:install`: installs Debian's `redis-server` package for the production-topology
// tests when none is found (apt-get, as root or through sudo). CI runs it before `npm test`.
// Only the binary is used: the tests start their own server on a loopback port.
import { spawnSync } from "node:child_process"
import { findRedisServer } from "./lib/redis.mjs"

const found = findRedisServer()
if (found) {
  console.log(`redis-server found at ${found}.`)
  process.exit(0)
}

const asRoot = process.getuid?.() === 0
const prefix = asRoot ? [] : ["sudo", "-n"]
const aptGet = (...args) => {
  const [command, ...rest] = [...prefix, "apt-get", ...args]
  const result = spawnSync(command, rest, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  })
  if (result.status !== 0) {
    console.error(
      `apt-get ${args.join(" ")} failed: install Debian's redis-server package, or set REDIS_SERVER_PATH.`
    )
    process.exit(result.status || 1)
  }
}

console.log("Installing Debian's redis-server package ...")
aptGet("update", "-qq")
aptGet("install", "-y", "-qq", "--no-install-recommends", "redis-server")
const installed = findRedisServer()
if (!installed) {
  console.error(
    "redis-server was installed but is not at /usr/bin/redis-server; set REDIS_SERVER_PATH."
  )
  process.exit(1)
}
// The package's own service is not needed (and may not run in a container): the tests start
// redis-server themselves.
console.log(`redis-server installed at ${installed}.`)
