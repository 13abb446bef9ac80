import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import axios, { AxiosInstance } from "axios"
import { Queue } from "bullmq"
import Redis from "ioredis"
import { Pool } from "pg"
import { Sql, sqlOfPg } from "../helpers/invariants"

/**
 * The production topology of the plugin, for the race tests in this folder:
 *
 * - the development host (root `medusa-config.ts` + `src/`) built with `medusa build` in a
 *   copy under the system's temp folder (the repository's own `.medusa/server` is the
 *   published plugin and stays untouched), without the admin bundle;
 * - one database on the test server (DB_HOST/DB_PORT/...), migrated and seeded with the demo
 *   store once;
 * - Redis from `npm test` (CLUSTER_REDIS_URL), used by Medusa's Redis event bus, workflow
 *   engine, cache and locking;
 * - two `medusa start` servers (`MEDUSA_WORKER_MODE=server`) and one worker (`worker`), each
 *   a process of its own that a test may kill -9, stop and restart.
 *
 * Output of every instance goes to `.test-output/cluster/<name>.log` (git-ignored).
 * Every wait polls a state (HTTP /health, PING, SQL) with a bound; none sleeps a fixed time.
 */
export const ROOT = path.resolve(__dirname, "../..")
export const OUTPUT_DIR = path.join(ROOT, ".test-output", "cluster")
export const DB_NAME =
  process.env.CLUSTER_DB_NAME || "medusa_backorders_cluster"
export const ADMIN = { email: "admin@example.com", password: "supersecret" }
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")
const BASE_PORT = Number(process.env.CLUSTER_BASE_PORT || 9400)
const LOCK_PREFIX = "medusa_lock:"

/** Polls `read` until `done` accepts its value, at most `timeoutMs`; returns the last value. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 30000, intervalMs = 250 } = {}
): Promise<T> {
  const started = Date.now()
  let value = await read()
  while (!done(value) && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
    value = await read()
  }
  return value
}

function runToEnd(
  command: string,
  args: string[],
  { cwd, env, log }: { cwd: string; env: NodeJS.ProcessEnv; log: string }
): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(log, "a")
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ["ignore", out, out],
    })
    child.once("error", reject)
    child.once("exit", (code, signal) => {
      fs.closeSync(out)
      if (code === 0) {
        resolve()
      } else {
        reject(
          new Error(
            `${path.basename(command)} ${args.join(" ")} exited with ${signal ?? code} (see ${path.relative(ROOT, log)})`
          )
        )
      }
    })
  })
}

/**
 * Copies the host (config, src, package.json, a tsconfig that also compiles the config) to
 * `dir`, links node_modules, and runs `medusa build` there with the admin disabled. Returns
 * the build output folder, from which `medusa start` runs.
 */
