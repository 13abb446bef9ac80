import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { RequestHeaders, seedDemoStoreWithAdmin } from "../helpers/auth"
import { stockOf } from "../helpers/stock"

jest.setTimeout(180000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders
    let store: DemoStore

    beforeEach(async () => {
      ;({ store, admin } = await seedDemoStoreWithAdmin(getContainer()))
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
          warnings: [
            "Not enough KETTLE-MATTE at Shop: 2 ordered, 0 available, 2 to order",
          ],
        })
        // A preview changes nothing.
        expect(
          (await stockOf(getContainer(), "ESPRESSO-STEEL", shop)).reserved
        ).toBe(0)

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

        // 4. "No quantity" and "advance payment": the order's backorder status says
        // backordered, Medusa's own payment status says captured.
        const ofOrder = await api.get(
          `/admin/orders/${order.id}/backorders`,
          admin
        )
        expect(ofOrder.data.backorder_status).toBe("backordered")
        expect(await paymentStatus(order.id)).toBe("captured")
      })
    })

    describe("payment policies", () => {
      it("deposit: price breaks keep the grand total, half is taken now and shared with the backorder", async () => {
        const res = await sale({
          lines: [
            {
              variant_id: store.variantIdsBySku["BEANS-HOUSE-1KG"],
              quantity: 4,
            },
          ],
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
        expect(
          await stockOf(getContainer(), "BEANS-HOUSE-1KG", store.shopLocationId)
        ).toEqual({
          stocked: 2,
          reserved: 4,
          incoming: 0,
          available: -2,
        })
        expect(await paymentStatus(res.data.order.id)).toBe(
          "partially_captured"
        )
      })

      it("pay on receipt: only the in-stock units are paid now", async () => {
        const res = await sale({
          lines: [
            { variant_id: store.variantIdsBySku["GRINDER-BLACK"], quantity: 3 },
          ],
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
        expect(
          await stockOf(getContainer(), "GRINDER-BLACK", store.shopLocationId)
        ).toEqual({
          stocked: 1,
          reserved: 3,
          incoming: 0,
          available: -2,
        })
        expect(await paymentStatus(res.data.order.id)).toBe(
          "partially_captured"
        )
      })

      it("pay on receipt with nothing in stock takes nothing now and leaves the whole amount due", async () => {
        const res = await sale({
          lines: [
            { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 1 },
          ],
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
        expect(
          await stockOf(getContainer(), "ESPRESSO-STEEL", store.shopLocationId)
        ).toEqual({
          stocked: 5,
          reserved: 2,
          incoming: 0,
          available: 3,
        })
      })
    })

    describe("refusals change nothing", () => {
      const stateOf = async () => {
        const container = getContainer()
        const [orders, backorders, shop] = await Promise.all([
          api.get("/admin/orders?fields=id", admin),
          api.get("/admin/backorders", admin),
          stockOf(container, "KETTLE-MATTE", store.shopLocationId),
        ])
        return {
          orders: orders.data.count,
          backorders: backorders.data.count,
          kettleAtShop: shop,
        }
      }

      const refused = async (
        body: Record<string, unknown>,
        path = "/admin/to-order-sales"
      ) => {
        const before = await stateOf()
        const res = await api.post(path, body, admin).catch((e) => e.response)
        expect(await stateOf()).toEqual(before)
        return { status: res.status, data: res.data }
      }

      const base = () => ({
        customer_id: store.customerId,
        location_id: store.shopLocationId,
        lines: [
          { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 2 },
        ],
        payment_policy: "pay_now",
      })

      it("refuses a sale without a customer, as POSitive and SaleDock do", async () => {
        const { customer_id: _, ...noCustomer } = base()
        for (const path of [
          "/admin/to-order-sales",
          "/admin/to-order-sales/preview",
        ]) {
          expect(await refused(noCustomer, path)).toEqual({
            status: 400,
            data: {
              type: "invalid_data",
              message:
                "A to-order sale needs a customer: backorders cannot be kept for a walk-in sale. Choose or create the customer first.",
            },
          })
        }
      })

      it("refuses an unknown customer and an unknown variant", async () => {
        expect(
          await refused({ ...base(), customer_id: "cus_missing" })
        ).toEqual({
          status: 404,
          data: {
            type: "not_found",
            message: "Customer cus_missing was not found",
          },
        })
        expect(
          await refused({
            ...base(),
            lines: [{ variant_id: "variant_missing", quantity: 1 }],
          })
        ).toEqual({
          status: 404,
          data: {
            type: "not_found",
            message: "Variant variant_missing was not found",
          },
        })
      })

      it.each([
        [
          0,
          "Invalid request: Quantity must be a whole number of units of at least 1, got 0",
        ],
        [
          -3,
          "Invalid request: Quantity must be a whole number of units of at least 1, got -3",
        ],
        [
          1.5,
          "Invalid request: Quantity must be a whole number of units of at least 1, got 1.5",
        ],
      ])("refuses quantity %p", async (quantity, message) => {
        expect(
          await refused({
            ...base(),
            lines: [
              { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity },
            ],
          })
        ).toEqual({ status: 400, data: { type: "invalid_data", message } })
      })

      it("refuses a location not linked to the sales channel", async () => {
        expect(
          await refused({ ...base(), sales_channel_id: store.webChannelId })
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message: `Stock location ${store.shopLocationId} is not linked to sales channel ${store.webChannelId}`,
          },
        })
      })

      it("refuses a deposit over the total, and a deposit with another policy", async () => {
        expect(
          await refused({
            ...base(),
            payment_policy: "deposit",
            deposit_amount: 500,
          })
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message: "Deposit 500 exceeds the sale total 158",
          },
        })
        expect(await refused({ ...base(), deposit_amount: 50 })).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message:
              "Invalid request: A deposit is only taken with payment_policy 'deposit', not 'pay_now'",
          },
        })
      })

      it("refuses a variant with no inventory level at the location", async () => {
        const created = await api.post(
          "/admin/products",
          {
            title: "Milk Jug",
            options: [{ title: "Size", values: ["600 ml"] }],
            variants: [
              {
                title: "600 ml",
                sku: "JUG-600",
                manage_inventory: true,
                options: { Size: "600 ml" },
                prices: [{ currency_code: "eur", amount: 19 }],
              },
            ],
          },
          admin
        )
        const variantId = created.data.product.variants[0].id
        expect(
          await refused({
            ...base(),
            lines: [{ variant_id: variantId, quantity: 1 }],
          })
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message: `Variant ${variantId} (SKU JUG-600) has no inventory level at stock location ${store.shopLocationId}`,
          },
        })
      })

      it("refuses the same variant on two lines and an unauthenticated request", async () => {
        const kettle = store.variantIdsBySku["KETTLE-MATTE"]
        expect(
          await refused({
            ...base(),
            lines: [
              { variant_id: kettle, quantity: 1 },
              { variant_id: kettle, quantity: 1 },
            ],
          })
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message: `Variant ${kettle} appears on more than one line: put all its units on one line.`,
          },
        })
        const anonymous = await api
          .post("/admin/to-order-sales", base())
          .catch((e) => e.response)
        expect(anonymous.status).toBe(401)
      })
    })

    describe("concurrency", () => {
      it("20 parallel sales of one variant with 5 on hand ship exactly 5 units and backorder 15", async () => {
        const espresso = store.variantIdsBySku["ESPRESSO-STEEL"]
        const results = await Promise.all(
          Array.from({ length: 20 }, () =>
            sale({
              lines: [{ variant_id: espresso, quantity: 1 }],
              payment_policy: "pay_on_receipt",
            }).catch((e) => e.response)
          )
        )
        // The bodies show why, should any sale be refused.
        expect(
          results.filter((r) => r.status !== 200).map((r) => r.data)
        ).toEqual([])

        const backordered = results.filter(
          (r) => r.data.backorders.length === 1
        )
        const shippedNow = results.filter((r) => r.data.backorders.length === 0)
        expect(shippedNow).toHaveLength(5)
        expect(backordered).toHaveLength(15)
        expect(
          backordered.every((r) => r.data.backorders[0].quantity === 1)
        ).toBe(true)
        expect(shippedNow.every((r) => r.data.due_now === 899)).toBe(true)
        expect(backordered.every((r) => r.data.due_now === 0)).toBe(true)

        const all = await api.get(
          `/admin/backorders?variant_id=${espresso}&limit=100`,
          admin
        )
        expect(all.data.count).toBe(15)
        expect(
          await stockOf(getContainer(), "ESPRESSO-STEEL", store.shopLocationId)
        ).toEqual({
          stocked: 5,
          reserved: 20,
          incoming: 0,
          available: -15,
        })
      })
    })
  },
})
