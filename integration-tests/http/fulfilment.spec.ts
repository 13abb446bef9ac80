import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { fulfilBackordersWorkflow } from "../../src/workflows/fulfilment/workflows/fulfil-backorders"
import { refused } from "../helpers/api"
import { RequestHeaders, seedDemoStoreWithAdmin } from "../helpers/auth"
import { stockOf } from "../helpers/stock"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders
    let store: DemoStore

    beforeEach(async () => {
      ;({ store, admin } = await seedDemoStoreWithAdmin(getContainer()))
    })

    const getBackorder = async (id: string) =>
      (await api.get(`/admin/backorders/${id}`, admin)).data.backorder
    const paymentStatus = async (orderId: string) =>
      (await api.get(`/admin/orders/${orderId}?fields=payment_status`, admin))
        .data.order.payment_status
    const buyAndReceive = async (backorderIds: string[]) => {
      const [po] = (
        await api.post(
          "/admin/purchase-orders/request-stock",
          { backorder_ids: backorderIds },
          admin
        )
      ).data.purchase_orders
      await api.post(`/admin/purchase-orders/${po.id}/send`, {}, admin)
      const line = po.lines[0]
      await api.post(
        `/admin/purchase-orders/${po.id}/receive`,
        {
          lines: [{ purchase_order_line_id: line.id, quantity: line.quantity }],
        },
        admin
      )
      return po
    }

    describe("ERPAG: to-order sale → purchase order → receive → available → pack → paid", () => {
      it("walks the whole story with stock, statuses and payment at each step", async () => {
        const shop = store.shopLocationId
        // 1. Sale "to order" with advance payment.
        const { data: sold } = await api.post(
          "/admin/to-order-sales",
          {
            customer_id: store.customerId,
            location_id: shop,
            lines: [
              {
                variant_id: store.variantIdsBySku["KETTLE-MATTE"],
                quantity: 2,
              },
            ],
            payment_policy: "pay_now",
          },
          admin
        )
        const order = sold.order
        const backorder = sold.backorders[0]
        expect(backorder).toEqual(
          expect.objectContaining({ status: "new", quantity: 2 })
        )
        expect(await paymentStatus(order.id)).toBe("captured")
        expect(
          (await api.get(`/admin/orders/${order.id}/backorders`, admin)).data
            .backorder_status
        ).toBe("backordered")

        // 2. Medusa's own fulfilment may not pack units that are not on the shelf.
        const early = await refused(
          api.post(
            `/admin/orders/${order.id}/fulfillments`,
            {
              items: [{ id: order.items[0].id, quantity: 2 }],
              location_id: shop,
              shipping_option_id: (
                await api.get("/admin/shipping-options?fields=id,name", admin)
              ).data.shipping_options.find(
                (o) => o.name === "Pick up in the shop"
              ).id,
            },
            admin
          )
        )
        expect(early).toEqual({
          status: 400,
          data: {
            type: "not_allowed",
            message: `Order line ${order.items[0].id}: 2 of its units are backordered and not allocated yet (backorder ${backorder.id}); at most 0 can be fulfilled, not 2`,
          },
        })
        expect(await stockOf(getContainer(), "KETTLE-MATTE", shop)).toEqual({
          stocked: 0,
          reserved: 2,
          incoming: 0,
          available: -2,
        })
        // And the plugin's own fulfil refuses it too.
        expect(
          await refused(
            api.post(`/admin/orders/${order.id}/backorders/fulfil`, {}, admin)
          )
        ).toEqual({
          status: 400,
          data: {
            type: "not_allowed",
            message: `Backorder ${backorder.id} has no allocated units to fulfil: 2 still wait for stock`,
          },
        })

        // 3. Purchase order, received: "available quantity".
        await buyAndReceive([backorder.id])
        expect(await getBackorder(backorder.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 2,
          })
        )
        expect(
          (await api.get(`/admin/orders/${order.id}/backorders`, admin)).data
            .backorder_status
        ).toBe("available")
        expect(await stockOf(getContainer(), "KETTLE-MATTE", shop)).toEqual({
          stocked: 6,
          reserved: 2,
          incoming: 0,
          available: 4,
        })

        // 4. Pack through Medusa's fulfilment: stock deducted the normal way; paid.
        const packed = await api.post(
          `/admin/orders/${order.id}/backorders/fulfil`,
          {},
          admin
        )
        expect(packed.data.captured).toBe(0)
        expect(packed.data.backorders).toEqual([
          expect.objectContaining({
            id: backorder.id,
            status: "fulfilled",
            fulfilled_quantity: 2,
          }),
        ])
        expect(await stockOf(getContainer(), "KETTLE-MATTE", shop)).toEqual({
          stocked: 4,
          reserved: 0,
          incoming: 0,
          available: 4,
        })
        const { data: orderAfter } = await api.get(
          `/admin/orders/${order.id}?fields=payment_status,fulfillment_status`,
          admin
        )
        expect(orderAfter.order).toEqual(
          expect.objectContaining({
            payment_status: "captured",
            fulfillment_status: "fulfilled",
          })
        )
        expect(
          (await api.get(`/admin/orders/${order.id}/backorders`, admin)).data
            .backorder_status
        ).toBe("fulfilled")
      })

      it("captures the balance of a deposit sale when its backorder is packed", async () => {
        const { data: sold } = await api.post(
          "/admin/to-order-sales",
          {
            customer_id: store.customerId,
            location_id: store.shopLocationId,
            lines: [
              {
                variant_id: store.variantIdsBySku["BEANS-HOUSE-1KG"],
                quantity: 4,
              },
            ],
            payment_policy: "deposit",
            deposit_percent: 50,
          },
          admin
        )
        expect(await paymentStatus(sold.order.id)).toBe("partially_captured")
        await buyAndReceive([sold.backorders[0].id])
        const reminderOf = async () =>
          (
            await api.get(`/admin/orders/${sold.order.id}/backorders`, admin)
          ).data.backorders.map((b) => [b.unpaid_amount, b.payment_reminder])
        // Two bags backordered at 20, half of their 40 paid by the deposit.
        expect(await reminderOf()).toEqual([[20, false]])
        const packed = await api.post(
          `/admin/orders/${sold.order.id}/backorders/fulfil`,
          {},
          admin
        )
        // 80 in all, 40 taken as the deposit: the other 40 now.
        expect(packed.data.captured).toBe(40)
        expect(packed.data.backorders[0]).toEqual(
          expect.objectContaining({ status: "fulfilled", paid_amount: 40 })
        )
        expect(await paymentStatus(sold.order.id)).toBe("captured")
        expect(await reminderOf()).toEqual([[0, false]])
      })
    })

    describe("rollback", () => {
      it("undoes the fulfilment, the stock, the backorder and the capture when a later step fails", async () => {
        const { data: sold } = await api.post(
          "/admin/to-order-sales",
          {
            customer_id: store.customerId,
            location_id: store.shopLocationId,
            lines: [
              {
                variant_id: store.variantIdsBySku["GRINDER-BLACK"],
                quantity: 3,
              },
            ],
            payment_policy: "pay_on_receipt",
          },
          admin
        )
        await buyAndReceive([sold.backorders[0].id])
        const before = await stockOf(
          getContainer(),
          "GRINDER-BLACK",
          store.shopLocationId
        )

        const workflow = fulfilBackordersWorkflow(getContainer())
        workflow.appendAction(
          "fail-after-fulfil",
          "capture-backorder-balance",
          {
            invoke: async () => {
              throw new Error("Failure after fulfilling")
            },
          }
        )
        const { errors } = await workflow.run({
          input: { order_id: sold.order.id },
          throwOnError: false,
        })
        expect(errors.map((e) => e.error.message)).toEqual([
          "Failure after fulfilling",
        ])
        expect(await getBackorder(sold.backorders[0].id)).toEqual(
          expect.objectContaining({
            status: "available",
            fulfilled_quantity: 0,
            paid_amount: 0,
          })
        )
        expect(
          await stockOf(getContainer(), "GRINDER-BLACK", store.shopLocationId)
        ).toEqual(before)
        const { data } = await api.get(
          `/admin/orders/${sold.order.id}?fields=fulfillment_status,payment_collections.captured_amount,payment_collections.refunded_amount`,
          admin
        )
        expect(data.order.fulfillment_status).toBe("not_fulfilled")
        // The 498 captured for the two grinders was refunded: 249 stays paid, as before.
        expect(data.order.payment_collections).toEqual([
          expect.objectContaining({
            captured_amount: 747,
            refunded_amount: 498,
          }),
        ])
      })
    })
  },
})