async function buildHost(dir: string, env: NodeJS.ProcessEnv) {
  fs.cpSync(path.join(ROOT, "src"), path.join(dir, "src"), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}__tests__`),
  })
  for (const file of ["medusa-config.ts", "package.json"]) {
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file))
  }
  const tsconfig = JSON.parse(
    fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8")
  )
  // The plugin's own build leaves the config out; a host build needs it compiled.
  tsconfig.exclude = tsconfig.exclude.filter(
    (entry: string) => entry !== "medusa-config.ts"
  )
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify(tsconfig, null, 2)
  )
  fs.symlinkSync(
    path.join(ROOT, "node_modules"),
    path.join(dir, "node_modules")
  )
  await runToEnd(MEDUSA_BIN, ["build"], {
    cwd: dir,
    env,
    log: path.join(OUTPUT_DIR, "build.log"),
  })
  const server = path.join(dir, ".medusa", "server")
  fs.symlinkSync(
    path.join(ROOT, "node_modules"),
    path.join(server, "node_modules")
  )
  return server
}

export type InstanceMode = "server" | "worker"

/** One `medusa start` process of the topology. */
export class Instance {
  private child?: ChildProcess
  private exited?: Promise<void>
  readonly url: string

  constructor(
    readonly name: string,
    readonly mode: InstanceMode,
    readonly port: number,
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv
  ) {
    this.url = `http://localhost:${port}`
  }

  get pid() {
    return this.child?.pid
  }

  get running() {
    return (
      !!this.child && this.child.exitCode === null && !this.child.signalCode
    )
  }

  /** Starts the process and resolves once its /health answers (at most `timeoutMs`). */
  async start(timeoutMs = 120000) {
    const log = fs.openSync(path.join(OUTPUT_DIR, `${this.name}.log`), "a")
    fs.writeSync(log, `\n=== ${new Date().toISOString()} start ===\n`)
    const child = spawn(MEDUSA_BIN, ["start"], {
      cwd: this.cwd,
      env: {
        ...this.env,
        PORT: String(this.port),
        MEDUSA_WORKER_MODE: this.mode,
      },
      stdio: ["ignore", log, log],
      detached: true,
    })
    fs.closeSync(log)
    this.child = child
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()))
    const started = Date.now()
    for (;;) {
      if (!this.running) {
        throw new Error(
          `${this.name} exited before it answered /health (see .test-output/cluster/${this.name}.log)`
        )
      }
      try {
        const res = await fetch(`${this.url}/health`)
        if (res.ok) {
          return
        }
      } catch {}
      if (Date.now() - started > timeoutMs) {
        await this.kill("SIGKILL")
        throw new Error(
          `${this.name} did not answer /health in ${timeoutMs} ms`
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  /** Sends `signal` to the process group and waits for the exit (SIGKILL after 15 s). */
  async kill(signal: NodeJS.Signals = "SIGTERM") {
    if (!this.child || !this.running) {
      return
    }
    try {
      process.kill(-this.child.pid!, signal)
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-this.child!.pid!, "SIGKILL")
      } catch {}
    }, 15000)
    await this.exited
    clearTimeout(timer)
  }

  /** Graceful stop (SIGTERM), as a deployment would. */
  stop() {
    return this.kill("SIGTERM")
  }

  /** A crash: `kill -9`, nothing is cleaned up by the process. */
  crash() {
    return this.kill("SIGKILL")
  }

  async restart() {
    await this.stop()
    await this.start()
  }
}

export type StoreIds = {
  regionId: string
  warehouseLocationId: string
  /** The demo store's other own location, a transfer's source. */
  shopLocationId: string
  webChannelId: string
  publishableKey: string
  customerId: string
  supplierId: string
  shippingProfileId: string
}

export type Cluster = {
  servers: [Instance, Instance]
  worker: Instance
  redis: Redis
  pool: Pool
  sql: Sql
  store: StoreIds
  /** Admin API clients, one per server, with a bearer token from POST /auth/user/emailpass. */
  admin: [AxiosInstance, AxiosInstance]
  /** Store API clients, one per server, with the publishable key. */
  shop: [AxiosInstance, AxiosInstance]
  /** Lock keys (without the `medusa_lock:` prefix) held in Redis whose name contains `part`. */
  lockKeys: (part?: string) => Promise<string[]>
  /** Jobs of the Redis event bus not yet handled (waiting, active, delayed). */
  pendingEvents: () => Promise<number>
  stop: () => Promise<void>
}

