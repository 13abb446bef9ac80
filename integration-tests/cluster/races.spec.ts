import { Cluster, pollUntil, startCluster } from "./harness"
import {
  completeCart,
  completeSale,
  createItem,
  halfMade,
  Item,
  levelOf,
  mapLimited,
  ordersOf,
  prepareCart,
  receive,
  receiveTransfer,
  sale,
  sentPurchaseOrder,
  sentTransfer,
  tally,
  Tally,
} from "./shop"
import { invariantViolations, unrecordedShortages } from "../helpers/invariants"

/**
 * The production topology raced: two built servers and a worker on one PostgreSQL and one
 * Redis (event bus, workflow engine, cache, locking). Requests alternate between the servers.
 * After every race the invariants of the domain hold in SQL, the item's lock keys are gone
 * within seconds, and (once the worker has handled every event) each short unit is recorded
 * exactly once on the orders that were placed after the stock ran out.
 */
jest.setTimeout(600000)

// "Within seconds": how long a lock key of a finished or crashed request may outlive it.
const LOCKS_GONE_WITHIN_MS = 10000
// How long the worker may take to handle what the servers emitted.
const EVENTS_HANDLED_WITHIN_MS = 90000

let cluster: Cluster

beforeAll(async () => {
  cluster = await startCluster()
})

afterAll(async () => {
  await cluster?.stop()
})

const server = (i: number) => cluster.admin[i % 2]
const shop = (i: number) => cluster.shop[i % 2]

/** The item's lock keys (inventory item and its purchase orders) once they are gone, or those left. */
async function locksLeft(item: Item, extra: string[] = []) {
  const read = async () =>
    (
      await Promise.all(
        [item.inventoryItemId, ...extra].map((part) => cluster.lockKeys(part))
      )
    ).flat()
  return pollUntil(read, (keys) => keys.length === 0, {
    timeoutMs: LOCKS_GONE_WITHIN_MS,
  })
}

/** Waits until the worker has handled every event and the item's shortages add up. */
async function settled(item: Item) {
  return pollUntil(
    async () => ({
      pending: await cluster.pendingEvents(),
      unrecorded: (await unrecordedShortages(cluster.sql)).filter(
        (row) => row.inventory_item_id === item.inventoryItemId
      ),
    }),
    ({ pending, unrecorded }) => pending === 0 && unrecorded.length === 0,
    { timeoutMs: EVENTS_HANDLED_WITHIN_MS, intervalMs: 500 }
  )
}

/** The invariants of DOMAIN.md 1-5 and 8 and the reservation and money checks. */
async function expectInvariants() {
  expect(await invariantViolations(cluster.sql)).toEqual({})
}

/**
 * After 6 units arrived for 6 waiting to-order sales while 6 checkouts raced them: the 6
 * sales' backorders have their unit, the 6 checkouts' wait with none, and the warehouse
 * holds the 6 with all 12 units reserved and nothing incoming.
 */
async function expectSixServedSixWaiting(item: Item) {
  const { rows: backorders } = await cluster.pool.query(
    `SELECT source, status, quantity::int, allocated_quantity::int AS allocated
       FROM backorder WHERE inventory_item_id = $1 AND deleted_at IS NULL
      ORDER BY source, created_at`,
    [item.inventoryItemId]
  )
  expect(backorders).toEqual([
    ...Array(6).fill({
      source: "pos",
      status: "available",
      quantity: 1,
      allocated: 1,
    }),
    ...Array(6).fill({
      source: "storefront",
      status: "new",
      quantity: 1,
      allocated: 0,
    }),
  ])
  expect(await levelOf(cluster, item)).toEqual({
    stocked: 6,
    reserved: 12,
    incoming: 0,
  })
}

function report(label: string, { conflicts }: Tally, started: number) {
  // The numbers a reader of the CI log wants: how contended the race was.
  console.log(
    `${label}: ${conflicts} conflict(s) (409) retried, ${Date.now() - started} ms`
  )
}

