import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { getOrdersListWorkflow } from "@medusajs/medusa/core-flows"
import { BACKORDER_MODULE } from "../src/modules/backorder"
import BackorderModuleService from "../src/modules/backorder/service"
import { listBackorderPage } from "../src/api/admin/backorders/list-page"
import { findBackorderIdsBySearch } from "../src/api/admin/backorders/search"
import { defaultAdminBackorderFields } from "../src/api/admin/backorders/query-config"
import { receivePurchaseOrderWorkflow } from "../src/workflows/purchasing/workflows/receive-purchase-order"
import { sendPurchaseOrderWorkflow } from "../src/workflows/purchasing/workflows/send-purchase-order"
import { readSeededHistory, seedHistory } from "./seed-history"

/** Backorders (and orders) seeded: `BENCH_SCALE`, a million by default. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1_000_000)
/** Rounds of every read, interleaved so the machine's load hits all alike. */
const RUNS = Number(process.env.BENCH_RUNS ?? 30)
/**
 * Waiting backorders one receipt allocates: `BENCH_ALLOCATION=10000,100000`; `0` none (their
 * backorders stay in the database, which a reused one should not gather run after run).
 */
const ALLOCATION_SIZES = (process.env.BENCH_ALLOCATION ?? "10000,100000")
  .split(",")
  .map(Number)
  .filter((size) => size > 0)

/** What a row of the Backorders page reads: the defaults, the customer, the order, the PO. */
const LIST_FIELDS = [
  ...defaultAdminBackorderFields,
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "order.id",
  "order.display_id",
  "purchase_order_lines.quantity",
  "purchase_order_lines.purchase_order_line.purchase_order.id",
  "purchase_order_lines.purchase_order_line.purchase_order.display_id",
  "purchase_order_lines.purchase_order_line.purchase_order.status",
  "purchase_order_lines.purchase_order_line.purchase_order.expected_at",
]

/** What Medusa's dashboard asks `/admin/orders` for on its Orders page. */
const ORDER_LIST_FIELDS = [
  "id",
  "status",
  "created_at",
  "email",
  "display_id",
  "custom_display_id",
  "payment_status",
  "fulfillment_status",
  "total",
  "currency_code",
  "*customer",
  "*sales_channel",
]

/**
 * `npm run bench` (`BENCH_ONLY=scale`): a merchant's history of `BENCH_SCALE` backorders
 * (a tenth open) and as many Medusa orders, seeded with SQL; then, interleaved over
 * `BENCH_RUNS` rounds, every staff read of the Backorders pages next to Medusa's own order
 * list (the same work `/admin/orders` does, through `getOrdersListWorkflow`) and order
 * search, with p50 / p95, SQL queries and the ratio of p95s; last, one receipt allocating
 * 10,000 and 100,000 waiting backorders of one item.
 */