async function recreateDatabase(env: NodeJS.ProcessEnv) {
  const pool = new Pool({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USERNAME,
    password: env.DB_PASSWORD,
    database: "postgres",
    max: 1,
  })
  try {
    await pool.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`)
    await pool.query(`CREATE DATABASE "${DB_NAME}"`)
  } finally {
    await pool.end()
  }
}

async function storeIds(pool: Pool): Promise<StoreIds> {
  const one = async (text: string) => {
    const { rows } = await pool.query(text)
    if (rows.length !== 1) {
      throw new Error(`The demo store is not seeded: ${text}`)
    }
    return rows[0].value as string
  }
  return {
    regionId: await one(
      `SELECT id AS value FROM region WHERE name = 'Europe' AND deleted_at IS NULL`
    ),
    warehouseLocationId: await one(
      `SELECT id AS value FROM stock_location WHERE name = 'Warehouse' AND deleted_at IS NULL`
    ),
    shopLocationId: await one(
      `SELECT id AS value FROM stock_location WHERE name = 'Shop' AND deleted_at IS NULL`
    ),
    webChannelId: await one(
      `SELECT id AS value FROM sales_channel WHERE name = 'Webshop' AND deleted_at IS NULL`
    ),
    publishableKey: await one(
      `SELECT token AS value FROM api_key WHERE title = 'Webshop' AND type = 'publishable' AND deleted_at IS NULL`
    ),
    customerId: await one(
      `SELECT id AS value FROM customer WHERE email = 'jane@example.com' AND deleted_at IS NULL`
    ),
    supplierId: await one(
      `SELECT id AS value FROM supplier WHERE code = 'NCS' AND deleted_at IS NULL`
    ),
    shippingProfileId: await one(
      `SELECT id AS value FROM shipping_profile WHERE type = 'default' AND deleted_at IS NULL`
    ),
  }
}

/**
 * Builds the host, prepares the database and starts Redis-backed servers and worker.
 * Needs CLUSTER_REDIS_URL and DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD (`npm test cluster`
 * sets them).
 */
export async function startCluster(): Promise<Cluster> {
  const redisUrl = process.env.CLUSTER_REDIS_URL
  if (!redisUrl || !process.env.DB_HOST) {
    throw new Error(
      "The cluster tests need CLUSTER_REDIS_URL and DB_HOST: run them with `npm test cluster`."
    )
  }
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true })
  fs.mkdirSync(OUTPUT_DIR, { recursive: true })

  const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
  const password = encodeURIComponent(process.env.DB_PASSWORD ?? "")
  const databaseUrl = `postgres://${user}:${password}@${process.env.DB_HOST}:${process.env.DB_PORT}/${DB_NAME}`
  // Only what Medusa needs: no test-runner variables, no NODE_OPTIONS of Jest.
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    DATABASE_URL: databaseUrl,
    MEDUSA_DISABLE_ADMIN: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL || "info",
    JWT_SECRET: "cluster-secret",
    COOKIE_SECRET: "cluster-secret",
  }

  await recreateDatabase(process.env)
  const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), "backorders-cluster-"))
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 })
  await redis.flushall()
  // The build and the database set-up are independent: run them side by side.
  const [buildDir] = await Promise.all([
    buildHost(hostDir, { ...base, NODE_ENV: "production" }),
    (async () => {
      const env = { ...base, NODE_ENV: "development" }
      const log = path.join(OUTPUT_DIR, "setup.log")
      await runToEnd(MEDUSA_BIN, ["db:migrate"], { cwd: ROOT, env, log })
      await runToEnd(MEDUSA_BIN, ["exec", "./scripts/seed-demo.ts"], {
        cwd: ROOT,
        env,
        log,
      })
    })(),
  ])

  const env = { ...base, NODE_ENV: "production", REDIS_URL: redisUrl }
  const worker = new Instance("worker", "worker", BASE_PORT, buildDir, env)
  const servers: [Instance, Instance] = [
    new Instance("server-a", "server", BASE_PORT + 1, buildDir, env),
    new Instance("server-b", "server", BASE_PORT + 2, buildDir, env),
  ]
  const all = [worker, ...servers]

  const pool = new Pool({ connectionString: databaseUrl, max: 4 })
  // The queue of Medusa's Redis event bus (its name and prefix in event-bus-redis).
  const eventsConnection = redis.duplicate()
  const events = new Queue("events-queue", {
    prefix: "RedisEventBusService",
    connection: eventsConnection,
  })
  const stop = async () => {
    await Promise.all(all.map((instance) => instance.stop()))
    await events.close()
    await pool.end()
    // BullMQ leaves a connection it was given open.
    eventsConnection.disconnect()
    redis.disconnect()
    fs.rmSync(hostDir, { recursive: true, force: true })
  }

  try {
    await Promise.all(all.map((instance) => instance.start()))
    const store = await storeIds(pool)
    const { data } = await axios.post(
      `${servers[0].url}/auth/user/emailpass`,
      ADMIN
    )
    const client = (url: string, headers: Record<string, string>) =>
      axios.create({ baseURL: url, headers, validateStatus: () => true })
    const admin = servers.map((s) =>
      client(s.url, { authorization: `Bearer ${data.token}` })
    ) as [AxiosInstance, AxiosInstance]
    const shop = servers.map((s) =>
      client(s.url, { "x-publishable-api-key": store.publishableKey })
    ) as [AxiosInstance, AxiosInstance]

    return {
      servers,
      worker,
      redis,
      pool,
      sql: sqlOfPg(pool),
      store,
      admin,
      shop,
      lockKeys: async (part = "") => {
        const keys = await redis.keys(`${LOCK_PREFIX}*${part}*`)
        return keys.map((key) => key.slice(LOCK_PREFIX.length)).sort()
      },
      pendingEvents: async () => {
        const counts = await events.getJobCounts(
          "wait",
          "active",
          "delayed",
          "prioritized",
          "paused",
          "waiting-children"
        )
        return Object.values(counts).reduce((sum, n) => sum + n, 0)
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
