import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { RequestHeaders, seedDemoStoreWithAdmin } from "../helpers/auth"
import { refused } from "../helpers/api"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../src/modules/backorder"
import { catchUpBackorders } from "../../src/workflows/backorders/utils/catch-up"
import BackorderModuleService from "../../src/modules/backorder/service"

jest.setTimeout(180000)

/**
 * The read endpoints the admin dashboard is built on: search of the backorder list, the
 * health figures, the per-location stock summary of a variant and the allocation ledger.
 * Purchase orders are numbered with a non-default prefix and padding here, so every place
 * that names one must use the options (the dashboard shows `number` as it comes).
 */
// Read by medusa-config.ts, which the runner loads before it applies its `env` option, so set
// here (Jest gives every test file its own copy of process.env).
process.env.BACKORDER_PURCHASE_ORDER_PREFIX = "BREW-"
process.env.BACKORDER_PURCHASE_ORDER_PADDING = "6"

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
    ) =>
      (
        await api.post(
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
      ).data
    const ids = (res: { data: { backorders: { id: string }[] } }) =>
      res.data.backorders.map((b) => b.id).sort()

    /** A kettle sold short (3, paid) and a white grinder (2 short, 50 % deposit). */
    const twoSales = async () => {
      const kettle = await sale("KETTLE-MATTE", 3)
      const grinder = await sale("GRINDER-WHITE", 4, {
        payment_policy: "deposit",
        deposit_percent: 50,
      })
      return { kettle, grinder }
    }

    describe("search the backorder list", () => {
      it("finds a recorded backorder by part of its SKU and of its title, through the texts the sale wrote; % matches only itself", async () => {
        const container = getContainer()
        const productModule = container.resolve(Modules.PRODUCT)
        const [variant] = await productModule.listProductVariants(
          { sku: "KETTLE-MATTE" },
          { relations: ["product"] }
        )
        await productModule.updateProducts(variant.product_id!, {
          title: "Gooseneck Kettle 100% Steel",
        })
        const kettleId = (await sale("KETTLE-MATTE", 3)).backorders[0].id
        await sale("GRINDER-WHITE", 2)

        const backorderModule: BackorderModuleService =
          container.resolve(BACKORDER_MODULE)
        const [recorded] = await backorderModule.listBackorders(
          { id: kettleId },
          { select: ["sku", "title"] }
        )
        expect(recorded).toEqual({
          id: kettleId,
          sku: "KETTLE-MATTE",
          title: "Gooseneck Kettle 100% Steel",
        })
        const texts = await backorderModule.listBackorderSearchTexts(
          {
            value: ["KETTLE-MATTE", "Gooseneck Kettle 100% Steel"],
          },
          { select: ["value"] }
        )
        expect(texts.map((t) => t.value).sort()).toEqual([
          "Gooseneck Kettle 100% Steel",
          "KETTLE-MATTE",
        ])

        const search = async (q: string) =>
          ids(
            await api.get(`/admin/backorders?q=${encodeURIComponent(q)}`, admin)
          )
        expect(await search("ettle-ma")).toEqual([kettleId])
        expect(await search("neck kett")).toEqual([kettleId])
        expect(await search("100% steel")).toEqual([kettleId])
        expect(await search("0%")).toEqual([kettleId])
        // As patterns these would match "100% Steel" (and "1%0" also "100"); typed, they
        // are not in any SKU or title.
        expect(await search("1%0")).toEqual([])
        expect(await search("100%%")).toEqual([])
        expect(await search("10_%")).toEqual([])
      })

      it("finds by SKU, customer email and order number; counts and supplier groups follow the search", async () => {
        const { kettle, grinder } = await twoSales()
        const kettleId = kettle.backorders[0].id
        const grinderId = grinder.backorders[0].id

        const bySku = await api.get("/admin/backorders?q=kettle-mat", admin)
        expect(ids(bySku)).toEqual([kettleId])
        expect(bySku.data.count).toBe(1)

        const byEmail = await api.get("/admin/backorders?q=jane@example", admin)
        expect(ids(byEmail)).toEqual([kettleId, grinderId].sort())

        const byOrder = await api.get(
          `/admin/backorders?q=%23${grinder.order.display_id}`,
          admin
        )
        expect(ids(byOrder)).toEqual([grinderId])

        const nothing = await api.get(
          "/admin/backorders?q=no-such-thing",
          admin
        )
        expect(nothing.data).toEqual({
          backorders: [],
          count: 0,
          count_estimated: false,
          offset: 0,
          limit: 20,
        })

        const counts = await api.get("/admin/backorders/counts?q=KETTLE", admin)
        expect(counts.data).toEqual({
          counts: {
            new: 1,
            on_order: 0,
            partially_available: 0,
            available: 0,
            fulfilled: 0,
            cancelled: 0,
          },
          new_in_draft: 0,
          total: 1,
          estimated: [],
        })

        const groups = await api.get(
          "/admin/backorders/supplier-groups?q=grinder",
          admin
        )
        expect(groups.data.groups).toEqual([
          {
            supplier: {
              id: store.supplierIdsByCode.NCS,
              name: "Nordic Coffee Supply",
            },
            count: 1,
            count_estimated: false,
            waiting_quantity: 2,
          },
        ])
      })

      it("finds a customer by full name, and by the new name once renamed", async () => {
        const { kettle, grinder } = await twoSales()
        const both = [kettle.backorders[0].id, grinder.backorders[0].id].sort()

        const byName = await api.get("/admin/backorders?q=jane%20doe", admin)
        expect(ids(byName)).toEqual(both)

        await api.post(
          `/admin/customers/${store.customerId}`,
          { last_name: "Quennell" },
          admin
        )
        // The copy is refreshed by a subscriber of `customer.updated`, after the response.
        let renamed = await api.get("/admin/backorders?q=quennell", admin)
        for (let i = 0; i < 20 && renamed.data.backorders.length === 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 250))
          renamed = await api.get("/admin/backorders?q=quennell", admin)
        }
        expect(ids(renamed)).toEqual(both)
        const oldName = await api.get("/admin/backorders?q=jane%20doe", admin)
        expect(oldName.data.count).toBe(0)
      })

      it("a rename whose customer.updated was lost is found by the catch-up", async () => {
        const { kettle, grinder } = await twoSales()
        const both = [kettle.backorders[0].id, grinder.backorders[0].id].sort()

        // Renamed without any event: as if `customer.updated` never reached a worker.
        const pg = getContainer().resolve(
          ContainerRegistrationKeys.PG_CONNECTION
        )
        await pg.raw(
          `UPDATE customer SET last_name = 'Quennell', updated_at = now() WHERE id = ?`,
          [store.customerId]
        )
        const stale = await api.get("/admin/backorders?q=quennell", admin)
        expect(stale.data.count).toBe(0)

        const result = await catchUpBackorders(getContainer(), {
          graceSeconds: 0,
        })
        expect(result.refreshed_customer_ids).toEqual([store.customerId])
        const renamed = await api.get("/admin/backorders?q=quennell", admin)
        expect(ids(renamed)).toEqual(both)

        // Up to date now: the next run refreshes nothing.
        const again = await catchUpBackorders(getContainer(), {
          graceSeconds: 0,
        })
        expect(again.refreshed_customer_ids).toEqual([])
      })

      it("a backorder recorded without its search texts (an older server during an upgrade) is found once the catch-up adds them", async () => {
        const kettleId = (await sale("KETTLE-MATTE", 3)).backorders[0].id
        const search = async (q: string) =>
          ids(
            await api.get(`/admin/backorders?q=${encodeURIComponent(q)}`, admin)
          )
        expect(await search("kettle-ma")).toEqual([kettleId])

        // As a server without the table leaves them: the backorder, no texts.
        const pg = getContainer().resolve(
          ContainerRegistrationKeys.PG_CONNECTION
        )
        await pg.raw(`DELETE FROM backorder_search_text`)
        expect(await search("kettle-ma")).toEqual([])

        const result = await catchUpBackorders(getContainer(), {
          graceSeconds: 0,
        })
        expect(result.added_search_texts).toEqual([
          "Gooseneck Kettle",
          "KETTLE-MATTE",
        ])
        expect(await search("kettle-ma")).toEqual([kettleId])
        expect(await search("gooseneck")).toEqual([kettleId])

        // Known now: the next run adds nothing; a window that ends before the backorder
        // was recorded looks at nothing.
        const again = await catchUpBackorders(getContainer(), {
          graceSeconds: 0,
        })
        expect(again.added_search_texts).toEqual([])
        await pg.raw(`DELETE FROM backorder_search_text`)
        await pg.raw(
          `UPDATE backorder SET created_at = now() - interval '73 hours' WHERE id = ?`,
          [kettleId]
        )
        const outside = await catchUpBackorders(getContainer(), {
          graceSeconds: 0,
        })
        expect(outside.added_search_texts).toEqual([])
      })

      it("lists backorders on a draft purchase order or transfer apart from the new ones nobody requested", async () => {
        const { kettle, grinder } = await twoSales()
        const kettleId = kettle.backorders[0].id
        const grinderId = grinder.backorders[0].id
        // The shop has 2 beans: 2 of 4 are short.
        const beansId = (await sale("BEANS-HOUSE-1KG", 4)).backorders[0].id
        const [draftPo] = (
          await api.post(
            "/admin/purchase-orders/request-stock",
            { backorder_ids: [kettleId] },
            admin
          )
        ).data.purchase_orders
        expect(draftPo.status).toBe("draft")
        const draftTransfer = (
          await api.post(
            "/admin/transfers/request-stock",
            {
              backorder_ids: [beansId],
              source_location_id: store.warehouseLocationId,
            },
            admin
          )
        ).data.transfer
        expect(draftTransfer.status).toBe("draft")

        const list = (query: string) =>
          api.get(`/admin/backorders?${query}`, admin)
        const notRequested = await list("status=new&in_draft=false")
        expect(ids(notRequested)).toEqual([grinderId])
        expect(notRequested.data.count).toBe(1)
        const requested = await list("status=new&in_draft=true")
        expect(ids(requested)).toEqual([kettleId, beansId].sort())
        expect(requested.data.count).toBe(2)
        // The filter narrows a search too.
        expect(ids(await list("q=KETTLE&in_draft=false"))).toEqual([])
        expect(ids(await list("q=KETTLE&in_draft=true"))).toEqual([kettleId])

        const counts = (query: string) =>
          api
            .get(`/admin/backorders/counts?${query}`, admin)
            .then((res) => res.data)
        const tabs = {
          new: 3,
          on_order: 0,
          partially_available: 0,
          available: 0,
          fulfilled: 0,
          cancelled: 0,
        }
        expect(await counts("")).toEqual({
          counts: tabs,
          new_in_draft: 2,
          total: 3,
          estimated: [],
        })
        expect(await counts("q=GRINDER")).toEqual({
          counts: { ...tabs, new: 1 },
          new_in_draft: 0,
          total: 1,
          estimated: [],
        })
        expect(await counts("in_draft=false")).toEqual({
          counts: { ...tabs, new: 1 },
          new_in_draft: 0,
          total: 1,
          estimated: [],
        })
        expect(
          (await api.get("/admin/backorders/health", admin)).data.health
            .without_purchase_order_count
        ).toBe(1)

        // Sent, the purchase order's backorder is on order: no longer new at all.
        await api.post(
          `/admin/purchase-orders/${draftPo.id}/send`,
          { expected_at: "2026-12-01T00:00:00.000Z" },
          admin
        )
        expect(await counts("")).toEqual({
          counts: { ...tabs, new: 2, on_order: 1 },
          new_in_draft: 1,
          total: 3,
          estimated: [],
        })
        expect(ids(await list("status=new&in_draft=true"))).toEqual([beansId])
        expect(ids(await list("status=on_order"))).toEqual([kettleId])
        expect((await refused(list("in_draft=yes"))).data).toEqual({
          type: "invalid_data",
          message:
            "Invalid request: Expected: 'true, false' for field 'in_draft', but got: 'yes'",
        })
      })

      it("refuses a blank search", async () => {
        const res = await refused(api.get("/admin/backorders?q=%20", admin))
        expect(res.status).toBe(400)
        expect(res.data).toEqual({
          type: "invalid_data",
          message:
            "Invalid request: Value for field 'q' too small, expected at least: '1'",
        })
      })
    })

    describe("purchase order numbers", () => {
      it("names a purchase order by the configured prefix and padding wherever it appears", async () => {
        const kettle = await sale("KETTLE-MATTE", 3)
        const backorderId = kettle.backorders[0].id
        const [requested] = (
          await api.post(
            "/admin/purchase-orders/request-stock",
            { backorder_ids: [backorderId] },
            admin
          )
        ).data.purchase_orders
        const backorderModule: BackorderModuleService =
          getContainer().resolve(BACKORDER_MODULE)
        expect(requested.display_id).toBe(1)
        expect(requested.number).toBe("BREW-000001")
        expect(backorderModule.formatPurchaseOrderNumber(1)).toBe("BREW-000001")

        const reference = {
          id: requested.id,
          display_id: 1,
          number: "BREW-000001",
          status: "draft",
          // The supplier's lead time from today.
          expected_at: requested.expected_at,
        }
        const fields = [
          "+purchase_order_lines.quantity",
          "+purchase_order_lines.purchase_order_line.id",
          "+purchase_order_lines.purchase_order_line.purchase_order.id",
          "+purchase_order_lines.purchase_order_line.purchase_order.display_id",
          "+purchase_order_lines.purchase_order_line.purchase_order.status",
          "+purchase_order_lines.purchase_order_line.purchase_order.expected_at",
        ].join(",")
        const referenced = (backorder: {
          purchase_order_lines: {
            purchase_order_line: { purchase_order: unknown }
          }[]
        }) =>
          backorder.purchase_order_lines.map(
            (link) => link.purchase_order_line.purchase_order
          )

        const list = (
          await api.get(
            `/admin/backorders?order_id=${kettle.order.id}&fields=${fields}`,
            admin
          )
        ).data
        expect(list.backorders.map(referenced)).toEqual([[reference]])
        const detail = (
          await api.get(
            `/admin/backorders/${backorderId}?fields=${fields}`,
            admin
          )
        ).data.backorder
        expect(referenced(detail)).toEqual([reference])
        const widget = (
          await api.get(
            `/admin/orders/${kettle.order.id}/backorders?fields=${fields}`,
            admin
          )
        ).data.backorders
        expect(widget.map(referenced)).toEqual([[reference]])

        const listed = (
          await api.get(`/admin/purchase-orders?id=${requested.id}`, admin)
        ).data.purchase_orders
        expect(listed.map((po: { number: string }) => po.number)).toEqual([
          "BREW-000001",
        ])

        const sent = (
          await api.post(
            `/admin/purchase-orders/${requested.id}/send`,
            {},
            admin
          )
        ).data.purchase_order
        expect(sent.number).toBe("BREW-000001")
        await api.post(
          `/admin/purchase-orders/${requested.id}/receive`,
          {
            lines: [{ purchase_order_line_id: sent.lines[0].id, quantity: 6 }],
          },
          admin
        )
        const ledger = (
          await api.get(
            `/admin/backorders/allocations?backorder_id=${backorderId}`,
            admin
          )
        ).data.allocations
        expect(
          ledger.map(
            (row: {
              purchase_order_id: string
              purchase_order_number: string
            }) => [row.purchase_order_id, row.purchase_order_number]
          )
        ).toEqual([[requested.id, "BREW-000001"]])
      })
    })

    describe("health, stock summary and ledger", () => {
      it("reports open backorders, waiting units, deposits, fill rates and incoming stock before and after a receipt", async () => {
        const { kettle, grinder } = await twoSales()
        const kettleBackorder = kettle.backorders[0]
        const deposit = grinder.backorders[0].paid_amount

        const before = (await api.get("/admin/backorders/health", admin)).data
          .health
        expect(before).toEqual(
          expect.objectContaining({
            open_by_status: {
              new: 2,
              on_order: 0,
              partially_available: 0,
              available: 0,
            },
            open_count: 2,
            waiting_quantity: 5,
            late_count: 0,
            without_purchase_order_count: 2,
            deposits_held: [
              {
                currency_code: "eur",
                amount: Number(kettleBackorder.paid_amount) + Number(deposit),
              },
            ],
            fill_rate: 0,
            supplier_fill_rates: [],
          })
        )
        expect(
          before.age_buckets.filter((b: { count: number }) => b.count > 0)
        ).toEqual([{ bucket: "0-7", status: "new", count: 2 }])
        expect(before.age_buckets).toHaveLength(16)

        // A promise date in the past makes a waiting backorder late; a future one does not.
        const backorderModule: BackorderModuleService =
          getContainer().resolve(BACKORDER_MODULE)
        await backorderModule.updateBackorders([
          {
            id: kettleBackorder.id,
            promised_at: new Date(Date.now() - 86400000),
          },
          {
            id: grinder.backorders[0].id,
            promised_at: new Date(Date.now() + 86400000),
          },
        ])
        expect(
          (await api.get("/admin/backorders/health", admin)).data.health
            .late_count
        ).toBe(1)

        const [po] = (
          await api.post(
            "/admin/purchase-orders/request-stock",
            { backorder_ids: [kettleBackorder.id] },
            admin
          )
        ).data.purchase_orders
        const sent = (
          await api.post(
            `/admin/purchase-orders/${po.id}/send`,
            { expected_at: "2026-12-01T00:00:00.000Z" },
            admin
          )
        ).data.purchase_order
        await api.post(
          `/admin/purchase-orders/${po.id}/receive`,
          {
            lines: [{ purchase_order_line_id: sent.lines[0].id, quantity: 4 }],
          },
          admin
        )

        const after = (await api.get("/admin/backorders/health", admin)).data
          .health
        expect(after).toEqual(
          expect.objectContaining({
            open_by_status: {
              new: 1,
              on_order: 0,
              partially_available: 0,
              available: 1,
            },
            open_count: 2,
            waiting_quantity: 2,
            without_purchase_order_count: 1,
            fill_rate: 0.6,
            supplier_fill_rates: [
              {
                supplier_id: store.supplierIdsByCode.BWW,
                supplier_name: "Brewware Wholesale",
                ordered_quantity: 6,
                received_quantity: 4,
                fill_rate: 0.6667,
              },
            ],
          })
        )

        const summary = (
          await api.get(
            `/admin/backorders/stock-summary?variant_id=${store.variantIdsBySku["KETTLE-MATTE"]}`,
            admin
          )
        ).data
        expect(summary.locations).toEqual([
          {
            inventory_item_id: kettleBackorder.inventory_item_id,
            location_id: store.shopLocationId,
            location_name: "Shop",
            open_backorders: 1,
            waiting_quantity: 0,
            allocated_quantity: 3,
            incoming_quantity: 2,
            next_expected_at: "2026-12-01T00:00:00.000Z",
          },
        ])
        expect(summary.suppliers).toEqual([
          expect.objectContaining({
            supplier_id: store.supplierIdsByCode.BWW,
            supplier_name: "Brewware Wholesale",
            minimum_order_quantity: 6,
            case_pack: 6,
            is_preferred: true,
          }),
        ])

        const byItem = (
          await api.get(
            `/admin/backorders/stock-summary?inventory_item_id=${kettleBackorder.inventory_item_id}`,
            admin
          )
        ).data
        expect(byItem.locations).toEqual(summary.locations)
        expect(byItem.suppliers).toEqual([])

        const ledger = (
          await api.get(
            `/admin/backorders/allocations?purchase_order_id=${po.id}`,
            admin
          )
        ).data
        expect(ledger.count).toBe(1)
        expect(ledger.allocations[0]).toEqual(
          expect.objectContaining({
            quantity: 3,
            source: "receipt",
            rule: "linked_purchase_order",
            purchase_order_id: po.id,
            backorder: expect.objectContaining({
              id: kettleBackorder.id,
              order_id: kettle.order.id,
              sku: "KETTLE-MATTE",
              status: "available",
              // The ledger names the order and the customer.
              order: expect.objectContaining({
                id: kettle.order.id,
                display_id: kettle.order.display_id,
              }),
              customer: expect.objectContaining({
                id: store.customerId,
                email: "jane@example.com",
                first_name: "Jane",
                last_name: "Doe",
              }),
            }),
          })
        )

        // Completing moves the 2 not received to a follow-up: they count there, not twice.
        const fillRates = async () =>
          (await api.get("/admin/backorders/health", admin)).data.health
            .supplier_fill_rates
        const brewware = {
          supplier_id: store.supplierIdsByCode.BWW,
          supplier_name: "Brewware Wholesale",
        }
        const { follow_up } = (
          await api.post(
            `/admin/purchase-orders/${po.id}/complete`,
            {
              lines: [
                {
                  purchase_order_line_id: sent.lines[0].id,
                  action: "backorder",
                },
              ],
            },
            admin
          )
        ).data
        expect(follow_up.lines[0].quantity).toBe(2)
        expect(await fillRates()).toEqual([
          {
            ...brewware,
            ordered_quantity: 4,
            received_quantity: 4,
            fill_rate: 1,
          },
        ])

        // The follow-up closed with nothing received: its 2 count against the supplier.
        await api.post(
          `/admin/purchase-orders/${follow_up.id}/complete`,
          {
            lines: [
              {
                purchase_order_line_id: follow_up.lines[0].id,
                action: "cancel",
              },
            ],
          },
          admin
        )
        expect(await fillRates()).toEqual([
          {
            ...brewware,
            ordered_quantity: 6,
            received_quantity: 4,
            fill_rate: 0.6667,
          },
        ])

        // Fill rates are over the purchase orders sent in the last 90 days, like the
        // backorders' own: the follow-up sent 91 days ago no longer counts, so the first
        // order's 4 of 4 is the whole rate; with both that old there is none.
        const pg = getContainer().resolve(
          ContainerRegistrationKeys.PG_CONNECTION
        )
        const sentDaysAgo = (id: string, days: number) =>
          pg.raw(
            `UPDATE purchase_order SET ordered_at = now() - make_interval(days => ?) WHERE id = ?`,
            [days, id]
          )
        await sentDaysAgo(follow_up.id, 91)
        await sentDaysAgo(po.id, 89)
        expect(await fillRates()).toEqual([
          {
            ...brewware,
            ordered_quantity: 4,
            received_quantity: 4,
            fill_rate: 1,
          },
        ])
        await sentDaysAgo(po.id, 91)
        expect(await fillRates()).toEqual([])
      })

      it("refuses a stock summary without exactly one of variant_id / inventory_item_id, and unknown ids", async () => {
        expect(
          await refused(api.get("/admin/backorders/stock-summary", admin))
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message:
              "Invalid request: Give either variant_id or inventory_item_id",
          },
        })
        expect(
          await refused(
            api.get(
              "/admin/backorders/stock-summary?variant_id=variant_missing",
              admin
            )
          )
        ).toEqual({
          status: 404,
          data: {
            type: "not_found",
            message: "Product variant with id: variant_missing was not found",
          },
        })
        expect(
          await refused(
            api.get(
              "/admin/backorders/stock-summary?inventory_item_id=iitem_missing",
              admin
            )
          )
        ).toEqual({
          status: 404,
          data: {
            type: "not_found",
            message: "Inventory item with id: iitem_missing was not found",
          },
        })
      })

      it("needs an admin", async () => {
        for (const path of [
          "/admin/backorders/health",
          "/admin/backorders/allocations",
          `/admin/backorders/stock-summary?variant_id=${store.variantIdsBySku["KETTLE-MATTE"]}`,
        ]) {
          expect((await refused(api.get(path))).status).toBe(401)
        }
      })
    })
  },
})
