import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { eventually } from "../helpers/storefront"
import { RequestHeaders, seedDemoStoreWithAdmin } from "../helpers/auth"
import { orderPurchaseOrder } from "../helpers/api"

jest.setTimeout(180000)

type SeenEvent = { name: string; data: Record<string, unknown> }

/**
 * Every path that hands units to waiting backorders announces it the same way (one helper,
 * `emitAllocationEvents`): `backorder.allocated` with the backorders and their units, and
 * `backorder.available` with those it made ready to pack, in batches of up to 1,000.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders
    let store: DemoStore
    let seen: SeenEvent[]
    let stopWatching: () => void

    beforeEach(async () => {
      ;({ store, admin } = await seedDemoStoreWithAdmin(getContainer()))
      seen = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const subscriberId = `test-allocation-events-${Date.now()}`
      const record = (name: string) => {
        const handler = async (event: { data: Record<string, unknown> }) => {
          seen.push({ name, data: event.data })
        }
        eventBus.subscribe(name, handler, {
          subscriberId: `${subscriberId}-${name}`,
        })
        return () =>
          eventBus.unsubscribe(name, handler, {
            subscriberId: `${subscriberId}-${name}`,
          })
      }
      const stops = ["backorder.allocated", "backorder.available"].map(record)
      stopWatching = () => stops.forEach((stop) => stop())
    })

    afterEach(() => stopWatching())

    /** The allocation events seen once `count` arrived, `allocated` first. */
    const allocationEvents = async (count: number) =>
      [
        ...(await eventually(
          async () => seen,
          (list) => list.length >= count
        )),
      ].sort((a, b) => a.name.localeCompare(b.name))

    /** Waits for the events of a setup step, then forgets them. */
    const settle = async (count: number) => {
      await allocationEvents(count)
      seen.length = 0
    }

    const sale = async (sku: string, quantity: number) => {
      const res = await api.post(
        "/admin/to-order-sales",
        {
          customer_id: store.customerId,
          location_id: store.shopLocationId,
          lines: [{ variant_id: store.variantIdsBySku[sku], quantity }],
          payment_policy: "pay_now",
        },
        admin
      )
      return res.data.backorders[0]
    }
    const orderedPurchaseOrder = (backorderIds: string[]) =>
      orderPurchaseOrder(api, admin, backorderIds)
    const receive = (poId: string, lineId: string, quantity: number) =>
      api.post(
        `/admin/purchase-orders/${poId}/receive`,
        { lines: [{ purchase_order_line_id: lineId, quantity }] },
        admin
      )

    it("a purchase order receipt: the linked backorder and the oldest, one event each", async () => {
      const older = await sale("KETTLE-MATTE", 2)
      const linked = await sale("KETTLE-MATTE", 3)
      const po = await orderedPurchaseOrder([linked.id])

      await receive(po.id, po.lines[0].id, 4)

      expect(await allocationEvents(2)).toEqual([
        {
          name: "backorder.allocated",
          data: {
            ids: [linked.id, older.id],
            backorders: [
              { id: linked.id, quantity: 3, reason: `linked to ${po.number}` },
              { id: older.id, quantity: 1, reason: "oldest order" },
            ],
            purchase_order_id: po.id,
          },
        },
        {
          name: "backorder.available",
          data: { ids: [linked.id], purchase_order_id: po.id },
        },
      ])
    })

    it("stock added by hand in Medusa", async () => {
      const bo = await sale("KETTLE-MATTE", 2)
      const { data } = await api.get(
        `/admin/products?fields=variants.sku,variants.inventory_items.inventory_item_id&limit=10`,
        admin
      )
      const inventoryItemId = data.products
        .flatMap((p) => p.variants)
        .find((v) => v.sku === "KETTLE-MATTE")
        .inventory_items[0].inventory_item_id

      await api.post(
        `/admin/inventory-items/${inventoryItemId}/location-levels/${store.shopLocationId}`,
        { stocked_quantity: 3 },
        admin
      )

      expect(await allocationEvents(2)).toEqual([
        {
          name: "backorder.allocated",
          data: {
            ids: [bo.id],
            backorders: [{ id: bo.id, quantity: 2, reason: "oldest order" }],
          },
        },
        { name: "backorder.available", data: { ids: [bo.id] } },
      ])
    })

    it("a cancellation that frees allocated units", async () => {
      const first = await sale("KETTLE-MATTE", 2)
      const second = await sale("KETTLE-MATTE", 2)
      const po = await orderedPurchaseOrder([first.id])
      await receive(po.id, po.lines[0].id, 2)
      await settle(2)

      await api.post(`/admin/backorders/${first.id}/cancel`, {}, admin)

      expect(await allocationEvents(2)).toEqual([
        {
          name: "backorder.allocated",
          data: {
            ids: [second.id],
            backorders: [
              { id: second.id, quantity: 2, reason: "oldest order" },
            ],
          },
        },
        { name: "backorder.available", data: { ids: [second.id] } },
      ])
    })

    it("a release / override", async () => {
      const first = await sale("KETTLE-MATTE", 2)
      const vip = await sale("KETTLE-MATTE", 1)
      const po = await orderedPurchaseOrder([first.id])
      await receive(po.id, po.lines[0].id, 2)
      await settle(2)

      await api.post(
        `/admin/backorders/${first.id}/release`,
        { to_backorder_id: vip.id, quantity: 1, reason: "Regular customer" },
        admin
      )

      expect(await allocationEvents(2)).toEqual([
        {
          name: "backorder.allocated",
          data: {
            ids: [vip.id],
            backorders: [
              { id: vip.id, quantity: 1, reason: "Regular customer" },
            ],
            released_from: first.id,
          },
        },
        {
          name: "backorder.available",
          data: { ids: [vip.id], released_from: first.id },
        },
      ])
    })

    it("completing a purchase order whose stock waited for completion", async () => {
      const bo = await sale("KETTLE-MATTE", 2)
      const po = await orderedPurchaseOrder([bo.id])
      await getContainer().resolve("backorder").updatePurchaseOrders({
        id: po.id,
        stock_on_completion: true,
      })
      const received = await receive(po.id, po.lines[0].id, 3)
      expect(received.data.allocations).toEqual([])
      expect(received.data.allocation_count).toBe(0)

      await api.post(
        `/admin/purchase-orders/${po.id}/complete`,
        {
          lines: [{ purchase_order_line_id: po.lines[0].id, action: "cancel" }],
        },
        admin
      )

      expect(await allocationEvents(2)).toEqual([
        {
          name: "backorder.allocated",
          data: {
            ids: [bo.id],
            backorders: [
              { id: bo.id, quantity: 2, reason: `linked to ${po.number}` },
            ],
            purchase_order_id: po.id,
          },
        },
        {
          name: "backorder.available",
          data: { ids: [bo.id], purchase_order_id: po.id },
        },
      ])
    })

    it("a transfer receipt", async () => {
      // The shop's few bags go to the first sale; the second waits for all it bought.
      await sale("BEANS-HOUSE-1KG", 3)
      const bo = await sale("BEANS-HOUSE-1KG", 2)
      const draft = (
        await api.post(
          "/admin/transfers/request-stock",
          {
            backorder_ids: [bo.id],
            source_location_id: store.warehouseLocationId,
          },
          admin
        )
      ).data.transfer
      const sent = (
        await api.post(`/admin/transfers/${draft.id}/send`, {}, admin)
      ).data.transfer

      const received = await api.post(
        `/admin/transfers/${draft.id}/receive`,
        {
          lines: [
            { transfer_line_id: sent.lines[0].id, quantity: bo.quantity },
          ],
        },
        admin
      )
      expect(received.data.allocation_count).toBe(1)

      expect(await allocationEvents(2)).toEqual([
        {
          name: "backorder.allocated",
          data: {
            ids: [bo.id],
            backorders: [
              {
                id: bo.id,
                quantity: bo.quantity,
                reason: `linked to ${draft.number}`,
              },
            ],
            transfer_id: draft.id,
          },
        },
        {
          name: "backorder.available",
          data: { ids: [bo.id], transfer_id: draft.id },
        },
      ])
    })
  },
})
