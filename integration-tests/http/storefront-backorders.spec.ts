import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { getBackorderAvailability } from "../../src/storefront"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { createAdminUser, RequestHeaders } from "../helpers/auth"
import { recordOrderBackordersWorkflow } from "../../src/workflows/backorders/workflows/record-order-backorders"
import { stockOf } from "../helpers/stock"
import {
  checkout,
  eventually,
  registerShopper,
  Shopper,
} from "../helpers/storefront"

jest.setTimeout(180000)

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

    const backordersOf = (orderId: string) =>
      eventually(
        () =>
          api
            .get(`/admin/backorders?order_id=${orderId}`, admin)
            .then((r) => r.data),
        // The page and its count are two reads (side by side): a backorder recorded between
        // them is counted before it is listed, so wait for the rows themselves.
        (data) => data.backorders.length > 0
      )

    describe("checkout of a variant that allows backorder", () => {
      it("completes through Medusa's store API and backorders only the short quantity at the location Medusa reserved from", async () => {
        const warehouse = store.warehouseLocationId
        const white = store.variantIdsBySku["GRINDER-WHITE"]
        expect(
          await stockOf(getContainer(), "GRINDER-WHITE", warehouse)
        ).toEqual({
          stocked: 1,
          reserved: 0,
          incoming: 0,
          available: 1,
        })

        const availability = await api.get(
          `/store/backorder-availability?variant_id=${white}&variant_id=${store.variantIdsBySku["KETTLE-MATTE"]}&variant_id=${store.variantIdsBySku["GRINDER-BLACK"]}`,
          { headers: { "x-publishable-api-key": store.publishableKey } }
        )
        expect(availability.data.availability).toEqual(
          expect.arrayContaining([
            {
              variant_id: white,
              in_stock_quantity: 1,
              status: "in_stock",
              can_backorder: true,
              expected_at: null,
              incoming: [],
            },
            {
              variant_id: store.variantIdsBySku["KETTLE-MATTE"],
              in_stock_quantity: 0,
              status: "backorder",
              can_backorder: true,
              expected_at: null,
              incoming: [],
            },
            {
              variant_id: store.variantIdsBySku["GRINDER-BLACK"],
              in_stock_quantity: 2,
              status: "in_stock",
              can_backorder: false,
              expected_at: null,
              incoming: [],
            },
          ])
        )

        // 3 ordered with 1 on hand: 1 ships, 2 backordered.
        const order = await checkout(api, store, sam, [
          { variant_id: white, quantity: 3 },
        ])
        expect(
          await stockOf(getContainer(), "GRINDER-WHITE", warehouse)
        ).toEqual({
          stocked: 1,
          reserved: 3,
          incoming: 0,
          available: -2,
        })

        const { backorders, count } = await backordersOf(order.id)
        expect(count).toBe(1)
        expect(backorders[0]).toEqual(
          expect.objectContaining({
            status: "new",
            source: "storefront",
            order_id: order.id,
            line_item_id: order.items[0].id,
            customer_id: sam.customerId,
            variant_id: white,
            location_id: warehouse,
            supplier_id: store.supplierIdsByCode["NCS"],
            quantity: 2,
            allocated_quantity: 0,
            unit_price: 249,
          })
        )

        // The customer sees it in their account.
        const mine = await api.get("/store/backorders", {
          headers: sam.headers,
        })
        expect(mine.data).toEqual({
          backorders: [
            expect.objectContaining({
              id: backorders[0].id,
              status: "new",
              order_id: order.id,
              sku: "GRINDER-WHITE",
              quantity: 2,
              allocated_quantity: 0,
              promised_at: null,
              expected_at: null,
            }),
          ],
          count: 1,
          offset: 0,
          limit: 20,
        })
        expect(mine.data.backorders[0]).not.toHaveProperty("supplier_id")
        const one = await api.get(`/store/backorders/${backorders[0].id}`, {
          headers: sam.headers,
        })
        expect(one.data.backorder.id).toBe(backorders[0].id)
      })

      it("records nothing for an order that stock covers", async () => {
        const order = await checkout(api, store, sam, [
          { variant_id: store.variantIdsBySku["ESPRESSO-STEEL"], quantity: 2 },
        ])
        // A later short order of the same customer is recorded, so the subscriber has run
        // for both by the time it shows.
        const later = await checkout(api, store, sam, [
          { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 1 },
        ])
        await backordersOf(later.id)
        const none = await api.get(
          `/admin/backorders?order_id=${order.id}`,
          admin
        )
        expect(none.data.count).toBe(0)
        expect(
          await stockOf(
            getContainer(),
            "ESPRESSO-STEEL",
            store.warehouseLocationId
          )
        ).toEqual({
          stocked: 20,
          reserved: 2,
          incoming: 0,
          available: 18,
        })
      })
    })

    describe("order confirmation", () => {
      it("records a just-placed order's backorders when its confirmation asks before the subscriber has run, once", async () => {
        const kettle = store.variantIdsBySku["KETTLE-MATTE"]
        const order = await checkout(api, store, sam, [
          { variant_id: kettle, quantity: 2 },
        ])
        const recorded = await backordersOf(order.id)
        // As if the `order.placed` subscriber had not run yet.
        const backorderModule = getContainer().resolve("backorder")
        await backorderModule.deleteBackorders(recorded.backorders[0].id)
        const checks = await backorderModule.listShortageChecks({
          order_id: order.id,
        })
        await backorderModule.deleteShortageChecks(checks.map((c) => c.id))

        const pk = { "x-publishable-api-key": store.publishableKey }
        const read = async () =>
          (
            await api.get(`/store/orders/${order.id}/backorders`, {
              headers: pk,
            })
          ).data.backorders.map((b) => [b.sku, b.quantity, b.status])
        expect(await read()).toEqual([["KETTLE-MATTE", 2, "new"]])
        expect(await read()).toEqual([["KETTLE-MATTE", 2, "new"]])
        expect(
          (await api.get(`/admin/backorders?order_id=${order.id}`, admin)).data
            .count
        ).toBe(1)
      })
    })

    describe("rollback", () => {
      it("undoes the recorded backorders when a later step fails, and records them on the next run", async () => {
        const order = await checkout(api, store, sam, [
          { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 2 },
        ])
        const recorded = await backordersOf(order.id)
        // Start from an unrecorded order: cancel nothing, just remove what the subscriber made.
        const backorderModule = getContainer().resolve("backorder")
        await backorderModule.deleteBackorders(recorded.backorders[0].id)
        const checks = await backorderModule.listShortageChecks({
          order_id: order.id,
        })
        await backorderModule.deleteShortageChecks(checks.map((c) => c.id))

        const workflow = recordOrderBackordersWorkflow(getContainer())
        workflow.appendAction(
          "fail-after-record",
          "record-order-backorders-step",
          {
            invoke: async () => {
              throw new Error("Failure after recording")
            },
          }
        )
        const { errors } = await workflow.run({
          input: { order_id: order.id },
          throwOnError: false,
        })
        expect(errors.map((e) => e.error.message)).toEqual([
          "Failure after recording",
        ])
        expect(
          (await api.get(`/admin/backorders?order_id=${order.id}`, admin)).data
            .count
        ).toBe(0)
        expect(
          await backorderModule.listShortageChecks({ order_id: order.id })
        ).toEqual([])

        await recordOrderBackordersWorkflow(getContainer()).run({
          input: { order_id: order.id },
        })
        const again = await api.get(
          `/admin/backorders?order_id=${order.id}`,
          admin
        )
        expect(
          again.data.backorders.map((b) => [b.quantity, b.source])
        ).toEqual([[2, "storefront"]])
      })
    })

    describe("orders placed another way", () => {
      it("records the short units of a converted draft order as admin backorders", async () => {
        const { data: draft } = await api.post(
          "/admin/draft-orders",
          {
            region_id: store.regionId,
            sales_channel_id: store.webChannelId,
            customer_id: sam.customerId,
            email: "sam@example.com",
            items: [
              {
                variant_id: store.variantIdsBySku["KETTLE-MATTE"],
                quantity: 2,
              },
            ],
          },
          admin
        )
        const { data: converted } = await api.post(
          `/admin/draft-orders/${draft.draft_order.id}/convert-to-order`,
          {},
          admin
        )
        const orderId = converted.order.id

        const { backorders, count } = await backordersOf(orderId)
        expect(count).toBe(1)
        expect(backorders[0]).toEqual(
          expect.objectContaining({
            status: "new",
            source: "admin",
            customer_id: sam.customerId,
            location_id: store.warehouseLocationId,
            supplier_id: store.supplierIdsByCode["BWW"],
            quantity: 2,
          })
        )
        expect(
          await stockOf(
            getContainer(),
            "KETTLE-MATTE",
            store.warehouseLocationId
          )
        ).toEqual({
          stocked: 0,
          reserved: 2,
          incoming: 0,
          available: -2,
        })
      })
    })

    describe("honest availability and promise dates", () => {
      const DEC_12 = "2026-12-12T00:00:00.000Z"
      const JAN_05 = "2027-01-05T00:00:00.000Z"
      const sentPurchaseOrder = async (
        quantity: number,
        expectedAt: string
      ) => {
        const { data } = await api.post(
          "/admin/purchase-orders",
          {
            supplier_id: store.supplierIdsByCode["NCS"],
            location_id: store.warehouseLocationId,
            expected_at: expectedAt,
            lines: [
              {
                variant_id: store.variantIdsBySku["GRINDER-WHITE"],
                quantity,
                round_to_terms: false,
              },
            ],
          },
          admin
        )
        await api.post(
          `/admin/purchase-orders/${data.purchase_order.id}/send`,
          {},
          admin
        )
        return data.purchase_order.id as string
      }
      const availabilityOfWhite = async () =>
        (
          await api.get(
            `/store/backorder-availability?variant_id=${store.variantIdsBySku["GRINDER-WHITE"]}`,
            { headers: { "x-publishable-api-key": store.publishableKey } }
          )
        ).data.availability[0]

      it("promises the date of the purchase order that serves the next unit, after the units earlier orders wait for, never stock they hold", async () => {
        const white = store.variantIdsBySku["GRINDER-WHITE"]
        // The later PO is created first: the date must not come from the first PO found.
        await sentPurchaseOrder(5, JAN_05)
        await sentPurchaseOrder(3, DEC_12)
        expect(await availabilityOfWhite()).toEqual({
          variant_id: white,
          in_stock_quantity: 1,
          status: "in_stock",
          can_backorder: true,
          expected_at: DEC_12,
          incoming: [
            { quantity: 3, expected_at: DEC_12 },
            { quantity: 5, expected_at: JAN_05 },
          ],
        })

        // Sam takes the 1 on hand and waits for 2 of the December PO.
        const first = await checkout(api, store, sam, [
          { variant_id: white, quantity: 3 },
        ])
        await backordersOf(first.id)
        expect(await availabilityOfWhite()).toEqual({
          variant_id: white,
          in_stock_quantity: 0,
          status: "backorder",
          can_backorder: true,
          expected_at: DEC_12,
          incoming: [
            { quantity: 1, expected_at: DEC_12 },
            { quantity: 5, expected_at: JAN_05 },
          ],
        })

        // Ana's 3: 1 from December's PO, 2 from January's; all there in January.
        const ana = await registerShopper(api, store, "ana@example.com")
        const second = await checkout(api, store, ana, [
          { variant_id: white, quantity: 3 },
        ])
        await backordersOf(second.id)
        expect(await availabilityOfWhite()).toEqual(
          expect.objectContaining({
            in_stock_quantity: 0,
            expected_at: JAN_05,
            incoming: [{ quantity: 3, expected_at: JAN_05 }],
          })
        )

        const confirmation = async (orderId: string) =>
          (
            await api.get(`/store/orders/${orderId}/backorders`, {
              headers: { "x-publishable-api-key": store.publishableKey },
            })
          ).data.backorders.map((b) => [b.quantity, b.expected_at])
        expect(await confirmation(first.id)).toEqual([[2, DEC_12]])
        expect(await confirmation(second.id)).toEqual([[3, JAN_05]])
        const mine = await api.get("/store/backorders", {
          headers: ana.headers,
        })
        expect(
          mine.data.backorders.map((b) => [b.quantity, b.expected_at])
        ).toEqual([[3, JAN_05]])
        expect(
          await stockOf(
            getContainer(),
            "GRINDER-WHITE",
            store.warehouseLocationId
          )
        ).toEqual({ stocked: 1, reserved: 6, incoming: 8, available: -5 })
      })

      it("answers only the variants a shopper may see: not those of a draft product or of a product outside the key's sales channel", async () => {
        const white = store.variantIdsBySku["GRINDER-WHITE"]
        const {
          data: [variant],
        } = await getContainer()
          .resolve("query")
          .graph({
            entity: "product_variant",
            fields: ["product_id"],
            filters: { id: white },
          })
        const answered = async () =>
          (
            await api.get(`/store/backorder-availability?variant_id=${white}`, {
              headers: { "x-publishable-api-key": store.publishableKey },
            })
          ).data.availability.map((a: { variant_id: string }) => a.variant_id)
        expect(await answered()).toEqual([white])

        await api.post(
          `/admin/products/${variant.product_id}`,
          { status: "draft" },
          admin
        )
        expect(await answered()).toEqual([])
        await api.post(
          `/admin/products/${variant.product_id}`,
          { status: "published" },
          admin
        )
        expect(await answered()).toEqual([white])

        await api.post(
          `/admin/sales-channels/${store.webChannelId}/products`,
          { remove: [variant.product_id] },
          admin
        )
        expect(await answered()).toEqual([])
      })

      it("answers a product page of 20 variants in one request through the storefront entry point and the js-sdk", async () => {
        const sizes = Array.from({ length: 20 }, (_, i) => `Size ${i + 1}`)
        const { data } = await api.post(
          "/admin/products",
          {
            title: "Filter Papers",
            status: "published",
            options: [{ title: "Size", values: sizes }],
            sales_channels: [{ id: store.webChannelId }],
            variants: sizes.map((size, i) => ({
              title: size,
              sku: `FILTER-${i + 1}`,
              options: { Size: size },
              manage_inventory: true,
              allow_backorder: i % 2 === 0,
              prices: [{ currency_code: "eur", amount: 5 }],
            })),
          },
          admin
        )
        // In the order of their SKUs: Medusa answers a product's variants in no fixed order.
        const variantIds: string[] = sizes.map(
          (_, i) =>
            data.product.variants.find((v) => v.sku === `FILTER-${i + 1}`).id
        )
        expect(new Set(variantIds).size).toBe(20)

        const sdk = new Medusa({
          baseUrl: api.defaults.baseURL!,
          publishableKey: store.publishableKey,
        })
        const requests: string[] = []
        const realFetch = globalThis.fetch
        globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
          requests.push(String(input))
          return realFetch(input, init)
        }) as typeof fetch
        let availability: Awaited<ReturnType<typeof getBackorderAvailability>>
        try {
          availability = await getBackorderAvailability(sdk, variantIds)
        } finally {
          globalThis.fetch = realFetch
        }
        expect(requests).toHaveLength(1)
        expect(new URL(requests[0]).pathname).toBe(
          "/store/backorder-availability"
        )
        expect(Object.keys(availability).sort()).toEqual([...variantIds].sort())
        expect(availability[variantIds[0]]).toEqual({
          variant_id: variantIds[0],
          in_stock_quantity: 0,
          status: "backorder",
          can_backorder: true,
          expected_at: null,
          incoming: [],
        })
        expect(availability[variantIds[1]].status).toBe("out_of_stock")
      })
    })

    describe("a customer sees only their own backorders", () => {
      it("answers 404 for another customer's backorder and 401 without a login", async () => {
        const order = await checkout(api, store, sam, [
          { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 1 },
        ])
        const { backorders } = await backordersOf(order.id)
        const ana = await registerShopper(api, store, "ana@example.com")

        const foreign = await api
          .get(`/store/backorders/${backorders[0].id}`, {
            headers: ana.headers,
          })
          .catch((e) => e.response)
        expect(foreign.status).toBe(404)
        expect(foreign.data).toEqual({
          type: "not_found",
          message: `Backorder with id: ${backorders[0].id} was not found`,
        })
        const list = await api.get("/store/backorders", {
          headers: ana.headers,
        })
        expect(list.data.count).toBe(0)

        const anonymous = await api
          .get("/store/backorders", {
            headers: { "x-publishable-api-key": store.publishableKey },
          })
          .catch((e) => e.response)
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
