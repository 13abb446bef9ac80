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
  pg.on("query", () => {
    queries++
  })
  const measure = async <T>(work: () => Promise<T>) => {
    queries = 0
    const started = process.hrtime.bigint()
    const result = await work()
    return {
      result,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      queries,
    }
  }
  return {
    store,
    measure,
    service: container.resolve<BackorderModuleService>(BACKORDER_MODULE),
    inventory: container.resolve(Modules.INVENTORY),
    query: container.resolve(ContainerRegistrationKeys.QUERY),
  }
}
