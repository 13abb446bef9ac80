import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { fulfilBackordersWorkflow } from "../../src/workflows/fulfilment/workflows/fulfil-backorders"
import { buyAndReceive as buyAndReceiveFrom, refused } from "../helpers/api"
import { RequestHeaders, seedDemoStoreWithAdmin } from "../helpers/auth"
import { moneyOf } from "../helpers/money"
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
    const money = (orderId: string) => moneyOf(api, admin, orderId)
    const ledgerOf = async (backorderId: string) =>
      (
        await api.get(
          `/admin/backorders/allocations?backorder_id=${backorderId}&fields=quantity,source,backorder.status,backorder.fulfilled_quantity`,
          admin
        )
      ).data.allocations.map((row) => ({
        quantity: row.quantity,
        source: row.source,
        status: row.backorder.status,
        fulfilled_quantity: row.backorder.fulfilled_quantity,
      }))
    const pickUpOptionId = async () =>
      (
        await api.get("/admin/shipping-options?fields=id,name", admin)
      ).data.shipping_options.find((o) => o.name === "Pick up in the shop").id
    const buyAndReceive = (backorderIds: string[]) =>
      buyAndReceiveFrom(api, admin, backorderIds)

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
        expect(await money(order.id)).toEqual({
          total: 158,
          paid_total: 158,
          refunded_total: 0,
          pending_difference: 0,
          payment_status: "captured",
        })
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
        // An order that does not exist is not found, not an order without backorders.
        expect(
          await refused(
            api.post(`/admin/orders/order_nope/backorders/fulfil`, {}, admin)
          )
        ).toEqual({
          status: 404,
          data: {
            type: "not_found",
            message: "Order with id: order_nope was not found",
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
        // Whatever fields the client asks for, the order's status and what is unpaid are
        // worked out from the backorders' own figures.
        const few = (
          await api.get(
            `/admin/orders/${order.id}/backorders?fields=id,unit_price`,
            admin
          )
        ).data
        expect(few.backorder_status).toBe("available")
        expect(typeof few.backorders[0].unpaid_amount).toBe("number")
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
        expect(await money(sold.order.id)).toEqual({
          total: 80,
          paid_total: 40,
          refunded_total: 0,
          pending_difference: 40,
          payment_status: "partially_captured",
        })
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
        expect(await money(sold.order.id)).toEqual({
          total: 80,
          paid_total: 80,
          refunded_total: 0,
          pending_difference: 0,
          payment_status: "captured",
        })
        expect(await reminderOf()).toEqual([[0, false]])
      })
    })

    describe("money: every capture reaches the order", () => {
      it("captures a deposit sale's balance on fulfil as an order transaction (€996, deposit €298.80)", async () => {
        const shop = store.shopLocationId
        const { data: sold } = await api.post(
          "/admin/to-order-sales",
          {
            customer_id: store.customerId,
            location_id: shop,
            lines: [
              {
                variant_id: store.variantIdsBySku["GRINDER-BLACK"],
                quantity: 4,
              },
            ],
            payment_policy: "deposit",
            deposit_percent: 30,
          },
          admin
        )
        const order = sold.order
        const backorder = sold.backorders[0]
        // One on the shelf, three short; the deposit spread over the order's value.
        expect(backorder).toEqual(
          expect.objectContaining({ quantity: 3, paid_amount: 224.1 })
        )
        expect(await money(order.id)).toEqual({
          total: 996,
          paid_total: 298.8,
          refunded_total: 0,
          pending_difference: 697.2,
          payment_status: "partially_captured",
        })

        // Four bought (MOQ 2, case pack 2), three of them for the backorder.
        await buyAndReceive([backorder.id])
        expect(await getBackorder(backorder.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 3,
          })
        )
        expect(await stockOf(getContainer(), "GRINDER-BLACK", shop)).toEqual({
          stocked: 5,
          reserved: 4,
          incoming: 0,
          available: 1,
        })

        const packed = await api.post(
          `/admin/orders/${order.id}/backorders/fulfil`,
          {},
          admin
        )
        expect(packed.data.captured).toBe(697.2)
        expect(packed.data.backorders).toEqual([
          expect.objectContaining({
            id: backorder.id,
            status: "fulfilled",
            fulfilled_quantity: 3,
            paid_amount: 747,
          }),
        ])
        expect(await money(order.id)).toEqual({
          total: 996,
          paid_total: 996,
          refunded_total: 0,
          pending_difference: 0,
          payment_status: "captured",
        })
        expect(await stockOf(getContainer(), "GRINDER-BLACK", shop)).toEqual({
          stocked: 2,
          reserved: 1,
          incoming: 0,
          available: 1,
        })
        expect(await ledgerOf(backorder.id)).toEqual([
          {
            quantity: 3,
            source: "receipt",
            status: "fulfilled",
            fulfilled_quantity: 3,
          },
        ])
      })
    })

    describe("Medusa's own Fulfill items on allocated units", () => {
      it("marks the backorder fulfilled, captures its balance, and a cancelled fulfilment puts the units back to allocated", async () => {
        const shop = store.shopLocationId
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
            payment_policy: "pay_on_receipt",
          },
          admin
        )
        const order = sold.order
        const backorder = sold.backorders[0]
        expect(await money(order.id)).toEqual({
          total: 158,
          paid_total: 0,
          refunded_total: 0,
          pending_difference: 158,
          payment_status: "authorized",
        })
        // Six bought (MOQ 6), two of them for the backorder.
        await buyAndReceive([backorder.id])
        expect(await getBackorder(backorder.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 2,
            fulfilled_quantity: 0,
          })
        )

        await api.post(
          `/admin/orders/${order.id}/fulfillments`,
          {
            items: [{ id: order.items[0].id, quantity: 2 }],
            location_id: shop,
            shipping_option_id: await pickUpOptionId(),
          },
          admin
        )
        const fulfillmentId = (
          await api.get(
            `/admin/orders/${order.id}?fields=fulfillments.id`,
            admin
          )
        ).data.order.fulfillments[0].id
        expect(await getBackorder(backorder.id)).toEqual(
          expect.objectContaining({
            status: "fulfilled",
            allocated_quantity: 2,
            fulfilled_quantity: 2,
            paid_amount: 158,
            metadata: {
              fulfillments: {
                [fulfillmentId]: {
                  quantity: 2,
                  captured: 158,
                  payment_id: expect.stringMatching(/^pay_/),
                },
              },
            },
          })
        )
        expect(await money(order.id)).toEqual({
          total: 158,
          paid_total: 158,
          refunded_total: 0,
          pending_difference: 0,
          payment_status: "captured",
        })
        expect(await stockOf(getContainer(), "KETTLE-MATTE", shop)).toEqual({
          stocked: 4,
          reserved: 0,
          incoming: 0,
          available: 4,
        })
        expect(await ledgerOf(backorder.id)).toEqual([
          {
            quantity: 2,
            source: "receipt",
            status: "fulfilled",
            fulfilled_quantity: 2,
          },
        ])

        // The plugin's fulfil finds nothing left to pack.
        const again = await api.post(
          `/admin/orders/${order.id}/backorders/fulfil`,
          {},
          admin
        )
        expect(again.data).toEqual({
          backorders: [],
          captured: 0,
          message: `Order ${order.id} has nothing left to pack: its backorders are fulfilled`,
        })

        // Cancelling Medusa's fulfilment puts the units back to allocated; the money stays paid.
        await api.post(
          `/admin/orders/${order.id}/fulfillments/${fulfillmentId}/cancel`,
          {},
          admin
        )
        expect(await getBackorder(backorder.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 2,
            fulfilled_quantity: 0,
            fulfilled_at: null,
            paid_amount: 158,
            metadata: { fulfillments: {} },
          })
        )
        expect(await stockOf(getContainer(), "KETTLE-MATTE", shop)).toEqual({
          stocked: 6,
          reserved: 2,
          incoming: 0,
          available: 4,
        })
        expect(await money(order.id)).toEqual({
          total: 158,
          paid_total: 158,
          refunded_total: 0,
          pending_difference: 0,
          payment_status: "captured",
        })

        // Packed again through the plugin: nothing more to capture.
        const repacked = await api.post(
          `/admin/orders/${order.id}/backorders/fulfil`,
          {},
          admin
        )
        expect(repacked.data.captured).toBe(0)
        expect(repacked.data.backorders).toEqual([
          expect.objectContaining({
            status: "fulfilled",
            fulfilled_quantity: 2,
          }),
        ])
        expect(await money(order.id)).toEqual({
          total: 158,
          paid_total: 158,
          refunded_total: 0,
          pending_difference: 0,
          payment_status: "captured",
        })
      })

      it("counts a partial Medusa fulfilment and captures only its share", async () => {
        const shop = store.shopLocationId
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
            payment_policy: "pay_on_receipt",
          },
          admin
        )
        const order = sold.order
        const backorder = sold.backorders[0]
        await buyAndReceive([backorder.id])
        await api.post(
          `/admin/orders/${order.id}/fulfillments`,
          {
            items: [{ id: order.items[0].id, quantity: 1 }],
            location_id: shop,
            shipping_option_id: await pickUpOptionId(),
          },
          admin
        )
        expect(await getBackorder(backorder.id)).toEqual(
          expect.objectContaining({
            status: "available",
            fulfilled_quantity: 1,
            paid_amount: 79,
          })
        )
        expect(await money(order.id)).toEqual({
          total: 158,
          paid_total: 79,
          refunded_total: 0,
          pending_difference: 79,
          payment_status: "partially_captured",
        })
        // The plugin packs the other one and settles the order.
        const packed = await api.post(
          `/admin/orders/${order.id}/backorders/fulfil`,
          {},
          admin
        )
        expect(packed.data.captured).toBe(79)
        expect(packed.data.backorders).toEqual([
          expect.objectContaining({
            status: "fulfilled",
            fulfilled_quantity: 2,
          }),
        ])
        expect(await money(order.id)).toEqual({
          total: 158,
          paid_total: 158,
          refunded_total: 0,
          pending_difference: 0,
          payment_status: "captured",
        })
        expect(await stockOf(getContainer(), "KETTLE-MATTE", shop)).toEqual({
          stocked: 4,
          reserved: 0,
          incoming: 0,
          available: 4,
        })
      })
    })

    describe("POSitive: held-back units", () => {
      it("go out with the arriving unit", async () => {
        const shop = store.shopLocationId
        const { data: sold } = await api.post(
          "/admin/to-order-sales",
          {
            customer_id: store.customerId,
            location_id: shop,
            lines: [
              {
                variant_id: store.variantIdsBySku["GRINDER-WHITE"],
                quantity: 3,
                hold_back: true,
              },
            ],
            payment_policy: "pay_on_receipt",
          },
          admin
        )
        const order = sold.order
        const backorder = sold.backorders[0]
        expect(backorder).toEqual(expect.objectContaining({ quantity: 1 }))
        // The two in stock are paid now, the missing one on receipt.
        expect(await money(order.id)).toEqual({
          total: 747,
          paid_total: 498,
          refunded_total: 0,
          pending_difference: 249,
          payment_status: "partially_captured",
        })
        // Two bought (MOQ 2), one of them for the backorder.
        await buyAndReceive([backorder.id])
        expect(await stockOf(getContainer(), "GRINDER-WHITE", shop)).toEqual({
          stocked: 4,
          reserved: 3,
          incoming: 0,
          available: 1,
        })

        const packed = await api.post(
          `/admin/orders/${order.id}/backorders/fulfil`,
          {},
          admin
        )
        expect(packed.data.captured).toBe(249)
        expect(packed.data.backorders).toEqual([
          expect.objectContaining({
            status: "fulfilled",
            fulfilled_quantity: 1,
          }),
        ])
        const { data } = await api.get(
          `/admin/orders/${order.id}?fields=total,fulfillment_status,items.quantity,items.detail.fulfilled_quantity`,
          admin
        )
        expect(data.order.fulfillment_status).toBe("fulfilled")
        expect(
          data.order.items.map((i) => [i.quantity, i.detail.fulfilled_quantity])
        ).toEqual([[3, 3]])
        expect(await stockOf(getContainer(), "GRINDER-WHITE", shop)).toEqual({
          stocked: 1,
          reserved: 0,
          incoming: 0,
          available: 1,
        })
        expect(await money(order.id)).toEqual({
          total: 747,
          paid_total: 747,
          refunded_total: 0,
          pending_difference: 0,
          payment_status: "captured",
        })
      })
    })

    describe("money: cancellation refunds reach the order", () => {
      it("records each partial cancellation's refund as an order transaction of its own", async () => {
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
        const order = sold.order
        const backorder = sold.backorders[0]
        // Two bags short at 20; 20 of the 40 deposit is theirs.
        expect(backorder).toEqual(
          expect.objectContaining({ quantity: 2, paid_amount: 20 })
        )
        expect(await money(order.id)).toEqual({
          total: 80,
          paid_total: 40,
          refunded_total: 0,
          pending_difference: 40,
          payment_status: "partially_captured",
        })

        await api.post(
          `/admin/backorders/${backorder.id}/cancel`,
          { quantity: 1 },
          admin
        )
        // Its 10 of deposit back, with Medusa's credit line of the same amount: what is
        // owed does not grow by the refund. (Medusa's payment status counts a partial capture
        // and a partial refund as one half each, hence "refunded".)
        expect(await money(order.id)).toEqual({
          total: 70,
          paid_total: 40,
          refunded_total: 10,
          pending_difference: 40,
          payment_status: "refunded",
        })
        await api.post(`/admin/backorders/${backorder.id}/cancel`, {}, admin)
        expect(await getBackorder(backorder.id)).toEqual(
          expect.objectContaining({
            status: "cancelled",
            cancelled_quantity: 2,
            refunded_amount: 20,
          })
        )
        // The second refund on the same payment is a transaction too (refunded_total 20).
        expect(await money(order.id)).toEqual({
          total: 60,
          paid_total: 40,
          refunded_total: 20,
          pending_difference: 40,
          payment_status: "refunded",
        })
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
        // One grinder on the shelf paid now, two (498) on receipt.
        expect(await money(sold.order.id)).toEqual({
          total: 747,
          paid_total: 249,
          refunded_total: 0,
          pending_difference: 498,
          payment_status: "partially_captured",
        })

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
        // The order is back to its old figures: Medusa's rollback of the fulfilment drops the
        // order version that counted the capture and its refund, so 249 is paid and 498 owed
        // (net, as on the payment: 747 captured - 498 refunded).
        expect(await money(sold.order.id)).toEqual({
          total: 747,
          paid_total: 249,
          refunded_total: 0,
          pending_difference: 498,
          payment_status: "partially_refunded",
        })
      })
    })
  },
})