export default async function benchScale({ container }: ExecArgs) {
  const service = container.resolve<BackorderModuleService>(BACKORDER_MODULE)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  let queries = 0
  pg.on("query", () => {
    queries++
  })

  const seeded =
    process.env.BENCH_SCALE_REUSED === "1"
      ? await readSeededHistory(container, SCALE)
      : await seedHistory(container, SCALE)
  console.log(
    `${process.env.BENCH_SCALE_REUSED === "1" ? "reused" : "seeded"} ${seeded.backorders} backorders (${seeded.open} open), ${seeded.orders} orders, ${seeded.customers} customers in ${seeded.seconds} s`
  )
  const supplier = "sup_bench_3"
  const item = "iitem_bench_1234"
  const late = new Date().toISOString()

  const orders = (q?: string) => () =>
    getOrdersListWorkflow(container).run({
      input: {
        fields: ORDER_LIST_FIELDS,
        variables: {
          filters: { is_draft_order: false, ...(q ? { q } : {}) },
          skip: 0,
          take: 20,
          order: { created_at: "DESC" },
        },
      },
    })
  const list =
    (
      filters: Record<string, unknown>,
      order: Record<string, "ASC" | "DESC"> = { created_at: "DESC" }
    ) =>
    () =>
      listBackorderPage(container, {
        filters,
        fields: LIST_FIELDS,
        skip: 0,
        take: 50,
        order,
      })
  const search = (q: string) => () =>
    findBackorderIdsBySearch(container, q).then((ids) => list({ id: ids })())

  // [name, work, the Medusa operation it is compared with]
  const cases: [string, () => Promise<unknown>, string][] = [
    ["orders: list page", orders(), ""],
    ["orders: search email", orders(seeded.sample.email), ""],
    ["list: all", list({}), "orders: list page"],
    ["list: new", list({ status: "new" }), "orders: list page"],
    ["list: fulfilled", list({ status: "fulfilled" }), "orders: list page"],
    [
      "list: supplier on_order",
      list({ status: "on_order", supplier_id: supplier }),
      "orders: list page",
    ],
    [
      "list: late by promise",
      list(
        {
          status: ["new", "on_order", "partially_available"],
          promised_at: { $lt: late },
        },
        { promised_at: "ASC" }
      ),
      "orders: list page",
    ],
    ["list: all by sku", list({}, { sku: "ASC" }), "orders: list page"],
    ["search: kettle", search("kettle"), "orders: search email"],
    ["search: sku", search(seeded.sample.sku), "orders: search email"],
    ["search: email", search(seeded.sample.email), "orders: search email"],
    [
      "search: #order",
      search(`#${seeded.sample.display_id}`),
      "orders: search email",
    ],
    ["tab counts", () => service.countBackorderTabs({}), "orders: list page"],
    [
      "tab counts: supplier",
      () => service.countBackorderTabs({ supplier_id: supplier }),
      "orders: list page",
    ],
    [
      "supplier groups",
      () => service.groupBackordersBySupplier({}),
      "orders: list page",
    ],
    [
      "supplier groups: new",
      () => service.groupBackordersBySupplier({ status: "new" }),
      "orders: list page",
    ],
    ["health", () => service.summarizeBackorderHealth(), "orders: list page"],
    [
      "stock summary",
      () => service.summarizeStock([item]),
      "orders: list page",
    ],
  ]

  const times = new Map<string, number[]>(cases.map(([name]) => [name, []]))
  const counted = new Map<string, number>()
  for (let run = 0; run < RUNS + 1; run++) {
    for (const [name, work] of cases) {
      queries = 0
      const started = process.hrtime.bigint()
      await work()
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      // The first round warms the caches and the query planner; it is not counted.
      if (run > 0) {
        times.get(name)!.push(ms)
      }
      counted.set(name, queries)
    }
  }

  console.log(
    `\n${SCALE} backorders, ${RUNS} interleaved rounds (ms; ratio = p95 / p95 of Medusa's operation)`
  )
  console.log(
    `${"read".padEnd(26)}${"p50".padStart(8)}${"p95".padStart(8)}${"queries".padStart(9)}  ${"vs".padEnd(22)}${"ratio".padStart(6)}`
  )
  for (const [name, , against] of cases) {
    const [p50, p95] = percentiles(times.get(name)!)
    const ratio = against ? p95 / percentiles(times.get(against)!)[1] : null
    console.log(
      `${name.padEnd(26)}${p50.toFixed(1).padStart(8)}${p95.toFixed(1).padStart(8)}${String(counted.get(name)).padStart(9)}  ${(against || "-").padEnd(22)}${(ratio === null ? "" : ratio.toFixed(2)).padStart(6)}`
    )
  }

  console.log(
    `\n${"waiting".padStart(10)}${"receive_ms".padStart(12)}${"queries".padStart(9)}${"allocated".padStart(11)}`
  )
  for (const size of ALLOCATION_SIZES) {
    const result = await benchAllocation(container, seeded.shopLocationId, size)
    queries = 0
    console.log(
      `${String(size).padStart(10)}${result.ms.toFixed(0).padStart(12)}${String(result.queries).padStart(9)}${String(result.allocated).padStart(11)}`
    )
  }
}

/**
 * `size` waiting backorders of a fresh inventory item (seeded with SQL), one purchase order
 * for all of them, sent; then one receipt of everything, timed.
 */
async function benchAllocation(
  container: MedusaContainer,
  locationId: string,
  size: number
) {
  const service = container.resolve<BackorderModuleService>(BACKORDER_MODULE)
  const inventory = container.resolve(Modules.INVENTORY)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [item] = await inventory.createInventoryItems([
    { sku: `BENCH-ALLOC-${size}-${Date.now()}` },
  ])
  await inventory.createInventoryLevels([
    {
      inventory_item_id: item.id,
      location_id: locationId,
      stocked_quantity: 0,
    },
  ])
  await inventory.createReservationItems([
    {
      inventory_item_id: item.id,
      location_id: locationId,
      quantity: size,
      allow_backorder: true,
    },
  ])
  await pg.raw(
    `INSERT INTO backorder (id, status, source, order_id, line_item_id, variant_id,
       inventory_item_id, location_id, quantity, raw_quantity, created_at, updated_at)
     SELECT 'bo_alloc_' || :item || '_' || g, 'on_order', 'storefront',
            'order_bench_' || g, 'ordli_alloc_' || :item || '_' || g, 'variant_bench_1',
            :item, :location, 1, '{"value": "1", "precision": 20}',
            now() - interval '1 second' * (:size - g), now()
     FROM generate_series(1, :size) g`,
    { item: item.id, location: locationId, size }
  )
  await pg.raw(`ANALYZE backorder`)
  const po = await service.createPurchaseOrders({
    supplier_id: "sup_bench_0",
    location_id: locationId,
  })
  const [line] = await service.createPurchaseOrderLines([
    {
      purchase_order_id: po.id,
      variant_id: "variant_bench_1",
      inventory_item_id: item.id,
      quantity: size,
    },
  ])
  await sendPurchaseOrderWorkflow(container).run({ input: { id: po.id } })

  let queries = 0
  const count = () => {
    queries++
  }
  pg.on("query", count)
  const started = process.hrtime.bigint()
  await receivePurchaseOrderWorkflow(container).run({
    input: {
      id: po.id,
      lines: [{ purchase_order_line_id: line.id, quantity: size }],
    },
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  pg.off("query", count)
  const {
    rows: [allocated],
  } = await pg.raw(
    `SELECT count(*) AS n FROM backorder WHERE inventory_item_id = ? AND status = 'available'`,
    [item.id]
  )
  return { ms, queries, allocated: Number(allocated.n) }
}

function percentiles(values: number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]
  return [at(0.5), at(0.95)]
}
