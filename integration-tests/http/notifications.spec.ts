import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import {
  buyAndReceive,
  orderPurchaseOrder,
  receiveFirstLine,
  refused,
} from "../helpers/api"
import { createAdminUser, RequestHeaders } from "../helpers/auth"
import { eventually } from "../helpers/storefront"
import { BACKORDER_MODULE } from "../../src/modules/backorder"
import BackorderModuleService from "../../src/modules/backorder/service"
import { notifyBackorderCustomersWorkflow } from "../../src/workflows/notifications/workflows/notify-backorder-customers"
import { markLateBackordersWorkflow } from "../../src/workflows/notifications/workflows/mark-late-backorders"
import { catchUpBackorders } from "../../src/workflows/backorders/utils/catch-up"
import { exportBackordersWorkflow } from "../../src/workflows/backorders/workflows/export-backorders"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders
    let store: DemoStore

    beforeEach(async () => {
      const container = getContainer()
      store = await seedDemoStore(container)
      admin = await createAdminUser(container)
    })

    const service = (): BackorderModuleService =>
      getContainer().resolve(BACKORDER_MODULE)
    const notifications = () => getContainer().resolve(Modules.NOTIFICATION)

    /** What was sent about a resource: channel, recipient, template, kind. */
    const sentAbout = async (resourceId: string) =>
      (
        await notifications().listNotifications(
          { resource_id: resourceId },
          { order: { created_at: "ASC" } }
        )
      ).map((n) => [
        n.channel,
        n.to,
        n.template,
        (n.data as Record<string, unknown>)?.kind ?? null,
      ])

    const waitForSent = (resourceId: string, count: number) =>
      eventually(
        () => sentAbout(resourceId),
        (sent) => sent.length >= count
      )

    const sellKettles = async (quantity: number, policy = "pay_now") =>
      (
        await api.post(
          "/admin/to-order-sales",
          {
            customer_id: store.customerId,
            location_id: store.shopLocationId,
            lines: [
              { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity },
            ],
            payment_policy: policy,
          },
          admin
        )
      ).data

    describe("customers hear about each transition once", () => {
      it("confirmed, promise date moved, ready, fulfilled: one notification each, with the transition's data", async () => {
        const sold = await sellKettles(2)
        const backorder = sold.backorders[0]
        expect(await waitForSent(backorder.id, 1)).toEqual([
          ["email", "jane@example.com", "backorder-confirmed", "confirmed"],
        ])

        const [po] = (
          await api.post(
            "/admin/purchase-orders/request-stock",
            { backorder_ids: [backorder.id] },
            admin
          )
        ).data.purchase_orders
        await api.post(
          `/admin/purchase-orders/${po.id}/send`,
          { expected_at: "2026-12-20T00:00:00.000Z" },
          admin
        )
        await api.post(
          `/admin/purchase-orders/${po.id}`,
          { expected_at: "2026-12-28T00:00:00.000Z" },
          admin
        )
        const moved = await waitForSent(backorder.id, 2)
        expect(moved[1]).toEqual([
          "email",
          "jane@example.com",
          "backorder-eta-changed",
          "eta_changed",
        ])
        const [etaNotice] = await notifications().listNotifications({
          resource_id: backorder.id,
          template: "backorder-eta-changed",
        })
        expect(etaNotice.data).toEqual(
          expect.objectContaining({
            order_id: sold.order.id,
            quantity: 2,
            previous_promised_at: "2026-12-20T00:00:00.000Z",
            promised_at: "2026-12-28T00:00:00.000Z",
          })
        )

        await receiveFirstLine(api, admin, po)
        const ready = await waitForSent(backorder.id, 3)
        expect(ready[2]).toEqual([
          "email",
          "jane@example.com",
          "backorder-ready",
          "ready",
        ])
        const [readyNotice] = await notifications().listNotifications({
          resource_id: backorder.id,
          template: "backorder-ready",
        })
        // Sold at the shop: collected there.
        expect(readyNotice.data).toEqual(
          expect.objectContaining({ ready_for: "pickup", quantity: 2 })
        )

        await api.post(
          `/admin/orders/${sold.order.id}/backorders/fulfil`,
          {},
          admin
        )
        expect(await waitForSent(backorder.id, 4)).toEqual([
          ["email", "jane@example.com", "backorder-confirmed", "confirmed"],
          ["email", "jane@example.com", "backorder-eta-changed", "eta_changed"],
          ["email", "jane@example.com", "backorder-ready", "ready"],
          ["email", "jane@example.com", "backorder-fulfilled", "fulfilled"],
        ])

        // A replayed event, or the same event on a second worker at once, sends nothing new.
        await Promise.all(
          [1, 2].map(() =>
            notifyBackorderCustomersWorkflow(getContainer()).run({
              input: { kind: "ready", backorders: [{ id: backorder.id }] },
              throwOnError: false,
            })
          )
        )
        await notifyBackorderCustomersWorkflow(getContainer()).run({
          input: { kind: "fulfilled", backorders: [{ id: backorder.id }] },
        })
        expect(await sentAbout(backorder.id)).toHaveLength(4)
      })

      it("cancelling the units still waiting of a part-arrived backorder makes it ready: available_at set, the ready notice sent once", async () => {
        const sold = await sellKettles(2)
        const backorder = sold.backorders[0]
        await waitForSent(backorder.id, 1)
        const po = await orderPurchaseOrder(api, admin, [backorder.id])
        await api.post(
          `/admin/purchase-orders/${po.id}/receive`,
          { lines: [{ purchase_order_line_id: po.lines[0].id, quantity: 1 }] },
          admin
        )
        const [partly] = await service().listBackorders({ id: backorder.id })
        expect([partly.status, partly.available_at]).toEqual([
          "partially_available",
          null,
        ])

        await api.post(
          `/admin/backorders/${backorder.id}/cancel`,
          { quantity: 1, reason: "Supplier cannot deliver the rest" },
          admin
        )
        const [ready] = await service().listBackorders({ id: backorder.id })
        expect([
          ready.status,
          Number(ready.allocated_quantity),
          Number(ready.cancelled_quantity),
          ready.available_at instanceof Date,
        ]).toEqual(["available", 1, 1, true])
        const sent = (await waitForSent(backorder.id, 3)).sort((a, b) =>
          String(a[2]).localeCompare(String(b[2]))
        )
        expect(sent).toEqual([
          ["email", "jane@example.com", "backorder-cancelled", "cancelled"],
          ["email", "jane@example.com", "backorder-confirmed", "confirmed"],
          ["email", "jane@example.com", "backorder-ready", "ready"],
        ])
        const [readyNotice] = await notifications().listNotifications({
          resource_id: backorder.id,
          template: "backorder-ready",
        })
        expect(readyNotice.data).toEqual(
          expect.objectContaining({ quantity: 1, ready_for: "pickup" })
        )
      })

      it("a cancellation tells the customer how much was refunded", async () => {
        const sold = await sellKettles(2)
        const backorder = sold.backorders[0]
        await waitForSent(backorder.id, 1)
        await api.post(
          `/admin/backorders/${backorder.id}/cancel`,
          { quantity: 1, reason: "Customer changed their mind" },
          admin
        )
        const sent = await waitForSent(backorder.id, 2)
        expect(sent[1]).toEqual([
          "email",
          "jane@example.com",
          "backorder-cancelled",
          "cancelled",
        ])
        const [notice] = await notifications().listNotifications({
          resource_id: backorder.id,
          template: "backorder-cancelled",
        })
        expect(notice.data).toEqual(
          expect.objectContaining({
            cancelled_quantity: 1,
            refund_amount: 79,
            currency_code: "eur",
          })
        )
      })
    })

    describe("notices whose events were lost", () => {
      it("the catch-up sends a confirmation and a ready notice that were never sent, once, and leaves recent ones to the subscriber", async () => {
        const container = getContainer()
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const none = { confirmed: [], ready: [] }
        const sold = await sellKettles(2)
        const backorder = sold.backorders[0]
        await waitForSent(backorder.id, 1)
        // As if `backorder.created` never reached a worker: no confirmation.
        await pg.raw(`DELETE FROM notification WHERE resource_id = ?`, [
          backorder.id,
        ])

        // Younger than the grace period (5 minutes by default): left to the subscriber.
        const early = await catchUpBackorders(container, {})
        expect(early.notified_backorder_ids).toEqual(none)
        expect(await sentAbout(backorder.id)).toEqual([])

        const caught = await catchUpBackorders(container, {
          notificationGraceSeconds: 0,
        })
        expect(caught.notified_backorder_ids).toEqual({
          confirmed: [backorder.id],
          ready: [],
        })
        expect(await sentAbout(backorder.id)).toEqual([
          ["email", "jane@example.com", "backorder-confirmed", "confirmed"],
        ])
        const again = await catchUpBackorders(container, {
          notificationGraceSeconds: 0,
        })
        expect(again.notified_backorder_ids).toEqual(none)

        // The units arrive; the ready notice goes out and is then lost too.
        await buyAndReceive(api, admin, [backorder.id])
        expect(await waitForSent(backorder.id, 2)).toEqual([
          ["email", "jane@example.com", "backorder-confirmed", "confirmed"],
          ["email", "jane@example.com", "backorder-ready", "ready"],
        ])
        await pg.raw(
          `DELETE FROM notification WHERE resource_id = ? AND template = 'backorder-ready'`,
          [backorder.id]
        )

        // Available now, so no longer a confirmation to catch up: only the ready notice.
        const ready = await catchUpBackorders(container, {
          notificationGraceSeconds: 0,
        })
        expect(ready.notified_backorder_ids).toEqual({
          confirmed: [],
          ready: [backorder.id],
        })
        expect(await sentAbout(backorder.id)).toEqual([
          ["email", "jane@example.com", "backorder-confirmed", "confirmed"],
          ["email", "jane@example.com", "backorder-ready", "ready"],
        ])
        expect(
          (await catchUpBackorders(container, { notificationGraceSeconds: 0 }))
            .notified_backorder_ids
        ).toEqual(none)
      })
    })

    describe("notices whose events were lost: only what is still true, whatever else fails", () => {
      it("no confirmation for a backorder cancelled meanwhile or of a sale still being made, and a failing part of the catch-up does not stop the notices", async () => {
        const container = getContainer()
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const lose = async (id: string) =>
          pg.raw(`DELETE FROM notification WHERE resource_id = ?`, [id])
        const cancelledOne = (await sellKettles(1)).backorders[0]
        const inFlight = await sellKettles(1)
        const beingMade = inFlight.backorders[0]
        const lostOne = (await sellKettles(1)).backorders[0]
        for (const id of [cancelledOne.id, beingMade.id, lostOne.id]) {
          await waitForSent(id, 1)
        }
        await api.post(`/admin/backorders/${cancelledOne.id}/cancel`, {}, admin)
        await waitForSent(cancelledOne.id, 2)
        for (const id of [cancelledOne.id, beingMade.id, lostOne.id]) {
          await lose(id)
        }
        // The second sale as if its process were still making it (its try pending).
        await pg.raw(
          `UPDATE to_order_sale_attempt SET status = 'pending' WHERE order_id = ?`,
          [inFlight.order.id]
        )
        // A part of the catch-up before the notices fails: the search texts' table is gone.
        await pg.raw(
          `ALTER TABLE backorder_search_text RENAME TO backorder_search_text_away`
        )
        let caught
        try {
          caught = await catchUpBackorders(container, {
            notificationGraceSeconds: 0,
          })
        } finally {
          await pg.raw(
            `ALTER TABLE backorder_search_text_away RENAME TO backorder_search_text`
          )
        }
        expect(caught.added_search_texts).toEqual([])
        expect(caught.notified_backorder_ids).toEqual({
          confirmed: [lostOne.id],
          ready: [],
        })
        expect(await sentAbout(lostOne.id)).toEqual([
          ["email", "jane@example.com", "backorder-confirmed", "confirmed"],
        ])
        expect(await sentAbout(cancelledOne.id)).toEqual([])
        expect(await sentAbout(beingMade.id)).toEqual([])

        // Page by page (one backorder a page here), every lost confirmation is found once.
        const more = [
          (await sellKettles(1)).backorders[0].id,
          (await sellKettles(1)).backorders[0].id,
        ]
        for (const id of more) {
          await waitForSent(id, 1)
          await lose(id)
        }
        expect(
          (
            await catchUpBackorders(container, {
              notificationGraceSeconds: 0,
              noticePage: 1,
            })
          ).notified_backorder_ids
        ).toEqual({ confirmed: [...more].sort(), ready: [] })

        // The sale is made after all: its confirmation is caught up then.
        await pg.raw(
          `UPDATE to_order_sale_attempt SET status = 'completed' WHERE order_id = ?`,
          [inFlight.order.id]
        )
        expect(
          (await catchUpBackorders(container, { notificationGraceSeconds: 0 }))
            .notified_backorder_ids
        ).toEqual({ confirmed: [beingMade.id], ready: [] })
      })
    })

    describe("late promises", () => {
      it("marks a passed promise late once, tells staff in the feed and the customer once, however often it runs", async () => {
        const sold = await sellKettles(1)
        const backorder = sold.backorders[0]
        await waitForSent(backorder.id, 1)
        const promised = new Date("2026-11-30T00:00:00.000Z")
        await service().updateBackorders({
          id: backorder.id,
          promised_at: promised,
        })
        const now = new Date("2026-12-02T12:00:00.000Z")

        const first = await markLateBackordersWorkflow(getContainer()).run({
          input: { now },
        })
        expect(first.result.map((b) => b.id)).toEqual([backorder.id])
        const second = await markLateBackordersWorkflow(getContainer()).run({
          input: { now },
        })
        expect(second.result).toEqual([])

        const [marked] = await service().listBackorders({ id: backorder.id })
        expect([marked.late_at, marked.late_promised_at]).toEqual([
          now,
          promised,
        ])
        expect(await waitForSent(backorder.id, 3)).toEqual([
          ["email", "jane@example.com", "backorder-confirmed", "confirmed"],
          ["feed", "", "admin-ui", null],
          ["email", "jane@example.com", "backorder-late", "late"],
        ])

        // A cancelled backorder whose promise date passed too is not late.
        const cancelled = (await sellKettles(1)).backorders[0]
        await api.post(`/admin/backorders/${cancelled.id}/cancel`, {}, admin)
        await service().updateBackorders({
          id: cancelled.id,
          promised_at: promised,
        })

        // Late filter of the list, the counts agree.
        const late = await api.get("/admin/backorders?late=true", admin)
        expect(late.data.backorders.map((b) => b.id)).toEqual([backorder.id])
        expect(late.data.count).toBe(1)
        const counts = await api.get(
          "/admin/backorders/counts?late=true",
          admin
        )
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
      })
    })

    describe("late promises, more than one run's worth", () => {
      it("marks the next late backorders when the first ones of the queue are marked already", async () => {
        const ids: string[] = []
        for (let sale = 0; sale < 3; sale++) {
          ids.push((await sellKettles(1)).backorders[0].id)
        }
        const days = ["2026-11-28", "2026-11-29", "2026-11-30"]
        for (const [index, id] of ids.entries()) {
          await service().updateBackorders({
            id,
            promised_at: new Date(`${days[index]}T00:00:00.000Z`),
          })
        }
        const now = new Date("2026-12-02T12:00:00.000Z")

        // One per run: each run marks the oldest promise not marked yet.
        const runs: string[][] = []
        for (let run = 0; run < 4; run++) {
          const { result } = await markLateBackordersWorkflow(
            getContainer()
          ).run({ input: { now, limit: 1 } })
          runs.push(result.map((b) => b.id))
        }
        expect(runs).toEqual([[ids[0]], [ids[1]], [ids[2]], []])
        const marked = await service().listBackorders(
          { id: ids },
          { order: { promised_at: "ASC" } }
        )
        expect(marked.map((b) => [b.id, b.late_at])).toEqual(
          ids.map((id) => [id, now])
        )
      })
    })

    describe("purchase order documents for suppliers", () => {
      const draftFor = async (backorderId: string) =>
        (
          await api.post(
            "/admin/purchase-orders/request-stock",
            { backorder_ids: [backorderId] },
            admin
          )
        ).data.purchase_orders[0]

      it("renders a PDF through the File module and emails it to the supplier, recording the sending", async () => {
        const sold = await sellKettles(2)
        const po = await draftFor(sold.backorders[0].id)

        const document = await api.post(
          `/admin/purchase-orders/${po.id}/document`,
          {},
          admin
        )
        expect(document.data.file).toEqual({
          id: expect.any(String),
          url: expect.stringContaining(".pdf"),
          filename: "purchase-order-PO-0001.pdf",
          mime_type: "application/pdf",
        })
        const pdf = await getContainer()
          .resolve(Modules.FILE)
          .getAsBuffer(document.data.file.id)
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")

        const sent = await api.post(
          `/admin/purchase-orders/${po.id}/send-to-supplier`,
          { note: "Please confirm the delivery date" },
          admin
        )
        expect(sent.data.purchase_order_dispatch).toEqual(
          expect.objectContaining({
            sent_to: "purchasing@brewware.example",
            note: "Please confirm the delivery date",
            notification_id: expect.any(String),
          })
        )
        expect(sent.data.purchase_order.dispatches).toEqual([
          expect.objectContaining({
            sent_to: "purchasing@brewware.example",
            note: "Please confirm the delivery date",
          }),
        ])
        // Sending the document does not mark it ordered.
        expect(sent.data.purchase_order.status).toBe("draft")
        expect(await sentAbout(po.id)).toEqual([
          ["email", "purchasing@brewware.example", "purchase-order", null],
        ])
        const [notice] = await notifications().listNotifications({
          resource_id: po.id,
        })
        expect(notice.data).toEqual(
          expect.objectContaining({
            number: "PO-0001",
            supplier_name: "Brewware Wholesale",
            note: "Please confirm the delivery date",
          })
        )
      })

      it("refuses a supplier without an email address unless one is given, and changes nothing", async () => {
        const sold = await sellKettles(1)
        const po = await draftFor(sold.backorders[0].id)
        await service().updateSuppliers({ id: po.supplier_id, email: null })

        expect(
          await refused(
            api.post(
              `/admin/purchase-orders/${po.id}/send-to-supplier`,
              {},
              admin
            )
          )
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message: `Purchase order ${po.id}: its supplier has no email address; give one in \`to\``,
          },
        })
        expect(
          await service().listPurchaseOrderDispatches({
            purchase_order_id: po.id,
          })
        ).toEqual([])
        expect(await sentAbout(po.id)).toEqual([])

        const given = await api.post(
          `/admin/purchase-orders/${po.id}/send-to-supplier`,
          { to: "sales@supplier.example" },
          admin
        )
        expect(given.data.purchase_order_dispatch.sent_to).toBe(
          "sales@supplier.example"
        )
      })
    })

    describe("CSV export and the shopper's view", () => {
      it("exports the filtered list through the File module, one row per backorder", async () => {
        const first = await sellKettles(2)
        await sellKettles(1)
        const exported = await api.post(
          `/admin/backorders/export?order_id=${first.order.id}`,
          {},
          admin
        )
        expect(exported.data.count).toBe(1)
        const csv = (
          await getContainer()
            .resolve(Modules.FILE)
            .getAsBuffer(exported.data.file.id)
        ).toString("utf8")
        const [header, row, end] = csv.split("\r\n")
        expect(header).toBe(
          "Backorder,Status,Source,Order,Customer,Email,SKU,Item,Quantity,Allocated,Fulfilled,Cancelled,Waiting,Supplier,Location,Payment policy,Paid,Currency,Promised,Created"
        )
        expect(row.split(",").slice(0, 18)).toEqual([
          first.backorders[0].id,
          "new",
          "pos",
          `#${first.order.display_id}`,
          "Jane Doe",
          "jane@example.com",
          "KETTLE-MATTE",
          first.backorders[0].title,
          "2",
          "0",
          "0",
          "0",
          "2",
          "Brewware Wholesale",
          store.shopLocationId,
          "pay_now",
          "158",
          "EUR",
        ])
        expect(end).toBe("")
      })

      it("exports every backorder exactly once across pages, whatever ties the order leaves", async () => {
        // More than one page of the export (1,000 rows), all recorded in one transaction (the
        // same created_at), half of them new and half on order: neither the creation date nor
        // the status tells the rows at a page boundary apart.
        const count = 1005
        const created = await service().createBackorders(
          Array.from({ length: count }, (_, i) => ({
            source: "pos" as const,
            order_id: "order_export_ties",
            line_item_id: `ordli_export_ties_${i}`,
            variant_id: store.variantIdsBySku["KETTLE-MATTE"],
            inventory_item_id: "iitem_export_ties",
            location_id: "sloc_export_ties",
            quantity: 1,
            status: i % 2 ? ("on_order" as const) : ("new" as const),
          }))
        )
        const ids = [...created.map((b) => b.id)].sort()
        const knex = getContainer().resolve(
          ContainerRegistrationKeys.PG_CONNECTION
        )
        await knex.raw(
          `UPDATE backorder SET created_at = '2024-03-01T10:00:00Z' WHERE location_id = 'sloc_export_ties'`
        )
        // With the table's statistics, as in a running shop, PostgreSQL sorts the rows of each
        // page itself (rather than walking an index), and a sort may order ties differently
        // from one page to the next.
        await knex.raw("ANALYZE backorder")

        /** The backorder ids of an export's file, in its order, and the count it answered. */
        const readExport = async (file: { id: string; count: number }) => {
          const csv = (
            await getContainer().resolve(Modules.FILE).getAsBuffer(file.id)
          ).toString("utf8")
          const rows = csv.split("\r\n").slice(1, -1)
          return {
            count: file.count,
            ids: rows.map((row) => row.split(",")[0]),
          }
        }
        const expectEveryIdOnce = (exported: {
          count: number
          ids: string[]
        }) => {
          expect(exported.count).toBe(count)
          expect(exported.ids).toHaveLength(count)
          expect(new Set(exported.ids).size).toBe(count)
          expect([...exported.ids].sort()).toEqual(ids)
        }

        for (const order of [undefined, "status", "-status", "created_at"]) {
          const { data } = await api.post(
            `/admin/backorders/export?location_id=sloc_export_ties${order ? `&order=${order}` : ""}`,
            {},
            admin
          )
          const exported = await readExport({
            id: data.file.id,
            count: data.count,
          })
          expectEveryIdOnce(exported)
          if (order === "status") {
            // The list's order: new before on order, ties by id, newest id first.
            const statusOf = new Map(created.map((b) => [b.id, b.status]))
            expect(exported.ids).toEqual([
              ...ids.filter((id) => statusOf.get(id) === "new").reverse(),
              ...ids.filter((id) => statusOf.get(id) === "on_order").reverse(),
            ])
          }
        }
        // Small pages: many page boundaries inside runs of ties.
        for (const order of [
          { status: "ASC" },
          { status: "DESC" },
          { created_at: "DESC" },
        ]) {
          for (const page_size of [7, 100]) {
            const { result } = await exportBackordersWorkflow(
              getContainer()
            ).run({
              input: {
                filters: { location_id: "sloc_export_ties" },
                order,
                page_size,
              },
            })
            expectEveryIdOnce(await readExport(result))
          }
        }
        const { errors } = await exportBackordersWorkflow(getContainer()).run({
          input: { filters: {}, page_size: 0 },
          throwOnError: false,
        })
        expect(errors.map((e) => e.error.message)).toEqual([
          "The export's page size must be a whole number of at least 1, got 0",
        ])
      })

      it("shows an order's backorders with their promise dates to whoever may read the order", async () => {
        const sold = await sellKettles(2)
        const pk = { "x-publishable-api-key": store.publishableKey }
        const { data } = await api.get(
          `/store/orders/${sold.order.id}/backorders`,
          { headers: pk }
        )
        expect(data.backorders).toEqual([
          expect.objectContaining({
            id: sold.backorders[0].id,
            status: "new",
            quantity: 2,
            promised_at: null,
          }),
        ])
        expect(data.backorders[0]).not.toHaveProperty("supplier_id")
        expect(
          await refused(
            api.get(`/store/orders/order_missing/backorders`, { headers: pk })
          )
        ).toEqual({
          status: 404,
          data: {
            type: "not_found",
            message: "Order with id: order_missing was not found",
          },
        })
      })
    })
  },
})
