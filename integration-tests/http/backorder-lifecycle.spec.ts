import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { createToOrderSaleWorkflow } from "../../src/workflows/backorders/workflows/create-to-order-sale"
import { cancelBackordersWorkflow } from "../../src/workflows/backorders/workflows/cancel-backorders"
import { RequestHeaders, seedDemoStoreWithAdmin } from "../helpers/auth"
import { stockOf } from "../helpers/stock"
import { eventually } from "../helpers/storefront"

jest.setTimeout(180000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders
    let store: DemoStore

    beforeEach(async () => {
      ;({ store, admin } = await seedDemoStoreWithAdmin(getContainer()))
    })

    const sale = async (
      sku: string,
      quantity: number,
      extra: Record<string, unknown> = {}
    ) => {
      const res = await api.post(
        "/admin/to-order-sales",
        {
          customer_id: store.customerId,
          location_id: store.shopLocationId,
          lines: [{ variant_id: store.variantIdsBySku[sku], quantity }],
          payment_policy: "pay_now",
          ...extra,
        },
        admin
      )
      return res.data
    }
    const getBackorder = async (id: string) =>
      (await api.get(`/admin/backorders/${id}`, admin)).data.backorder
    const paymentOf = async (orderId: string) => {
      const { order } = (
        await api.get(
          `/admin/orders/${orderId}?fields=payment_collections.amount,payment_collections.captured_amount,payment_collections.refunded_amount`,
          admin
        )
      ).data
      const [collection] = order.payment_collections
      return {
        amount: collection.amount,
        captured: collection.captured_amount,
        refunded: collection.refunded_amount,
      }
    }
    const paymentStatus = async (orderId: string) =>
      (await api.get(`/admin/orders/${orderId}?fields=payment_status`, admin))
        .data.order.payment_status

    describe("cancel a backorder", () => {
      it("cancels part, then the rest: refunds the paid share, lowers the reservation, refuses a second cancellation", async () => {
        const { order, backorders } = await sale("BEANS-HOUSE-1KG", 4, {
          payment_policy: "deposit",
          deposit_percent: 50,
        })
        const id = backorders[0].id
        expect(backorders[0]).toEqual(
          expect.objectContaining({
            quantity: 2,
            paid_amount: 20,
            refunded_amount: 0,
          })
        )

        const partial = await api.post(
          `/admin/backorders/${id}/cancel`,
          { quantity: 1, reason: "Only needs three bags" },
          admin
        )
        expect(partial.data.backorder).toEqual(
          expect.objectContaining({
            status: "new",
            quantity: 2,
            cancelled_quantity: 1,
            allocated_quantity: 0,
            refunded_amount: 10,
            cancelled_at: null,
          })
        )
        expect(
          await stockOf(getContainer(), "BEANS-HOUSE-1KG", store.shopLocationId)
        ).toEqual({
          stocked: 2,
          reserved: 3,
          incoming: 0,
          available: -1,
        })
        expect(await paymentOf(order.id)).toEqual({
          amount: 80,
          captured: 40,
          refunded: 10,
        })

        const rest = await api.post(`/admin/backorders/${id}/cancel`, {}, admin)
        expect(rest.data.backorder).toEqual(
          expect.objectContaining({
            status: "cancelled",
            cancelled_quantity: 2,
            refunded_amount: 20,
            cancel_reason: null,
          })
        )
        expect(rest.data.backorder.cancelled_at).not.toBeNull()
        expect(
          await stockOf(getContainer(), "BEANS-HOUSE-1KG", store.shopLocationId)
        ).toEqual({
          stocked: 2,
          reserved: 2,
          incoming: 0,
          available: 0,
        })

        const again = await api
          .post(`/admin/backorders/${id}/cancel`, {}, admin)
          .catch((e) => e.response)
        expect(again.status).toBe(400)
        expect(again.data).toEqual({
          type: "not_allowed",
          message: `Backorder ${id} is cancelled and cannot be cancelled`,
        })
        expect(await getBackorder(id)).toEqual(rest.data.backorder)
      })

      it("refuses more units than are open, a zero quantity and an unknown id, changing nothing", async () => {
        const { backorders } = await sale("KETTLE-MATTE", 2)
        const id = backorders[0].id
        const before = await getBackorder(id)
        const reservedBefore = await stockOf(
          getContainer(),
          "KETTLE-MATTE",
          store.shopLocationId
        )

        const tooMany = await api
          .post(`/admin/backorders/${id}/cancel`, { quantity: 3 }, admin)
          .catch((e) => e.response)
        expect(tooMany.status).toBe(400)
        expect(tooMany.data).toEqual({
          type: "invalid_data",
          message: `Backorder ${id}: cancelling 3 exceeds the 2 still open`,
        })
        const zero = await api
          .post(`/admin/backorders/${id}/cancel`, { quantity: 0 }, admin)
          .catch((e) => e.response)
        expect(zero.data).toEqual({
          type: "invalid_data",
          message:
            "Invalid request: Quantity must be a whole number of units of at least 1, got 0",
        })
        const unknown = await api
          .post(`/admin/backorders/bo_missing/cancel`, {}, admin)
          .catch((e) => e.response)
        expect(unknown.status).toBe(404)
        expect(unknown.data).toEqual({
          type: "not_found",
          message: "Backorder with id: bo_missing was not found",
        })

        expect(await getBackorder(id)).toEqual(before)
        expect(
          await stockOf(getContainer(), "KETTLE-MATTE", store.shopLocationId)
        ).toEqual(reservedBefore)
      })
    })

    describe("orders that change", () => {
      it("cancelling the order cancels its open backorders", async () => {
        const { order, backorders } = await sale("KETTLE-MATTE", 2)
        await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)

        const cancelled = await eventually(
          () => getBackorder(backorders[0].id),
          (b) => b.status === "cancelled"
        )
        expect(cancelled).toEqual(
          expect.objectContaining({
            status: "cancelled",
            cancelled_quantity: 2,
            refunded_amount: 0,
          })
        )
        // Medusa deleted the reservation and refunded the payment itself.
        expect(
          await stockOf(getContainer(), "KETTLE-MATTE", store.shopLocationId)
        ).toEqual({
          stocked: 0,
          reserved: 0,
          incoming: 0,
          available: 0,
        })
        expect(await paymentStatus(order.id)).toBe("refunded")
      })

      it("an order edit that lowers a short line cancels the backordered units it removed", async () => {
        const { order, backorders } = await sale("KETTLE-MATTE", 3, {
          payment_policy: "pay_on_receipt",
        })
        const itemId = order.items[0].id
        await api.post("/admin/order-edits", { order_id: order.id }, admin)
        await api.post(
          `/admin/order-edits/${order.id}/items/item/${itemId}`,
          { quantity: 1 },
          admin
        )
        await api.post(`/admin/order-edits/${order.id}/request`, {}, admin)
        await api.post(`/admin/order-edits/${order.id}/confirm`, {}, admin)

        const edited = await eventually(
          () => getBackorder(backorders[0].id),
          (b) => b.cancelled_quantity === 2
        )
        expect(edited).toEqual(
          expect.objectContaining({
            status: "new",
            quantity: 3,
            cancelled_quantity: 2,
          })
        )
        expect(
          await stockOf(getContainer(), "KETTLE-MATTE", store.shopLocationId)
        ).toEqual({
          stocked: 0,
          reserved: 1,
          incoming: 0,
          available: -1,
        })
      })
    })

    describe("events and joins", () => {
      it("emits backorder.created and backorder.cancelled with ids through Medusa's event bus", async () => {
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const seen: { name: string; data: unknown }[] = []
        const record = (name: string) => async (event: { data: unknown }) => {
          seen.push({ name, data: event.data })
        }
        eventBus.subscribe("backorder.created", record("backorder.created"), {
          subscriberId: "test-backorder-created",
        })
        eventBus.subscribe(
          "backorder.cancelled",
          record("backorder.cancelled"),
          {
            subscriberId: "test-backorder-cancelled",
          }
        )

        const { order, backorders } = await sale("KETTLE-MATTE", 2)
        await api.post(
          `/admin/backorders/${backorders[0].id}/cancel`,
          { quantity: 1 },
          admin
        )

        const events = await eventually(
          async () => seen,
          (list) => list.length >= 2
        )
        expect(events).toEqual([
          {
            name: "backorder.created",
            data: { id: backorders[0].id, order_id: order.id },
          },
          {
            name: "backorder.cancelled",
            data: {
              id: backorders[0].id,
              order_id: order.id,
              quantity: 1,
              status: "new",
              freed_allocated: 0,
              refund_amount: 79,
            },
          },
        ])
      })

      it("retrieves a backorder joined to its order, customer, line, stock location and ledger", async () => {
        const { order, backorders } = await sale("KETTLE-MATTE", 2)
        const res = await api.get(
          `/admin/backorders/${backorders[0].id}?fields=id,order.id,customer.email,line_item.title,stock_location.name,allocations.id,purchase_order_lines.id`,
          admin
        )
        expect(res.data.backorder).toEqual({
          id: backorders[0].id,
          order_id: order.id,
          customer_id: store.customerId,
          line_item_id: order.items[0].id,
          location_id: store.shopLocationId,
          order: expect.objectContaining({ id: order.id }),
          customer: expect.objectContaining({ email: "jane@example.com" }),
          line_item: expect.objectContaining({ title: "Gooseneck Kettle" }),
          stock_location: expect.objectContaining({ name: "Shop" }),
          allocations: [],
          purchase_order_lines: [],
        })
      })
    })

    describe("order edits that add units", () => {
      it("records the units an edit adds without stock on the line's backorder", async () => {
        const { order, backorders } = await sale("KETTLE-MATTE", 1, {
          payment_policy: "pay_on_receipt",
        })
        await api.post("/admin/order-edits", { order_id: order.id }, admin)
        await api.post(
          `/admin/order-edits/${order.id}/items/item/${order.items[0].id}`,
          { quantity: 3 },
          admin
        )
        await api.post(`/admin/order-edits/${order.id}/request`, {}, admin)
        await api.post(`/admin/order-edits/${order.id}/confirm`, {}, admin)

        const grown = await eventually(
          () => getBackorder(backorders[0].id),
          (b) => b.quantity === 3
        )
        expect(grown).toEqual(
          expect.objectContaining({
            status: "new",
            quantity: 3,
            cancelled_quantity: 0,
          })
        )
        expect(
          await stockOf(getContainer(), "KETTLE-MATTE", store.shopLocationId)
        ).toEqual({
          stocked: 0,
          reserved: 3,
          incoming: 0,
          available: -3,
        })
        expect(
          (await api.get(`/admin/backorders?order_id=${order.id}`, admin)).data
            .count
        ).toBe(1)
      })
    })

    describe("staff views", () => {
      it("counts by status, groups by supplier and shows an order's backorder status", async () => {
        const kettle = await sale("KETTLE-MATTE", 3)
        await sale("GRINDER-BLACK", 3)
        const beans = await sale("BEANS-HOUSE-1KG", 3)
        await api.post(
          `/admin/backorders/${beans.backorders[0].id}/cancel`,
          {},
          admin
        )

        const counts = await api.get("/admin/backorders/counts", admin)
        expect(counts.data).toEqual({
          counts: {
            new: 2,
            on_order: 0,
            partially_available: 0,
            available: 0,
            fulfilled: 0,
            cancelled: 1,
          },
          new_in_draft: 0,
          total: 3,
          estimated: [],
        })
        const atShopFromBrewware = await api.get(
          `/admin/backorders/counts?location_id=${store.shopLocationId}&supplier_id=${store.supplierIdsByCode["BWW"]}`,
          admin
        )
        expect(atShopFromBrewware.data.counts).toEqual(
          expect.objectContaining({ new: 1, cancelled: 1 })
        )

        const groups = await api.get(
          "/admin/backorders/supplier-groups?status=new",
          admin
        )
        expect(groups.data).toEqual({
          groups: [
            {
              supplier: {
                id: store.supplierIdsByCode["BWW"],
                name: "Brewware Wholesale",
              },
              count: 1,
              count_estimated: false,
              waiting_quantity: 3,
            },
            {
              supplier: {
                id: store.supplierIdsByCode["NCS"],
                name: "Nordic Coffee Supply",
              },
              count: 1,
              count_estimated: false,
              waiting_quantity: 2,
            },
          ],
        })

        const ofOrder = await api.get(
          `/admin/orders/${kettle.order.id}/backorders`,
          admin
        )
        expect(ofOrder.data.backorder_status).toBe("backordered")
        expect(ofOrder.data.backorders.map((b) => b.id)).toEqual([
          kettle.backorders[0].id,
        ])

        const sorted = await api.get(
          "/admin/backorders?order=-quantity&fields=sku,quantity",
          admin
        )
        expect(sorted.data.backorders.map((b) => [b.sku, b.quantity])).toEqual([
          ["KETTLE-MATTE", 3],
          ["GRINDER-BLACK", 2],
          ["BEANS-HOUSE-1KG", 1],
        ])
      })
    })

    describe("rollback", () => {
      it("undoes the order, reservations, backorders and payment of a to-order sale when a later step fails", async () => {
        const container = getContainer()
        const workflow = createToOrderSaleWorkflow(container)
        workflow.appendAction("fail-after-sale", "emit-event-step", {
          invoke: async () => {
            throw new Error("Failure after the sale")
          },
        })
        const { errors } = await workflow.run({
          input: {
            customer_id: store.customerId,
            location_id: store.shopLocationId,
            lines: [
              {
                variant_id: store.variantIdsBySku["KETTLE-MATTE"],
                quantity: 2,
              },
            ],
            payment_policy: "pay_now",
          },
          throwOnError: false,
        })
        expect(errors.map((e) => e.error.message)).toEqual([
          "Failure after the sale",
        ])

        expect(
          (await api.get("/admin/orders?fields=id", admin)).data.count
        ).toBe(0)
        expect((await api.get("/admin/backorders", admin)).data.count).toBe(0)
        expect(
          await stockOf(container, "KETTLE-MATTE", store.shopLocationId)
        ).toEqual({
          stocked: 0,
          reserved: 0,
          incoming: 0,
          available: 0,
        })
        const reservations = await container
          .resolve(Modules.INVENTORY)
          .listReservationItems({})
        expect(reservations).toHaveLength(0)
        const collections = await container
          .resolve(Modules.PAYMENT)
          .listPaymentCollections({})
        expect(collections).toHaveLength(0)
      })

      it("undoes a cancellation, its reservation release and its ledger rows when a later step fails", async () => {
        const container = getContainer()
        const { backorders } = await sale("KETTLE-MATTE", 2)
        const before = await getBackorder(backorders[0].id)

        const workflow = cancelBackordersWorkflow(container)
        workflow.appendAction("fail-after-cancel", "emit-event-step", {
          invoke: async () => {
            throw new Error("Failure after the cancellation")
          },
        })
        const { errors } = await workflow.run({
          input: { backorders: [{ id: backorders[0].id }] },
          throwOnError: false,
        })
        expect(errors.map((e) => e.error.message)).toEqual([
          "Failure after the cancellation",
        ])

        const { updated_at: _, ...after } = await getBackorder(backorders[0].id)
        const { updated_at: __, ...expected } = before
        expect(after).toEqual(expected)
        expect(
          await container.resolve("backorder").listAllocations({})
        ).toHaveLength(0)
        expect(
          await stockOf(container, "KETTLE-MATTE", store.shopLocationId)
        ).toEqual({
          stocked: 0,
          reserved: 2,
          incoming: 0,
          available: -2,
        })
      })
    })
  },
})
