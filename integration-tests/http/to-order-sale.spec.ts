import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { createAdminUser, RequestHeaders } from "../helpers/auth"
import { stockOf } from "../helpers/stock"

jest.setTimeout(180000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders
    let store: DemoStore

    beforeEach(async () => {
      const container = getContainer()
      store = await seedDemoStore(container)
      admin = await createAdminUser(container)
    })

    const sale = (body: Record<string, unknown>) =>
      api.post(
        "/admin/to-order-sales",
        {
          customer_id: store.customerId,
          location_id: store.shopLocationId,
          ...body,
        },
        admin
      )

    const paymentStatus = async (orderId: string) => {
      const res = await api.get(
        `/admin/orders/${orderId}?fields=payment_status,total`,
        admin
      )
      return res.data.order.payment_status
    }

    describe("ERPAG: a POS sale 'to order' with advance payment", () => {
      it("warns about the shortage, creates the order, reserves at the shop, backorders the short units and takes the whole payment", async () => {
        const shop = store.shopLocationId
        expect(await stockOf(getContainer(), "KETTLE-MATTE", shop)).toEqual({
          stocked: 0,
          reserved: 0,
          incoming: 0,
          available: 0,
        })
        expect(await stockOf(getContainer(), "ESPRESSO-STEEL", shop)).toEqual({
          stocked: 5,
          reserved: 0,
          incoming: 0,
          available: 5,
        })

        const lines = [
          { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 2 },
          { variant_id: store.variantIdsBySku["ESPRESSO-STEEL"], quantity: 1 },
        ]

        // 1. The warning before confirming.
        const preview = await api.post(
          "/admin/to-order-sales/preview",
          {
            customer_id: store.customerId,
            location_id: shop,
            lines,
            payment_policy: "pay_now",
          },
          admin
        )
        expect(preview.status).toBe(200)
        expect(preview.data.preview).toEqual({
          customer_id: store.customerId,
          location_id: shop,
          sales_channel_id: store.posChannelId,
          region_id: store.regionId,
          currency_code: "eur",
          lines: [
            expect.objectContaining({
              variant_id: store.variantIdsBySku["KETTLE-MATTE"],
              sku: "KETTLE-MATTE",
              quantity: 2,
              unit_price: 79,
              total: 158,
              on_hand: 0,
              available: 0,
              ships_now: 0,
              held_back: 0,
              backordered: 2,
            }),
            expect.objectContaining({
              sku: "ESPRESSO-STEEL",
              quantity: 1,
              unit_price: 899,
              total: 899,
              on_hand: 5,
              available: 5,
              ships_now: 1,
              backordered: 0,
            }),
          ],
          total: 1057,
          backordered_total: 158,
          due_now: { pay_now: 1057, deposit: 317.1, pay_on_receipt: 899 },
          due_now_chosen: 1057,
          warnings: ["Not enough KETTLE-MATTE at Shop: 2 ordered, 0 available, 2 to order"],
        })
        // A preview changes nothing.
        expect((await stockOf(getContainer(), "ESPRESSO-STEEL", shop)).reserved).toBe(0)

        // 2. Proceed as a sales order.
        const res = await sale({ lines, payment_policy: "pay_now" })
        expect(res.status).toBe(200)
        const { order, backorders, due_now } = res.data
        expect(due_now).toBe(1057)
        expect(order).toEqual(
          expect.objectContaining({
            status: "pending",
            customer_id: store.customerId,
            sales_channel_id: store.posChannelId,
            total: 1057,
          })
        )
        const kettleLine = order.items.find(
          (i) => i.variant_id === store.variantIdsBySku["KETTLE-MATTE"]
        )
        expect(backorders).toEqual([
          expect.objectContaining({
            status: "new",
            source: "pos",
            order_id: order.id,
            line_item_id: kettleLine.id,
            customer_id: store.customerId,
            variant_id: store.variantIdsBySku["KETTLE-MATTE"],
            location_id: shop,
            supplier_id: store.supplierIdsByCode["BWW"],
            sku: "KETTLE-MATTE",
            quantity: 2,
            allocated_quantity: 0,
            fulfilled_quantity: 0,
            cancelled_quantity: 0,
            payment_policy: "pay_now",
            unit_price: 79,
            paid_amount: 158,
          }),
        ])

        // 3. Stock: everything reserved at the shop, nothing taken off the shelf.
        expect(await stockOf(getContainer(), "KETTLE-MATTE", shop)).toEqual({
          stocked: 0,
          reserved: 2,
          incoming: 0,
          available: -2,
        })
        expect(await stockOf(getContainer(), "ESPRESSO-STEEL", shop)).toEqual({
          stocked: 5,
          reserved: 1,
          incoming: 0,
          available: 4,
        })

        // 4. "No quantity" and "advance payment": Medusa's own payment status says captured.
        expect(await paymentStatus(order.id)).toBe("captured")
      })
    })

    describe("payment policies", () => {
      it("deposit: price breaks keep the grand total, half is taken now and shared with the backorder", async () => {
        const res = await sale({
          lines: [{ variant_id: store.variantIdsBySku["BEANS-HOUSE-1KG"], quantity: 4 }],
          payment_policy: "deposit",
          deposit_percent: 50,
        })
        expect(res.status).toBe(200)
        // 4 bags at the 3+ price (20), although only 2 are in the shop: the customer pays the
        // same grand total whether the bags ship now or later.
        expect(res.data.order.total).toBe(80)
        expect(res.data.due_now).toBe(40)
        expect(res.data.backorders).toEqual([
          expect.objectContaining({
            quantity: 2,
            status: "new",
            payment_policy: "deposit",
            unit_price: 20,
            paid_amount: 20,
          }),
        ])
        expect(await stockOf(getContainer(), "BEANS-HOUSE-1KG", store.shopLocationId)).toEqual({
          stocked: 2,
          reserved: 4,
          incoming: 0,
          available: -2,
        })
        expect(await paymentStatus(res.data.order.id)).toBe("partially_captured")
      })

      it("pay on receipt: only the in-stock units are paid now", async () => {
        const res = await sale({
          lines: [{ variant_id: store.variantIdsBySku["GRINDER-BLACK"], quantity: 3 }],
          payment_policy: "pay_on_receipt",
        })
        expect(res.data.order.total).toBe(747)
        expect(res.data.due_now).toBe(249)
        expect(res.data.backorders).toEqual([
          expect.objectContaining({
            quantity: 2,
            payment_policy: "pay_on_receipt",
            unit_price: 249,
            paid_amount: 0,
          }),
        ])
        expect(await stockOf(getContainer(), "GRINDER-BLACK", store.shopLocationId)).toEqual({
          stocked: 1,
          reserved: 3,
          incoming: 0,
          available: -2,
        })
        expect(await paymentStatus(res.data.order.id)).toBe("partially_captured")
      })

      it("pay on receipt with nothing in stock takes nothing now and leaves the whole amount due", async () => {
        const res = await sale({
          lines: [{ variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 1 }],
          payment_policy: "pay_on_receipt",
        })
        expect(res.data.due_now).toBe(0)
        expect(res.data.backorders).toEqual([
          expect.objectContaining({ quantity: 1, paid_amount: 0 }),
        ])
        expect(await paymentStatus(res.data.order.id)).toBe("authorized")
      })

      it("holds an in-stock line back without backordering it", async () => {
        const res = await sale({
          lines: [
            {
              variant_id: store.variantIdsBySku["ESPRESSO-STEEL"],
              quantity: 2,
              hold_back: true,
            },
          ],
          payment_policy: "pay_now",
        })
        expect(res.data.backorders).toEqual([])
        expect(res.data.order.items[0].metadata).toEqual({ hold_back: true })
        expect(await stockOf(getContainer(), "ESPRESSO-STEEL", store.shopLocationId)).toEqual({
          stocked: 5,
          reserved: 2,
          incoming: 0,
          available: 3,
        })
      })
    })
  },
})
