import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import type { BackorderPluginOptions } from "./src/modules/backorder/options"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The development host: `src/` is loaded as the project, so routes, workflows, subscribers,
 * links and admin extensions come from TypeScript source and the plugin's module is
 * registered from `./src/modules/backorder` (not through `plugins`, which would load it twice).
 *
 * The database comes from DATABASE_URL, or from DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD/DB_NAME;
 * `npm run demo` and `npm test` start an embedded PostgreSQL and set these for you.
 */
function databaseUrl(): string | undefined {
  if (process.env.DATABASE_URL) {
    return process.env.DATABASE_URL
  }
  if (!process.env.DB_HOST) {
    return undefined
  }
  const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
  const password = encodeURIComponent(process.env.DB_PASSWORD ?? "")
  const port = process.env.DB_PORT ?? "5432"
  const name = process.env.DB_NAME ?? "medusa_backorders"
  return `postgres://${user}:${password}@${process.env.DB_HOST}:${port}/${name}`
}

const redisUrl = process.env.REDIS_URL

// Several server and worker instances share one Redis: events, workflows, locks and cache
// must live there, not in one process's memory.
const redisModules = redisUrl
  ? [
      {
        key: Modules.EVENT_BUS,
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl },
      },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        key: Modules.CACHE,
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

// Medusa's role-based access control is behind its `rbac` feature flag: with
// MEDUSA_FF_RBAC=true the RBAC module is added and every admin route checks its policies.
const rbacModules =
  process.env.MEDUSA_FF_RBAC === "true"
    ? [{ key: Modules.RBAC, resolve: "@medusajs/medusa/rbac" }]
    : []

const backorderOptions: BackorderPluginOptions = {
  allocationPolicy:
    (process.env
      .BACKORDER_ALLOCATION_POLICY as BackorderPluginOptions["allocationPolicy"]) ||
    undefined,
  stockReceivedOn:
    (process.env
      .BACKORDER_STOCK_RECEIVED_ON as BackorderPluginOptions["stockReceivedOn"]) ||
    undefined,
  purchaseOrderPrefix: process.env.BACKORDER_PURCHASE_ORDER_PREFIX || undefined,
  purchaseOrderNumberPadding: process.env.BACKORDER_PURCHASE_ORDER_PADDING
    ? Number(process.env.BACKORDER_PURCHASE_ORDER_PADDING)
    : undefined,
  // The in-process HTTP tests switch the catch-up job off, so nothing records or allocates
  // behind a test's back; the multi-instance tests run it.
  ...(process.env.BACKORDER_CATCH_UP === "false" ? { catchUp: false } : {}),
  // Nor any other scheduled job (the sweep of abandoned sales, late promises): the tests run
  // them by hand, and one firing on its own at a minute's turn would race them.
  ...(process.env.BACKORDER_SCHEDULED_JOBS === "false"
    ? { scheduledJobs: false }
    : {}),
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: databaseUrl(),
    redisUrl,
    workerMode:
      (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") ||
      "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors:
        process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors:
        process.env.AUTH_CORS ||
        "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
    // Over plain http a `secure` session cookie is dropped by the browser and the admin
    // login fails silently; only ask for it when served over https.
    cookieOptions: {
      secure: process.env.COOKIE_SECURE === "true",
      sameSite: "lax",
    },
  },
  admin: {
    disable: process.env.MEDUSA_DISABLE_ADMIN === "true",
  },
  modules: [
    {
      resolve: "./src/modules/backorder",
      options: backorderOptions,
    },
    // Medusa's local provider stands in for the email provider a merchant configures: it
    // logs what would be sent, and the notifications are kept (and read by the tests).
    {
      key: Modules.NOTIFICATION,
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: {
              name: "Local Notification Provider",
              channels: ["feed", "email"],
            },
          },
        ],
      },
    },
    ...redisModules,
    ...rbacModules,
  ],
})
