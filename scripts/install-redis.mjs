// `npm run redis:install`: installs Debian's `redis-server` package for the production-topology
// tests when none is found (apt-get, as root or through sudo). CI runs it before `npm test`.
// Only the binary is used: the tests start their own server on a loopback port (the package's
// own service is not needed, and may not run in a container).
import { installDebianPackage } from "./lib/apt.mjs"
import { findRedisServer } from "./lib/redis.mjs"

installDebianPackage({
  name: "redis-server",
  label: "redis-server",
  find: findRedisServer,
  envVar: "REDIS_SERVER_PATH",
  expectedAt: "/usr/bin/redis-server",
})