describe("the production topology: two servers and a worker on Redis", () => {
  it("runs two servers and a worker, sharing one Redis", async () => {
    for (const instance of [...cluster.servers, cluster.worker]) {
      expect((await fetch(`${instance.url}/health`)).status).toBe(200)
    }
    // Both servers answer the admin API with the same token and see the same store.
    const [a, b] = await Promise.all(
      cluster.admin.map((admin) => admin.get("/admin/suppliers?code=NCS"))
    )
    expect([a.status, b.status]).toEqual([200, 200])
    expect(a.data.suppliers[0].id).toBe(b.data.suppliers[0].id)
  })

  it("30 to-order sales of one unit across both servers with 8 on hand: exactly 8 ship now, 22 are backordered", async () => {
    const item = await createItem(cluster, "thirty", 8)
    const conflicts = tally()
    const started = Date.now()

    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        completeSale(cluster, server(i), item, conflicts)
      )
    )
    report("30 sales, 8 on hand", conflicts, started)

    expect(results.filter((r) => r.status === "rejected")).toEqual([])
    const sales = results.map(
      (r) => (r as PromiseFulfilledResult<{ backordered: number }>).value
    )
    expect(sales.filter((s) => s.backordered === 0)).toHaveLength(8)
    expect(sales.filter((s) => s.backordered === 1)).toHaveLength(22)

    const orders = await ordersOf(cluster, item)
    expect(orders).toHaveLength(30)
    expect(orders.filter((o) => o.backordered === 0)).toHaveLength(8)
    expect(
      orders.filter((o) => o.backordered === 1 && o.backorder_rows === 1)
    ).toHaveLength(22)
    // First reserved, first served: the 8 that ship now are the 8 that reserved first.
    expect(orders.slice(0, 8).map((o) => o.backordered)).toEqual(
      Array(8).fill(0)
    )
    expect(await levelOf(cluster, item)).toEqual({
      stocked: 8,
      reserved: 30,
      incoming: 0,
    })
    expect(await locksLeft(item)).toEqual([])
    expect((await settled(item)).unrecorded).toEqual([])
    await expectInvariants()
  })

  it("20 to-order sales racing 20 storefront checkouts with 10 on hand: the 10 first to reserve ship, 30 units are backordered once each", async () => {
    const item = await createItem(cluster, "mixed", 10)
    const carts = await mapLimited(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      (i) => prepareCart(cluster, shop(i), item, `mixed-${i}@backorders.test`)
    )
    const conflicts = tally()
    const started = Date.now()

    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) =>
        completeSale(cluster, server(i), item, conflicts)
      ),
      ...carts.map((cartId, i) => completeCart(shop(i + 1), cartId, conflicts)),
    ])
    report("20 sales and 20 checkouts, 10 on hand", conflicts, started)
    expect(results.filter((r) => r.status === "rejected")).toEqual([])

    expect((await settled(item)).unrecorded).toEqual([])
    const orders = await ordersOf(cluster, item)
    expect(orders).toHaveLength(40)
    expect(orders.map((o) => o.backordered)).toEqual([
      ...Array(10).fill(0),
      ...Array(30).fill(1),
    ])
    expect(orders.every((o) => o.backorder_rows <= 1)).toBe(true)
    expect(await levelOf(cluster, item)).toEqual({
      stocked: 10,
      reserved: 40,
      incoming: 0,
    })
    expect(await locksLeft(item)).toEqual([])
    await expectInvariants()
  })

  it("receipts race checkouts while the item is held locked for 3 seconds: all finish, no lock is left behind", async () => {
    const item = await createItem(cluster, "held", 0)
    // 6 customers wait; 6 units are on a sent purchase order.
    for (let i = 0; i < 6; i++) {
      expect(
        (await completeSale(cluster, server(i), item, tally())).backordered
      ).toBe(1)
    }
    const po = await sentPurchaseOrder(cluster, item, 6)
    const carts = await mapLimited(
      Array.from({ length: 6 }, (_, i) => i),
      3,
      (i) => prepareCart(cluster, shop(i), item, `held-${i}@backorders.test`)
    )

    // Someone else (another instance's long job) holds the item's lock for 3 seconds.
    const holder = `cluster-test-${Date.now()}`
    expect(
      await cluster.redis.set(
        `medusa_lock:${item.inventoryItemId}`,
        holder,
        "EX",
        30,
        "NX"
      )
    ).toBe("OK")
    const conflicts = tally()
    const started = Date.now()
    const racing = Promise.allSettled([
      ...[0, 1, 2].map((i) =>
        receive(server(i), po, 2, `held-receipt-${i}`, conflicts)
      ),
      ...carts.map((cartId, i) => completeCart(shop(i), cartId, conflicts)),
    ])
    await new Promise((resolve) => setTimeout(resolve, 3000))
    await cluster.redis.eval(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
      1,
      `medusa_lock:${item.inventoryItemId}`,
      holder
    )
    const results = await racing
    report("3 receipts and 6 checkouts behind a 3 s lock", conflicts, started)

    expect(results.filter((r) => r.status === "rejected")).toEqual([])
    // No deadlock: everything finished well inside Medusa's 30 s lock wait.
    expect(Date.now() - started).toBeLessThan(30000)
    expect(await locksLeft(item, [po.id])).toEqual([])

    expect((await settled(item)).unrecorded).toEqual([])
    // The 6 who waited got the 6 units; the 6 checkouts came after them and wait.
    await expectSixServedSixWaiting(item)
    await expectInvariants()
  })

  it("transfer receipts on both servers race checkouts at the destination: the customers waiting get the transferred units, the checkouts wait, once each", async () => {
    const item = await createItem(cluster, "transfer", 0)
    // 6 units on the shelf at the shop, another own location.
    const level = await cluster.admin[0].post(
      `/admin/inventory-items/${item.inventoryItemId}/location-levels`,
      { location_id: cluster.store.shopLocationId, stocked_quantity: 6 }
    )
    expect(level.status).toBe(200)
    // 6 customers wait at the warehouse; the 6 units are sent to them from the shop.
    for (let i = 0; i < 6; i++) {
      expect(
        (await completeSale(cluster, server(i), item, tally())).backordered
      ).toBe(1)
    }
    const { rows: waiting } = await cluster.pool.query(
      `SELECT id FROM backorder WHERE inventory_item_id = $1 AND deleted_at IS NULL
        ORDER BY created_at`,
      [item.inventoryItemId]
    )
    const transfer = await sentTransfer(
      cluster,
      waiting.map((row) => row.id)
    )
    expect(await levelOf(cluster, item, cluster.store.shopLocationId)).toEqual({
      stocked: 0,
      reserved: 0,
      incoming: 0,
    })
    expect(await levelOf(cluster, item)).toEqual({
      stocked: 0,
      reserved: 6,
      incoming: 6,
    })
    const carts = await mapLimited(
      Array.from({ length: 6 }, (_, i) => i),
      3,
      (i) =>
        prepareCart(cluster, shop(i), item, `transfer-${i}@backorders.test`)
    )

    const conflicts = tally()
    const started = Date.now()
    const results = await Promise.allSettled([
      ...[0, 1, 2].map((i) =>
        receiveTransfer(
          server(i),
          transfer,
          2,
          `transfer-receipt-${i}`,
          conflicts
        )
      ),
      ...carts.map((cartId, i) => completeCart(shop(i), cartId, conflicts)),
    ])
    report("3 transfer receipts and 6 checkouts", conflicts, started)

    expect(results.filter((r) => r.status === "rejected")).toEqual([])
    expect(await locksLeft(item, [transfer.id])).toEqual([])
    expect((await settled(item)).unrecorded).toEqual([])
    // The 6 the transfer was for got its 6 units; the checkouts found none free and wait.
    await expectSixServedSixWaiting(item)
    const {
      rows: [received],
    } = await cluster.pool.query(
      `SELECT t.status, l.received_quantity::int AS received
         FROM transfer t JOIN transfer_line l ON l.transfer_id = t.id
        WHERE t.id = $1`,
      [transfer.id]
    )
    expect(received).toEqual({ status: "received", received: 6 })
    await expectInvariants()
  })

  it("the worker stopped while 8 checkouts complete with 2 on hand, then restarted: the 6 placed last carry one backordered unit each, once", async () => {
    const item = await createItem(cluster, "worker", 2)
    const carts = await mapLimited(
      Array.from({ length: 8 }, (_, i) => i),
      4,
      (i) => prepareCart(cluster, shop(i), item, `worker-${i}@backorders.test`)
    )
    const conflicts = tally()

    await cluster.worker.stop()
    try {
      const results = await Promise.allSettled(
        carts.map((cartId, i) => completeCart(shop(i), cartId, conflicts))
      )
      expect(results.filter((r) => r.status === "rejected")).toEqual([])
    } finally {
      await cluster.worker.start()
    }

    expect((await settled(item)).unrecorded).toEqual([])
    const orders = await ordersOf(cluster, item)
    expect(orders).toHaveLength(8)
    // In the order they reserved (placed): the first 2 got the stock.
    expect(
      orders.map((o) => ({
        backordered: o.backordered,
        rows: o.backorder_rows,
      }))
    ).toEqual([
      ...Array(2).fill({ backordered: 0, rows: 0 }),
      ...Array(6).fill({ backordered: 1, rows: 1 }),
    ])
    expect(await levelOf(cluster, item)).toEqual({
      stocked: 2,
      reserved: 8,
      incoming: 0,
    })
    expect(await locksLeft(item)).toEqual([])
    await expectInvariants()
  })

  it("kill -9 of a server in the middle of receipts and sales: the item is usable again within seconds, nothing half-made remains", async () => {
    const item = await createItem(cluster, "crash", 0)
    for (let i = 0; i < 6; i++) {
      await completeSale(cluster, server(i), item, tally())
    }
    const conflicts = tally()
    const po = await sentPurchaseOrder(cluster, item, 12)
    const [victim, survivor] = cluster.servers
    const victimAdmin = cluster.admin[0]

    // Receipts and sales on the victim; kill it as soon as one of them holds the item's lock.
    const inFlight = Promise.allSettled([
      ...[0, 1, 2, 3].map((i) =>
        receive(victimAdmin, po, 2, `crash-receipt-${i}`, conflicts)
      ),
      ...[0, 1, 2, 3].map(() => sale(cluster, victimAdmin, item)),
    ])
    const seen = await pollUntil(
      () => cluster.lockKeys(item.inventoryItemId),
      (keys) => keys.length > 0,
      { timeoutMs: 20000, intervalMs: 5 }
    )
    expect(seen.length).toBeGreaterThan(0)
    await victim.crash()
    const killedAt = Date.now()
    await inFlight

    try {
      // Usable again within seconds: no lock key of the item outlives the crash ...
      expect(await locksLeft(item, [po.id])).toEqual([])
      // ... and a sale on the other server goes through at once.
      const after = await sale(cluster, cluster.admin[1], item)
      expect(after.status).toBe(200)
      expect(Date.now() - killedAt).toBeLessThan(LOCKS_GONE_WITHIN_MS + 5000)
      // Receiving works again too (on the survivor).
      await receive(cluster.admin[1], po, 1, "crash-after", conflicts)
    } finally {
      await victim.start()
    }
    expect(survivor.running).toBe(true)

    expect((await settled(item)).unrecorded).toEqual([])
    // A sale the crash cut off half way is cancelled by the sweep on the worker once its
    // lock lease has run out (the job runs every minute).
    expect(
      await pollUntil(
        () => halfMade(cluster, item, 0),
        (made) => !made.linesNotFullyReserved.length && !made.stock.length,
        { timeoutMs: 180000, intervalMs: 1000 }
      )
    ).toEqual({ linesNotFullyReserved: [], stock: [] })
    await expectInvariants()
  })
})
