import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { RequestHeaders, seedDemoStoreWithAdmin } from "../helpers/auth"
import { moneyOf } from "../helpers/money"

jest.setTimeout(180000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders
    let store: DemoStore

    beforeEach(async () => {
      ;({ store, admin } = await seedDemoStoreWithAdmin(getContainer()))
    })

    const sale = async (sku: string, quantity: number) => {
      const res = await api.post(
        "/admin/to-order-sales",
        {
          customer_id: store.customerId,
          location_id: store.shopLocationId,
          lines: [{ variant_id: store.variantIdsBySku[sku], quantity }],
          payment_policy: "pay_on_receipt",
        },
        admin
      )
      const backorder = res.data.backorders[0]
      const { data } = await api.get(
        `/admin/orders/${backorder.order_id}?fields=display_id`,
        admin
      )
      return { ...backorder, order_display_id: data.order.display_id }
    }
    const requestStock = (body: Record<string, unknown>) =>
      api.post("/admin/purchase-orders/request-stock", body, admin)
    const purchaseOrderCount = async () =>
      (await api.get("/admin/purchase-orders", admin)).data.count
    const expectedAt = "2026-12-15T09:00:00.000Z"

    describe("preview: what a stock request would create, before it is confirmed", () => {
      it("answers per purchase order the supplier, destination, quantities with the rounding reason and the cost, and changes nothing", async () => {
        const kettle = await sale("KETTLE-MATTE", 2)
        const grinder = await sale("GRINDER-BLACK", 3)
        expect(grinder.quantity).toBe(2)

        const body = {
          backorder_ids: [kettle.id, grinder.id],
          expected_at: expectedAt,
        }
        const { data } = await requestStock({ ...body, preview: true })
        const byName = [...data.preview.purchase_orders].sort((a, b) =>
          a.supplier.name.localeCompare(b.supplier.name)
        )
        expect(byName).toEqual([
          {
            purchase_order_id: null,
            number: null,
            supplier: {
              id: store.supplierIdsByCode["BWW"],
              name: "Brewware Wholesale",
              currency_code: "eur",
            },
            location: { id: store.shopLocationId, name: "Shop" },
            is_dropship: false,
            expected_at: expectedAt,
            lead_time: null,
            currency_code: "eur",
            lines: [
              {
                purchase_order_line_id: null,
                variant_id: store.variantIdsBySku["KETTLE-MATTE"],
                sku: "KETTLE-MATTE",
                title: "Gooseneck Kettle Matte Black",
                supplier_sku: "BW-KTL-MB",
                current_quantity: null,
                requested_quantity: 2,
                quantity: 6,
                rounding: {
                  requested_quantity: 2,
                  quantity: 6,
                  minimum_order_quantity: 6,
                  case_pack: 6,
                  reason: "rounded from 2 to 6 (minimum order 6)",
                },
                backorder_ids: [kettle.id],
                unit_cost: 38,
                total: 228,
              },
            ],
            total: 228,
          },
          {
            purchase_order_id: null,
            number: null,
            supplier: {
              id: store.supplierIdsByCode["NCS"],
              name: "Nordic Coffee Supply",
              currency_code: "eur",
            },
            location: { id: store.shopLocationId, name: "Shop" },
            is_dropship: false,
            expected_at: expectedAt,
            lead_time: null,
            currency_code: "eur",
            lines: [
              {
                purchase_order_line_id: null,
                variant_id: store.variantIdsBySku["GRINDER-BLACK"],
                sku: "GRINDER-BLACK",
                title: "Burr Grinder Black",
                supplier_sku: "NCS-GR-B",
                current_quantity: null,
                requested_quantity: 2,
                quantity: 2,
                rounding: null,
                backorder_ids: [grinder.id],
                unit_cost: 140,
                total: 280,
              },
            ],
            total: 280,
          },
        ])
        expect(await purchaseOrderCount()).toBe(0)

        // Confirming creates exactly what was previewed.
        const created = await requestStock(body)
        const lines = created.data.purchase_orders
          .flatMap((po) => po.lines)
          .map((l) => [l.sku, l.quantity, l.unit_cost])
          .sort()
        expect(lines).toEqual([
          ["GRINDER-BLACK", 2, 140],
          ["KETTLE-MATTE", 6, 38],
        ])
      })

      it("previews adding to an open draft: its number, the line's current and new quantity", async () => {
        const first = await sale("KETTLE-MATTE", 2)
        const second = await sale("KETTLE-MATTE", 5)
        const {
          data: {
            purchase_orders: [draft],
          },
        } = await requestStock({ backorder_ids: [first.id] })

        const { data } = await requestStock({
          backorder_ids: [second.id],
          purchase_order_id: draft.id,
          preview: true,
        })
        expect(data.preview.purchase_orders).toHaveLength(1)
        expect(data.preview.purchase_orders[0]).toEqual(
          expect.objectContaining({
            purchase_order_id: draft.id,
            number: draft.number,
            total: 456,
          })
        )
        expect(data.preview.purchase_orders[0].lines).toEqual([
          expect.objectContaining({
            purchase_order_line_id: draft.lines[0].id,
            current_quantity: 6,
            requested_quantity: 7,
            quantity: 12,
            rounding: expect.objectContaining({
              reason: "rounded from 7 to 12 (case pack 6)",
            }),
            unit_cost: 38,
            total: 456,
          }),
        ])
        const { data: after } = await api.get(
          `/admin/purchase-orders/${draft.id}`,
          admin
        )
        expect(after.purchase_order.lines.map((l) => l.quantity)).toEqual([6])
      })
    })

    describe("expected date: the lead time of the variant's terms, else the supplier's", () => {
      const DAY = 24 * 3600 * 1000
      // The date the server counts from lies between the two clocks read around the request.
      const expectDaysAfter = (
        expectedAt: string,
        days: number,
        before: number,
        after: number
      ) => {
        const at = Date.parse(expectedAt)
        expect(at).toBeGreaterThanOrEqual(before + days * DAY)
        expect(at).toBeLessThanOrEqual(after + days * DAY)
        const day = new Date(before + days * DAY).toISOString().slice(0, 10)
        if (day === new Date(after + days * DAY).toISOString().slice(0, 10)) {
          expect(expectedAt.slice(0, 10)).toBe(day)
        }
      }

      it("counts the grinder's 5-day term, not the supplier's default 7 days, and says so in the preview", async () => {
        const grinder = await sale("GRINDER-BLACK", 3)
        const before = Date.now()
        const { data } = await requestStock({
          backorder_ids: [grinder.id],
          preview: true,
        })
        const created = await requestStock({ backorder_ids: [grinder.id] })
        const after = Date.now()

        const [previewed] = data.preview.purchase_orders
        expect(previewed.supplier.name).toBe("Nordic Coffee Supply")
        expect(previewed.lead_time).toEqual({
          days: 5,
          source: "variant_terms",
          variant_id: store.variantIdsBySku["GRINDER-BLACK"],
          sku: "GRINDER-BLACK",
        })
        expectDaysAfter(previewed.expected_at, 5, before, after)

        const [po] = created.data.purchase_orders
        expectDaysAfter(po.expected_at, 5, before, after)
        const { data: detail } = await api.get(
          `/admin/purchase-orders/${po.id}`,
          admin
        )
        expect(detail.purchase_order.expected_at).toBe(po.expected_at)
      })

      it("takes the longest line: a line without terms counts the supplier's default", async () => {
        const grinder = await sale("GRINDER-BLACK", 3)
        // Nordic Coffee Supply has no terms for the kettle: its line counts the supplier's 7 days.
        const kettle = await sale("KETTLE-MATTE", 1)
        const body = {
          backorder_ids: [grinder.id, kettle.id],
          supplier_id: store.supplierIdsByCode["NCS"],
        }
        const before = Date.now()
        const { data } = await requestStock({ ...body, preview: true })
        const after = Date.now()
        expect(data.preview.purchase_orders).toHaveLength(1)
        const [previewed] = data.preview.purchase_orders
        expect(previewed.lead_time).toEqual({
          days: 7,
          source: "supplier_default",
          variant_id: null,
          sku: null,
        })
        expectDaysAfter(previewed.expected_at, 7, before, after)
      })
    })

    describe("skip_unavailable: a bulk request with mixed selections", () => {
      it("orders what can be ordered and says per backorder, in names and numbers, what was left out", async () => {
        const onDraft = await sale("KETTLE-MATTE", 2)
        const fresh = await sale("KETTLE-MATTE", 3)
        const {
          data: {
            purchase_orders: [draft],
          },
        } = await requestStock({ backorder_ids: [onDraft.id] })

        // Without the flag the whole request is refused, as before.
        const refusedWhole = await requestStock({
          backorder_ids: [onDraft.id, fresh.id],
        }).catch((e) => e.response)
        expect(refusedWhole.status).toBe(400)
        expect(await purchaseOrderCount()).toBe(1)

        const skippedOnDraft = {
          backorder_id: onDraft.id,
          sku: "KETTLE-MATTE",
          title: "Gooseneck Kettle",
          customer: "Jane Doe",
          order_display_id: onDraft.order_display_id,
          waiting_quantity: 2,
          reason: "on_purchase_order",
          status: "new",
          purchase_order_id: draft.id,
          purchase_order_number: draft.number,
          transfer_id: null,
          transfer_number: null,
          message: `KETTLE-MATTE × 2 for Jane Doe (order #${onDraft.order_display_id}) is already on ${draft.number}`,
        }
        const previewed = await requestStock({
          backorder_ids: [onDraft.id, fresh.id, "bo_missing"],
          skip_unavailable: true,
          preview: true,
        })
        expect(previewed.data.skipped).toEqual([
          skippedOnDraft,
          {
            backorder_id: "bo_missing",
            sku: null,
            title: null,
            customer: null,
            order_display_id: null,
            waiting_quantity: 0,
            reason: "not_found",
            status: null,
            purchase_order_id: null,
            purchase_order_number: null,
            transfer_id: null,
            transfer_number: null,
            message: "Backorder bo_missing was not found",
          },
        ])
        expect(
          previewed.data.preview.purchase_orders.map((po) =>
            po.lines.map((l) => [l.sku, l.requested_quantity, l.quantity])
          )
        ).toEqual([[["KETTLE-MATTE", 3, 6]]])
        expect(await purchaseOrderCount()).toBe(1)

        const { data } = await requestStock({
          backorder_ids: [onDraft.id, fresh.id],
          skip_unavailable: true,
        })
        expect(data.skipped).toEqual([skippedOnDraft])
        expect(data.purchase_orders).toHaveLength(1)
        expect(data.purchase_orders[0].number).not.toBe(draft.number)
        expect(
          data.purchase_orders[0].lines.map((l) => [
            l.sku,
            l.quantity,
            l.backorders.map((b) => b.backorder_id),
          ])
        ).toEqual([["KETTLE-MATTE", 6, [fresh.id]]])

        // Nothing left to order: an empty answer with the reasons, nothing created.
        const { data: none } = await requestStock({
          backorder_ids: [onDraft.id],
          skip_unavailable: true,
        })
        expect(none).toEqual({ purchase_orders: [], skipped: [skippedOnDraft] })
        expect(await purchaseOrderCount()).toBe(2)
      })
    })

    describe("purchase order money, in the supplier's currency", () => {
      it("answers line totals and the purchase order's total (units not cancelled), in detail and list; unknown without a cost", async () => {
        const kettle = await sale("KETTLE-MATTE", 2)
        const {
          data: {
            purchase_orders: [po],
          },
        } = await requestStock({ backorder_ids: [kettle.id] })
        expect(po.currency_code).toBe("eur")
        expect(po.lines.map((l) => [l.quantity, l.unit_cost, l.total])).toEqual(
          [[6, 38, 228]]
        )
        expect(po.total).toBe(228)

        // Nordic Coffee Supply has no terms (no cost) for the kettle.
        const { data: noCost } = await api.post(
          "/admin/purchase-orders",
          {
            supplier_id: store.supplierIdsByCode["NCS"],
            location_id: store.shopLocationId,
            lines: [
              {
                variant_id: store.variantIdsBySku["KETTLE-MATTE"],
                quantity: 2,
              },
              {
                variant_id: store.variantIdsBySku["GRINDER-BLACK"],
                quantity: 2,
              },
            ],
          },
          admin
        )
        expect(
          noCost.purchase_order.lines
            .map((l) => [l.sku, l.quantity, l.unit_cost, l.total])
            .sort()
        ).toEqual([
          ["GRINDER-BLACK", 2, 140, 280],
          ["KETTLE-MATTE", 2, null, null],
        ])
        expect(noCost.purchase_order.total).toBeNull()

        const { data: list } = await api.get(
          "/admin/purchase-orders?order=created_at",
          admin
        )
        expect(
          list.purchase_orders.map((p) => [p.number, p.currency_code, p.total])
        ).toEqual([
          [po.number, "eur", 228],
          [noCost.purchase_order.number, "eur", null],
        ])
        expect(list.purchase_orders[0].lines).toBeUndefined()

        // Cancelling the purchase order leaves nothing to pay.
        await api.post(`/admin/purchase-orders/${po.id}/cancel`, {}, admin)
        const { data: cancelled } = await api.get(
          `/admin/purchase-orders/${po.id}`,
          admin
        )
        expect(cancelled.purchase_order.lines[0]).toEqual(
          expect.objectContaining({ cancelled_quantity: 6, total: 0 })
        )
        expect(cancelled.purchase_order.total).toBe(0)
      })
    })

    describe("fulfil preview: what will be packed and captured, before it is confirmed", () => {
      it("answers the units per backorder and the amount to capture, changes nothing, and fulfilling captures exactly that", async () => {
        const { data: sold } = await api.post(
          "/admin/to-order-sales",
          {
            customer_id: store.customerId,
            location_id: store.shopLocationId,
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
        const {
          data: {
            purchase_orders: [po],
          },
        } = await requestStock({ backorder_ids: [backorder.id] })
        await api.post(`/admin/purchase-orders/${po.id}/send`, {}, admin)
        await api.post(
          `/admin/purchase-orders/${po.id}/receive`,
          {
            lines: [
              {
                purchase_order_line_id: po.lines[0].id,
                quantity: po.lines[0].quantity,
              },
            ],
          },
          admin
        )
        const before = await moneyOf(api, admin, order.id)
        expect(before).toEqual(
          expect.objectContaining({ total: 996, paid_total: 298.8 })
        )

        const { data } = await api.post(
          `/admin/orders/${order.id}/backorders/fulfil`,
          { preview: true },
          admin
        )
        expect(data).toEqual({
          preview: {
            backorders: [
              {
                id: backorder.id,
                sku: "GRINDER-BLACK",
                title: backorder.title,
                quantity: 3,
              },
            ],
            capture_amount: 697.2,
            currency_code: "eur",
            message: null,
          },
        })
        expect(await moneyOf(api, admin, order.id)).toEqual(before)
        const { data: unchanged } = await api.get(
          `/admin/backorders/${backorder.id}`,
          admin
        )
        expect(unchanged.backorder).toEqual(
          expect.objectContaining({
            status: "available",
            fulfilled_quantity: 0,
          })
        )

        const { data: packed } = await api.post(
          `/admin/orders/${order.id}/backorders/fulfil`,
          {},
          admin
        )
        expect(packed.captured).toBe(697.2)

        // Nothing left: the preview says so.
        const { data: after } = await api.post(
          `/admin/orders/${order.id}/backorders/fulfil`,
          { preview: true },
          admin
        )
        expect(after).toEqual({
          preview: {
            backorders: [],
            capture_amount: 0,
            message: `Order ${order.id} has nothing left to pack: its backorders are fulfilled`,
          },
        })
      })
    })
  },
})
