import { mkdirSync, writeFileSync } from "node:fs"
import { Session } from "node:inspector/promises"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedDemoStore } from "../scripts/seed/demo-store"
import { BACKORDER_MODULE } from "../src/modules/backorder"
import BackorderModuleService from "../src/modules/backorder/service"

/** The sizes a benchmark runs at: `BENCH_SIZES=1000,10000` by default. */
export const SIZES = (process.env.BENCH_SIZES ?? "1000,10000")
  .split(",")
  .map(Number)

/**
 * The demo store seeded, the services a benchmark uses, and `measure`, which runs one piece
 * of work and returns its result, its time and how many SQL queries it sent.
 */
export async function setUpBench(container: MedusaContainer) {
  const store = await seedDemoStore(container)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  let queries = 0
  // `BENCH_PROFILE=1`: each query's time, to see where a measured piece of work spends it.
  const profile = process.env.BENCH_PROFILE === "1"
  const started = new Map<string, { at: bigint; sql: string }>()
  const slow: { ms: number; sql: string }[] = []
  pg.on("query", (q: { __knexQueryUid: string; sql: string }) => {
    queries++
    if (profile) {
      started.set(q.__knexQueryUid, { at: process.hrtime.bigint(), sql: q.sql })
    }
  })
  if (profile) {
    const done = (_: unknown, q: { __knexQueryUid: string }) => {
      const begun = started.get(q.__knexQueryUid)
      if (begun) {
        started.delete(q.__knexQueryUid)
        slow.push({
          ms: Number(process.hrtime.bigint() - begun.at) / 1e6,
          sql: begun.sql.replace(/\s+/g, " ").slice(0, 110),
        })
      }
    }
    pg.on("query-response", done)
    pg.on("query-error", done)
  }
  const measure = async <T>(work: () => Promise<T>) => {
    queries = 0
    slow.length = 0
    const cpu = await startCpuProfile()
    const begun = process.hrtime.bigint()
    const result = await work()
    const ms = Number(process.hrtime.bigint() - begun) / 1e6
    await cpu?.stop()
    if (profile) {
      const sqlMs = slow.reduce((sum, q) => sum + q.ms, 0)
      console.log(`  ${ms.toFixed(0)} ms, of it ${sqlMs.toFixed(0)} ms in SQL:`)
      for (const q of slow.filter((q) => q.ms >= 5)) {
        console.log(`  ${q.ms.toFixed(0).padStart(6)} ms  ${q.sql}`)
      }
    }
    return { result, ms, queries }
  }
  return {
    store,
    measure,
    service: container.resolve<BackorderModuleService>(BACKORDER_MODULE),
    inventory: container.resolve(Modules.INVENTORY),
    query: container.resolve(ContainerRegistrationKeys.QUERY),
  }
}

/**
 * `BENCH_CPU_PROFILE=<dir>`: a CPU profile of each measured piece of work (open the
 * `.cpuprofile` in Chrome's DevTools), to see where its JavaScript time goes.
 */
async function startCpuProfile() {
  const dir = process.env.BENCH_CPU_PROFILE
  if (!dir) {
    return undefined
  }
  const session = new Session()
  session.connect()
  await session.post("Profiler.enable")
  await session.post("Profiler.start")
  return {
    stop: async () => {
      const { profile } = await session.post("Profiler.stop")
      mkdirSync(dir, { recursive: true })
      writeFileSync(
        `${dir}/measure-${Date.now()}.cpuprofile`,
        JSON.stringify(profile)
      )
      session.disconnect()
    },
  }
}
