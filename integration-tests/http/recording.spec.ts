import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { createAdminUser, RequestHeaders } from "../helpers/auth"
import { stockOf } from "../helpers/stock"
import {
  checkout,
  eventually,
  registerShopper,
  Shopper,
} from "../helpers/storefront"
import { BACKORDER_MODULE } from "../../src/modules/backorder"
import BackorderModuleService from "../../src/modules/backorder/service"
import { recordOrderBackordersWorkflow } from "../../src/workflows/backorders/workflows/record-order-backorders"
import { catchUpBackorders } from "../../src/workflows/backorders/utils/catch-up"
import { withLock } from "../../src/workflows/shared/locking"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders
    let store: DemoStore
    let sam: Shopper

    beforeEach(async () => {
      const container = getContainer()
      store = await seedDemoStore(container)
      admin = await createAdminUser(container)
      sam = await registerShopper(api, store, "sam@example.com")
    })

    const service = (): BackorderModuleService =>
      getContainer().resolve(BACKORDER_MODULE)

    const inventoryItemOf = async (sku: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "product_variant",
          fields: ["inventory_items.inventory_item_id"],
          filters: { sku },
        })
      return data[0].inventory_items![0]!.inventory_item_id
    }

    /** Sets the units on the shelf without any event, as a lost event would leave it. */
    const setStockedSilently = async (
      sku: string,
      locationId: string,
      stocked: number
    ) => {
      const knex = getContainer().resolve(
        ContainerRegistrationKeys.PG_CONNECTION
      )
      await knex("inventory_level")
        .where({
          inventory_item_id: await inventoryItemOf(sku),
          location_id: locationId,
        })
        .update({
          stocked_quantity: stocked,
          raw_stocked_quantity: { value: String(stocked), precision: 20 },
        })
    }

    /** Short units recorded per order, in the given order of orders. */
    const shortPerOrder = async (orderIds: string[]) => {
      const backorders = await service().listBackorders({ order_id: orderIds })
      return orderIds.map((id) =>
        backorders
          .filter((b) => b.order_id === id)
          .reduce((sum, b) => sum + Number(b.quantity), 0)
      )
    }

    /** Forgets what was recorded for these orders, as if their events had never arrived. */
    const forget = async (orderIds: string[]) => {
      const backorders = await service().listBackorders({ order_id: orderIds })
      await service().deleteBackorders(backorders.map((b) => b.id))
      const checks = await service().listShortageChecks({ order_id: orderIds })
      await service().deleteShortageChecks(checks.map((c) => c.id))
    }

    const checkoutOnes = async (sku: string, count: number) => {
      const orders: string[] = []
      for (let i = 0; i < count; i++) {
        const order = await checkout(api, store, sam, [
          { variant_id: store.variantIdsBySku[sku], quantity: 1 },
        ])
        orders.push(order.id)
      }
      return orders
    }

    const waitForRecorded = (orderIds: string[], units: number) =>
      eventually(
        () => shortPerOrder(orderIds),
        (short) => short.reduce((a, b) => a + b, 0) === units
      )

    describe("who waits is decided by when the order was placed", () => {
      it("records the 6 orders placed after 2 units ran out, whichever order they are checked in", async () => {
        const warehouse = store.warehouseLocationId
        await setStockedSilently("GRINDER-WHITE", warehouse, 2)
        const orders = await checkoutOnes("GRINDER-WHITE", 8)
        expect(await waitForRecorded(orders, 6)).toEqual([
          0, 0, 1, 1, 1, 1, 1, 1,
        ])

        // A queue that delivers the events newest first, or in a mixed order.
        for (const sequence of [
          [7, 6, 5, 4, 3, 2, 1, 0],
          [0, 1, 5, 6, 2, 7, 4, 3],
        ]) {
          await forget(orders)
          for (const index of sequence) {
            await recordOrderBackordersWorkflow(getContainer()).run({
              input: { order_id: orders[index] },
            })
          }
          expect(await shortPerOrder(orders)).toEqual([0, 0, 1, 1, 1, 1, 1, 1])
          const checks = await service().listShortageChecks({
            order_id: orders,
          })
          expect(
            orders.map((id) => {
              const check = checks.find((c) => c.order_id === id)!
              return [
                Number(check.checked_quantity),
                Number(check.short_quantity),
              ]
            })
          ).toEqual([
            [1, 0],
            [1, 0],
            [1, 1],
            [1, 1],
            [1, 1],
            [1, 1],
            [1, 1],
            [1, 1],
          ])
        }
        expect(
          await stockOf(getContainer(), "GRINDER-WHITE", warehouse)
        ).toEqual({ stocked: 2, reserved: 8, incoming: 0, available: -6 })

        // Running any of them again records nothing new.
        await recordOrderBackordersWorkflow(getContainer()).run({
          input: { order_id: orders[7] },
        })
        expect(await shortPerOrder(orders)).toEqual([0, 0, 1, 1, 1, 1, 1, 1])
      })
    })

    describe("catching up what an event did not deliver", () => {
      it("records the orders whose order.placed was lost, once, in placement order", async () => {
        const orders = await checkoutOnes("KETTLE-MATTE", 3)
        expect(await waitForRecorded(orders, 3)).toEqual([1, 1, 1])
        await forget(orders)

        const first = await catchUpBackorders(getContainer(), {
          graceSeconds: 0,
        })
        expect(first.recorded_order_ids).toEqual(orders)
        expect(await shortPerOrder(orders)).toEqual([1, 1, 1])
        const backorders = await service().listBackorders({ order_id: orders })
        expect(
          backorders.map((b) => [b.status, b.source, Number(b.quantity)])
        ).toEqual([
          ["new", "storefront", 1],
          ["new", "storefront", 1],
          ["new", "storefront", 1],
        ])

        const second = await catchUpBackorders(getContainer(), {
          graceSeconds: 0,
        })
        expect(second).toEqual({
          recorded_order_ids: [],
          allocated_level_ids: [],
          refreshed_customer_ids: [],
          added_search_texts: [],
          notified_backorder_ids: { confirmed: [], ready: [] },
        })
        expect(await shortPerOrder(orders)).toEqual([1, 1, 1])
      })

      it("looks at the whole window in pages: lost orders beyond the first page are recorded in the same run", async () => {
        const orders = await checkoutOnes("KETTLE-MATTE", 3)
        expect(await waitForRecorded(orders, 3)).toEqual([1, 1, 1])
        await forget(orders)

        // One reservation per page: the three lost orders are on three pages (after the
        // reservations earlier tests left in the window, all checked).
        const result = await catchUpBackorders(getContainer(), {
          graceSeconds: 0,
          limit: 1,
        })
        expect(result.recorded_order_ids).toEqual(orders)
        expect(await shortPerOrder(orders)).toEqual([1, 1, 1])
        expect(
          await catchUpBackorders(getContainer(), { graceSeconds: 0, limit: 1 })
        ).toEqual({
          recorded_order_ids: [],
          allocated_level_ids: [],
          refreshed_customer_ids: [],
          added_search_texts: [],
          notified_backorder_ids: { confirmed: [], ready: [] },
        })
      })

      it("hands stock whose inventory level event was lost to the waiting backorders", async () => {
        const warehouse = store.warehouseLocationId
        const [orderId] = await checkoutOnes("KETTLE-MATTE", 1)
        await waitForRecorded([orderId], 1)
        await setStockedSilently("KETTLE-MATTE", warehouse, 1)

        const result = await catchUpBackorders(getContainer(), {
          graceSeconds: 0,
        })
        expect(result.recorded_order_ids).toEqual([])
        expect(result.allocated_level_ids).toHaveLength(1)
        const [backorder] = await service().listBackorders({
          order_id: orderId,
        })
        expect([
          backorder.status,
          Number(backorder.allocated_quantity),
        ]).toEqual(["available", 1])
        const ledger = await service().listAllocations({
          backorder_id: backorder.id,
        })
        expect(ledger.map((a) => [Number(a.quantity), a.source])).toEqual([
          [1, "stock"],
        ])
        expect(
          await catchUpBackorders(getContainer(), { graceSeconds: 0 })
        ).toEqual({
          recorded_order_ids: [],
          allocated_level_ids: [],
          refreshed_customer_ids: [],
          added_search_texts: [],
          notified_backorder_ids: { confirmed: [], ready: [] },
        })
      })
    })

    describe("locks", () => {
      const locking = (container: MedusaContainer) =>
        container.resolve(Modules.LOCKING)

      it("never waits holding part of a key set, so overlapping changes cannot deadlock", async () => {
        const container = getContainer()
        await locking(container).acquire("iitem_held", {
          ownerId: "holder",
          expire: 60,
        })
        let ran = false
        const waiting = withLock(
          container,
          ["purchase_order:po_1", "iitem_held"],
          async () => {
            ran = true
          }
        )
        // While it waits for the held item, the purchase order key stays free for others.
        const tryTake = () =>
          locking(container)
            .acquire("purchase_order:po_1", {
              ownerId: "other",
              awaitQueue: false,
            } as any)
            .then(
              () => true,
              () => false
            )
        expect(await eventually(tryTake, (took) => took)).toBe(true)
        await locking(container).release("purchase_order:po_1", {
          ownerId: "other",
        })
        expect(ran).toBe(false)

        await locking(container).release("iitem_held", { ownerId: "holder" })
        await waiting
        expect(ran).toBe(true)
        // Released afterwards: anyone can take both keys at once.
        expect(await tryTake()).toBe(true)
      })

      it("frees the items of a holder that died within its lease, and the next sale goes through", async () => {
        const container = getContainer()
        const kettle = await inventoryItemOf("KETTLE-MATTE")
        // A crashed process: its lease is not renewed and runs out after 2 seconds.
        await locking(container).acquire(kettle, {
          ownerId: "crashed-process",
          expire: 2,
        })
        const sale = await api.post(
          "/admin/to-order-sales",
          {
            customer_id: store.customerId,
            location_id: store.shopLocationId,
            lines: [
              {
                variant_id: store.variantIdsBySku["KETTLE-MATTE"],
                quantity: 1,
              },
            ],
            payment_policy: "pay_now",
          },
          admin
        )
        expect(sale.status).toBe(200)
        expect(sale.data.backorders.map((b) => Number(b.quantity))).toEqual([1])
      })
    })
  },
})
