import { AxiosResponse } from "axios"
import {
  Cluster,
  pollUntil,
  startCluster,
} from "../integration-tests/cluster/harness"
import {
  completeCart,
  createItem,
  Item,
  prepareCart,
  sale,
  tally,
} from "../integration-tests/cluster/shop"

/** Measured rounds (`BENCH_SALES_RUNS=50`) after `BENCH_SALES_WARMUP=3` unmeasured ones. */
const RUNS = Number(process.env.BENCH_SALES_RUNS ?? 50)
const WARMUP = Number(process.env.BENCH_SALES_WARMUP ?? 3)
/** Units per sale and per draft order; the sold variant has none in stock. */
const QUANTITY = 2

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ]
}

function ok<T = any>(what: string, res: AxiosResponse<T>): T {
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.data)}`)
  }
  return res.data
}

async function timed(work: () => Promise<unknown>) {
  const started = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - started) / 1e6
}

/**
 * `npm run bench` (`BENCH_ONLY=sales`): the plugin's sales next to Medusa's own operations,
 * over HTTP against a built server of the production topology (`startCluster`: built host,
 * Redis event bus, workflow engine and locking, a worker that runs the subscribers; only the
 * first server is sent requests), with a real admin login and the demo store.
 *
 * Interleaved rounds, each one of:
 * - a POS to-order sale (`POST /admin/to-order-sales`, one line of 2 units of a variant with
 *   none in stock, the demo customer, `pay_now`) against Medusa's draft order create and
 *   convert (`POST /admin/draft-orders`, `POST /admin/draft-orders/:id/convert-to-order`) of
 *   the same customer, variant, quantity, region and sales channel, and against the same
 *   draft order converted and then paid the way the dashboard does it (`POST
 *   /admin/payment-collections` for the order's total, `.../mark-as-paid`), since the sale
 *   takes the payment too;
 * - a storefront checkout (cart, address, shipping options, shipping method, payment
 *   collection, payment session, complete: the same seven calls) of a variant that allows
 *   backorder with none in stock (a backorder is recorded) against one with stock. The whole
 *   checkout and its `complete` call are timed apart.
 *
 * Which side goes first alternates every round, and every measured call waits until the
 * event bus is idle, so that no subscriber of an earlier call (the worker's recording of a
 * checkout's backorders, say) shares the two cores with it. Prints p50 and p95 of each and
 * the ratio plugin / Medusa.
 */
export default async function benchSales() {
  let cluster: Cluster | undefined
  try {
    cluster = await startCluster()
    const c = cluster
    const admin = c.admin[0]
    const shop = c.shop[0]
    const short = await createItem(c, "sale-short", 0)
    const backorderable = await createItem(c, "checkout-short", 0)
    const inStock = await createItem(c, "checkout-stocked", 100000)

    // The first sale shows the region and sales channel the plugin sold in.
    const first = ok("to-order sale", await sale(c, admin, short, QUANTITY))
    const {
      rows: [placed],
    } = await c.pool.query(
      `SELECT region_id, sales_channel_id FROM "order" WHERE id = $1`,
      [first.order.id]
    )
    const draftInput = {
      customer_id: c.store.customerId,
      region_id: placed.region_id as string,
      sales_channel_id: placed.sales_channel_id as string,
      items: [{ variant_id: short.variantId, quantity: QUANTITY }],
    }

    const idle = () =>
      pollUntil(
        () => c.pendingEvents(),
        (n) => n === 0,
        { timeoutMs: 60000, intervalMs: 20 }
      )

    const toOrderSale = async () => {
      await idle()
      return timed(async () => {
        const data = ok("to-order sale", await sale(c, admin, short, QUANTITY))
        if (data.backorders.length !== 1) {
          throw new Error(
            `The sale recorded ${data.backorders.length} backorders`
          )
        }
      })
    }
    const draftOrder = async () => {
      await idle()
      return timed(async () => {
        const { draft_order } = ok(
          "create draft order",
          await admin.post("/admin/draft-orders", draftInput)
        )
        ok(
          "convert draft order",
          await admin.post(
            `/admin/draft-orders/${draft_order.id}/convert-to-order`,
            {}
          )
        )
      })
    }
    // What a shop on plain Medusa does to take the money of that order: a payment collection
    // for its total, marked paid (Medusa authorizes and captures it with the system
    // provider), as the to-order sale's `pay_now` captures the whole order.
    const paidDraftOrder = async () => {
      await idle()
      return timed(async () => {
        const { draft_order } = ok(
          "create draft order",
          await admin.post("/admin/draft-orders", draftInput)
        )
        const { order } = ok(
          "convert draft order",
          await admin.post(
            `/admin/draft-orders/${draft_order.id}/convert-to-order`,
            {}
          )
        )
        const { payment_collection } = ok(
          "create payment collection",
          await admin.post("/admin/payment-collections", {
            order_id: order.id,
            amount: Number(order.total),
          })
        )
        ok(
          "mark payment collection paid",
          await admin.post(
            `/admin/payment-collections/${payment_collection.id}/mark-as-paid`,
            { order_id: order.id }
          )
        )
      })
    }
    let shopper = 0
    const checkout = async (item: Item) => {
      await idle()
      let complete = 0
      const whole = await timed(async () => {
        const cartId = await prepareCart(
          c,
          shop,
          item,
          `bench-${++shopper}@example.com`
        )
        complete = await timed(() => completeCart(shop, cartId, tally()))
      })
      return { whole, complete }
    }

    const samples = {
      sale: [] as number[],
      draft: [] as number[],
      paidSale: [] as number[],
      paidDraft: [] as number[],
      backorderCheckout: [] as number[],
      stockedCheckout: [] as number[],
      backorderComplete: [] as number[],
      stockedComplete: [] as number[],
    }
    for (let round = 0; round < WARMUP + RUNS; round++) {
      const pluginFirst = round % 2 === 0
      const pair = async <T>(
        plugin: () => Promise<T>,
        medusa: () => Promise<T>
      ) => {
        if (pluginFirst) {
          const p = await plugin()
          return [p, await medusa()] as const
        }
        const m = await medusa()
        return [await plugin(), m] as const
      }
      const [saleMs, draftMs] = await pair(toOrderSale, draftOrder)
      const [paidSaleMs, paidDraftMs] = await pair(toOrderSale, paidDraftOrder)
      const [withBackorder, stocked] = await pair(
        () => checkout(backorderable),
        () => checkout(inStock)
      )
      if (round < WARMUP) {
        continue
      }
      samples.sale.push(saleMs)
      samples.draft.push(draftMs)
      samples.paidSale.push(paidSaleMs)
      samples.paidDraft.push(paidDraftMs)
      samples.backorderCheckout.push(withBackorder.whole)
      samples.stockedCheckout.push(stocked.whole)
      samples.backorderComplete.push(withBackorder.complete)
      samples.stockedComplete.push(stocked.complete)
    }
    await idle()

    // Every backordered checkout was recorded by the worker.
    const { rows: recorded } = await c.pool.query(
      `SELECT COUNT(*)::int AS n FROM backorder b
         JOIN order_line_item li ON li.id = b.line_item_id
        WHERE li.variant_id = $1 AND b.deleted_at IS NULL`,
      [backorderable.variantId]
    )

    console.log(
      `Sales over HTTP, built server + worker (Redis), ${RUNS} interleaved rounds (${WARMUP} warm-up)`
    )
    console.log(
      "operation                        plugin_p50  medusa_p50  ratio  plugin_p95  medusa_p95  ratio"
    )
    const row = (label: string, plugin: number[], medusa: number[]) => {
      const p = [...plugin].sort((a, b) => a - b)
      const m = [...medusa].sort((a, b) => a - b)
      const p50 = [percentile(p, 50), percentile(m, 50)]
      const p95 = [percentile(p, 95), percentile(m, 95)]
      console.log(
        [
          label.padEnd(31),
          p50[0].toFixed(1).padStart(10),
          p50[1].toFixed(1).padStart(10),
          `${(p50[0] / p50[1]).toFixed(2)}x`.padStart(5),
          p95[0].toFixed(1).padStart(10),
          p95[1].toFixed(1).padStart(10),
          `${(p95[0] / p95[1]).toFixed(2)}x`.padStart(5),
        ].join("  ")
      )
    }
    row("to-order sale / draft+convert", samples.sale, samples.draft)
    row("  / draft+convert+mark paid", samples.paidSale, samples.paidDraft)
    row(
      "checkout backorder / in stock",
      samples.backorderCheckout,
      samples.stockedCheckout
    )
    row(
      "  complete call only",
      samples.backorderComplete,
      samples.stockedComplete
    )
    console.log(
      `backorders recorded by the worker for the backordered checkouts: ${recorded[0].n} (expected ${WARMUP + RUNS})`
    )
  } finally {
    await cluster?.stop()
  }
}
