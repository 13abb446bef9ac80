import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { releaseAllocationWorkflow } from "../../src/workflows/allocation/workflows/release-allocation"
import { cancelPurchaseOrderWorkflow } from "../../src/workflows/purchasing/workflows/cancel-purchase-order"
import { completePurchaseOrderWorkflow } from "../../src/workflows/purchasing/workflows/complete-purchase-order"
import { receivePurchaseOrderWorkflow } from "../../src/workflows/purchasing/workflows/receive-purchase-order"
import { orderPurchaseOrder, refused } from "../helpers/api"
import { checkout, eventually, registerShopper } from "../helpers/storefront"
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

    const sale = async (sku: string, quantity: number, policy = "pay_now") => {
      const res = await api.post(
        "/admin/to-order-sales",
        {
          customer_id: store.customerId,
          location_id: store.shopLocationId,
          lines: [{ variant_id: store.variantIdsBySku[sku], quantity }],
          payment_policy: policy,
        },
        admin
      )
      return res.data.backorders[0]
    }
    const getBackorder = async (id: string) =>
      (await api.get(`/admin/backorders/${id}`, admin)).data.backorder
    const orderedPurchaseOrder = (backorderIds: string[]) =>
      orderPurchaseOrder(api, admin, backorderIds)
    const receive = (
      poId: string,
      lines: unknown[],
      extra: Record<string, unknown> = {}
    ) =>
      api.post(
        `/admin/purchase-orders/${poId}/receive`,
        { lines, ...extra },
        admin
      )
    const kettleAtShop = () =>
      stockOf(getContainer(), "KETTLE-MATTE", store.shopLocationId)

    describe("TechPOS / ERPAG: partial receipts allocate fairly", () => {
      it("receives in two parts: linked backorders first, then the oldest; stock, incoming, statuses and ledger at each step", async () => {
        const older = await sale("KETTLE-MATTE", 2)
        const linked = await sale("KETTLE-MATTE", 3)
        const po = await orderedPurchaseOrder([linked.id])
        const line = po.lines[0]
        expect(line.quantity).toBe(6)
        expect(await kettleAtShop()).toEqual({
          stocked: 0,
          reserved: 5,
          incoming: 6,
          available: -5,
        })

        // First delivery: 4 of 6.
        const first = await receive(po.id, [
          { purchase_order_line_id: line.id, quantity: 4 },
        ])
        expect(first.data.replayed).toBe(false)
        expect(first.data.purchase_order.status).toBe("partially_received")
        expect(first.data.purchase_order.lines[0]).toEqual(
          expect.objectContaining({
            quantity: 6,
            received_quantity: 4,
            stocked_quantity: 4,
          })
        )
        expect(
          first.data.allocations.map((a) => [
            a.backorder_id,
            a.quantity,
            a.rule,
            a.reason,
          ])
        ).toEqual([
          [linked.id, 3, "linked_purchase_order", `linked to ${po.number}`],
          [older.id, 1, "fifo", "oldest order"],
        ])
        expect(await kettleAtShop()).toEqual({
          stocked: 4,
          reserved: 5,
          incoming: 2,
          available: -1,
        })
        expect(await getBackorder(linked.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 3,
          })
        )
        expect(await getBackorder(older.id)).toEqual(
          expect.objectContaining({
            status: "partially_available",
            allocated_quantity: 1,
          })
        )

        // Receiving more than is open is refused and changes nothing.
        expect(
          await refused(
            receive(po.id, [{ purchase_order_line_id: line.id, quantity: 3 }])
          )
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message: `Purchase order ${po.number} line ${line.id}: receiving 3 exceeds the 2 still open`,
          },
        })
        expect(await kettleAtShop()).toEqual({
          stocked: 4,
          reserved: 5,
          incoming: 2,
          available: -1,
        })

        // Second delivery, retried with the same idempotency key: counted once.
        const second = await receive(
          po.id,
          [{ purchase_order_line_id: line.id, quantity: 2 }],
          {
            idempotency_key: "delivery-2",
            note: "Second box, one kettle dented",
          }
        )
        expect(second.data.purchase_order.status).toBe("received")
        expect(
          second.data.allocations.map((a) => [
            a.backorder_id,
            a.quantity,
            a.rule,
          ])
        ).toEqual([[older.id, 1, "fifo"]])
        const retried = await api.post(
          `/admin/purchase-orders/${po.id}/receive`,
          {
            lines: [{ purchase_order_line_id: line.id, quantity: 2 }],
            note: "Second box, one kettle dented",
          },
          { headers: { ...admin.headers, "idempotency-key": "delivery-2" } }
        )
        expect(retried.data).toEqual(
          expect.objectContaining({
            replayed: true,
            receipt_id: second.data.receipt_id,
          })
        )
        // 6 arrived, 5 handed out, 1 extra (case pack) free on the shelf.
        expect(await kettleAtShop()).toEqual({
          stocked: 6,
          reserved: 5,
          incoming: 0,
          available: 1,
        })
        expect(await getBackorder(older.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 2,
          })
        )
        const receipts = second.data.purchase_order.receipts.map((r) => [
          r.idempotency_key,
          r.note,
        ])
        expect(receipts).toHaveLength(2)
        expect(receipts).toEqual(
          expect.arrayContaining([
            [null, null],
            ["delivery-2", "Second box, one kettle dented"],
          ])
        )

        // Invariant: allocations from receipts never exceed what was received.
        const ledger = await api.get(
          `/admin/backorders/${older.id}?fields=allocations.quantity`,
          admin
        )
        expect(
          ledger.data.backorder.allocations.map((a) => a.quantity)
        ).toEqual([1, 1])
      })

      it("accepts an explicit over-receipt, raising the line, and keeps the extra in stock", async () => {
        const bo = await sale("KETTLE-MATTE", 2)
        const po = await orderedPurchaseOrder([bo.id])
        const res = await receive(po.id, [
          {
            purchase_order_line_id: po.lines[0].id,
            quantity: 8,
            over_receive: true,
          },
        ])
        expect(res.data.purchase_order.lines[0]).toEqual(
          expect.objectContaining({
            quantity: 8,
            received_quantity: 8,
            over_received_quantity: 2,
          })
        )
        expect(res.data.purchase_order.status).toBe("received")
        expect(await kettleAtShop()).toEqual({
          stocked: 8,
          reserved: 2,
          incoming: 0,
          available: 6,
        })
        expect((await getBackorder(bo.id)).status).toBe("available")
      })

      it("refuses receiving a draft, a cancelled purchase order and an unknown line", async () => {
        const bo = await sale("KETTLE-MATTE", 2)
        const [draft] = (
          await api.post(
            "/admin/purchase-orders/request-stock",
            { backorder_ids: [bo.id] },
            admin
          )
        ).data.purchase_orders
        const line = { purchase_order_line_id: draft.lines[0].id, quantity: 1 }
        expect(await refused(receive(draft.id, [line]))).toEqual({
          status: 400,
          data: {
            type: "not_allowed",
            message: `Purchase order ${draft.number} is draft: only a sent purchase order can be received`,
          },
        })
        await api.post(`/admin/purchase-orders/${draft.id}/cancel`, {}, admin)
        expect(await refused(receive(draft.id, [line]))).toEqual({
          status: 400,
          data: {
            type: "not_allowed",
            message: `Purchase order ${draft.number} is cancelled: only a sent purchase order can be received`,
          },
        })
        const po = await orderedPurchaseOrder([bo.id])
        expect(
          await refused(
            receive(po.id, [
              { purchase_order_line_id: "poline_missing", quantity: 1 },
            ])
          )
        ).toEqual({
          status: 404,
          data: {
            type: "not_found",
            message: `Purchase order ${po.number} has no line poline_missing`,
          },
        })
        expect(
          await refused(
            receive(po.id, [
              { purchase_order_line_id: po.lines[0].id, quantity: -1 },
            ])
          )
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message:
              "Invalid request: Quantity must be a whole number of units of at least 1, got -1",
          },
        })
        expect(await kettleAtShop()).toEqual({
          stocked: 0,
          reserved: 2,
          incoming: 6,
          available: -2,
        })
      })
    })

    describe("POSitive: release / override", () => {
      it("moves allocated units to another customer's backorder with a reason, both in the ledger", async () => {
        const first = await sale("KETTLE-MATTE", 2)
        const vip = await sale("KETTLE-MATTE", 1)
        const po = await orderedPurchaseOrder([first.id])
        await receive(po.id, [
          { purchase_order_line_id: po.lines[0].id, quantity: 2 },
        ])
        expect(await getBackorder(first.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 2,
          })
        )
        expect((await getBackorder(vip.id)).allocated_quantity).toBe(0)

        const released = await api.post(
          `/admin/backorders/${first.id}/release`,
          {
            to_backorder_id: vip.id,
            quantity: 1,
            reason: "Regular customer waiting since June",
          },
          admin
        )
        expect(released.data.from).toEqual(
          expect.objectContaining({
            status: "partially_available",
            allocated_quantity: 1,
          })
        )
        expect(released.data.to).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 1,
          })
        )
        const ledger = async (id: string) =>
          (
            await api.get(
              `/admin/backorders/${id}?fields=allocations.quantity,allocations.source,allocations.reason,allocations.counterpart_backorder_id`,
              admin
            )
          ).data.backorder.allocations
            .map((a) => [
              a.quantity,
              a.source,
              a.reason,
              a.counterpart_backorder_id,
            ])
            .sort((a, b) => a[0] - b[0])
        expect(await ledger(first.id)).toEqual([
          [-1, "override", "Regular customer waiting since June", vip.id],
          [2, "receipt", `linked to ${po.number}`, null],
        ])
        expect(await ledger(vip.id)).toEqual([
          [1, "override", "Regular customer waiting since June", first.id],
        ])

        expect(
          await refused(
            api.post(
              `/admin/backorders/${first.id}/release`,
              { to_backorder_id: vip.id, quantity: 2, reason: "again" },
              admin
            )
          )
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message: `Backorder ${first.id} has 1 allocated units not yet packed: cannot release 2`,
          },
        })
        // Stock is what it was: 2 on the shelf, 3 reserved, 4 still expected.
        expect(await kettleAtShop()).toEqual({
          stocked: 2,
          reserved: 3,
          incoming: 4,
          available: -1,
        })
      })
    })

    describe("freed units", () => {
      it("allocates stock added by hand in Medusa to the waiting backorders", async () => {
        const bo = await sale("KETTLE-MATTE", 2)
        const { data: variant } = await api.get(
          `/admin/products?fields=variants.sku,variants.inventory_items.inventory_item_id&limit=10`,
          admin
        )
        const inventoryItemId = variant.products
          .flatMap((p) => p.variants)
          .find((v) => v.sku === "KETTLE-MATTE")
          .inventory_items[0].inventory_item_id
        await api.post(
          `/admin/inventory-items/${inventoryItemId}/location-levels/${store.shopLocationId}`,
          { stocked_quantity: 3 },
          admin
        )
        const allocated = await eventually(
          () => getBackorder(bo.id),
          (b) => b.allocated_quantity === 2
        )
        expect(allocated).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 2,
          })
        )
        const ledger = (
          await api.get(
            `/admin/backorders/${bo.id}?fields=allocations.quantity,allocations.source,allocations.reason`,
            admin
          )
        ).data.backorder.allocations.map((a) => [
          a.quantity,
          a.source,
          a.reason,
        ])
        expect(ledger).toEqual([[2, "stock", "oldest order"]])
        expect(await kettleAtShop()).toEqual({
          stocked: 3,
          reserved: 2,
          incoming: 0,
          available: 1,
        })
      })

      it("gives the units of a cancelled backorder to the next waiting customer", async () => {
        const first = await sale("KETTLE-MATTE", 2)
        const second = await sale("KETTLE-MATTE", 2)
        const po = await orderedPurchaseOrder([first.id])
        await receive(po.id, [
          { purchase_order_line_id: po.lines[0].id, quantity: 2 },
        ])
        expect((await getBackorder(first.id)).allocated_quantity).toBe(2)

        await api.post(`/admin/backorders/${first.id}/cancel`, {}, admin)
        expect(await getBackorder(first.id)).toEqual(
          expect.objectContaining({
            status: "cancelled",
            allocated_quantity: 0,
            cancelled_quantity: 2,
          })
        )
        expect(await getBackorder(second.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 2,
          })
        )
        const ledger = (
          await api.get(
            `/admin/backorders/${second.id}?fields=allocations.quantity,allocations.source,allocations.reason`,
            admin
          )
        ).data.backorder.allocations.map((a) => [
          a.quantity,
          a.source,
          a.reason,
        ])
        expect(ledger).toEqual([[2, "release", "oldest order"]])
        expect(await kettleAtShop()).toEqual({
          stocked: 2,
          reserved: 2,
          incoming: 4,
          available: 0,
        })
      })
    })

    describe("TechPOS: complete a purchase order into a follow-up", () => {
      it("closes the purchase order, moves the remainder with the same waiting backorders to a follow-up, and receives it there", async () => {
        const older = await sale("KETTLE-MATTE", 2)
        const linked = await sale("KETTLE-MATTE", 3)
        const po = await orderedPurchaseOrder([older.id, linked.id])
        const line = po.lines[0]
        expect(line.quantity).toBe(6)
        await receive(po.id, [{ purchase_order_line_id: line.id, quantity: 2 }])
        // Both are linked: the oldest is served first.
        expect(await getBackorder(older.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 2,
          })
        )

        const completed = await api.post(
          `/admin/purchase-orders/${po.id}/complete`,
          { expected_at: "2027-01-10T00:00:00.000Z" },
          admin
        )
        const { purchase_order: closed, follow_up } = completed.data
        expect(closed).toEqual(expect.objectContaining({ status: "closed" }))
        expect(closed.completed_at).not.toBeNull()
        expect(closed.lines[0]).toEqual(
          expect.objectContaining({
            quantity: 6,
            received_quantity: 2,
            cancelled_quantity: 4,
          })
        )
        expect(follow_up).toEqual(
          expect.objectContaining({
            status: "ordered",
            parent_id: po.id,
            supplier_id: po.supplier_id,
            location_id: store.shopLocationId,
            expected_at: "2027-01-10T00:00:00.000Z",
          })
        )
        expect(
          follow_up.lines.map((l) => [
            l.sku,
            l.quantity,
            l.backorders.map((b) => [b.backorder_id, b.quantity]),
          ])
        ).toEqual([["KETTLE-MATTE", 4, [[linked.id, 3]]]])
        // Incoming carries over: 4 still expected, now on the follow-up.
        expect(await kettleAtShop()).toEqual({
          stocked: 2,
          reserved: 5,
          incoming: 4,
          available: -3,
        })
        expect(await getBackorder(linked.id)).toEqual(
          expect.objectContaining({
            status: "on_order",
            promised_at: "2027-01-10T00:00:00.000Z",
          })
        )

        // Completing twice is refused.
        expect(
          await refused(
            api.post(`/admin/purchase-orders/${po.id}/complete`, {}, admin)
          )
        ).toEqual({
          status: 400,
          data: {
            type: "not_allowed",
            message: `Purchase order ${po.number} is closed and cannot be completed`,
          },
        })

        // The follow-up receives the remainder, for the same waiting customer.
        const rest = await receive(follow_up.id, [
          { purchase_order_line_id: follow_up.lines[0].id, quantity: 4 },
        ])
        expect(
          rest.data.allocations.map((a) => [
            a.backorder_id,
            a.quantity,
            a.reason,
          ])
        ).toEqual([[linked.id, 3, `linked to ${follow_up.number}`]])
        expect(await getBackorder(linked.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 3,
          })
        )
        expect(await kettleAtShop()).toEqual({
          stocked: 6,
          reserved: 5,
          incoming: 0,
          available: 1,
        })
      })

      it("with stock held until completion, receipts do not stock; completing stocks and allocates", async () => {
        const bo = await sale("KETTLE-MATTE", 2)
        const po = await orderedPurchaseOrder([bo.id])
        // As a merchant with stockReceivedOn: "completion" gets it (TechPOS).
        await getContainer().resolve("backorder").updatePurchaseOrders({
          id: po.id,
          stock_on_completion: true,
        })
        const first = await receive(po.id, [
          { purchase_order_line_id: po.lines[0].id, quantity: 3 },
        ])
        expect(first.data.allocations).toEqual([])
        expect(first.data.purchase_order.lines[0]).toEqual(
          expect.objectContaining({ received_quantity: 3, stocked_quantity: 0 })
        )
        expect(await kettleAtShop()).toEqual({
          stocked: 0,
          reserved: 2,
          incoming: 6,
          available: -2,
        })

        const completed = await api.post(
          `/admin/purchase-orders/${po.id}/complete`,
          {
            lines: [
              { purchase_order_line_id: po.lines[0].id, action: "cancel" },
            ],
          },
          admin
        )
        expect(completed.data.purchase_order.lines[0]).toEqual(
          expect.objectContaining({
            received_quantity: 3,
            stocked_quantity: 3,
            cancelled_quantity: 3,
          })
        )
        expect(await kettleAtShop()).toEqual({
          stocked: 3,
          reserved: 2,
          incoming: 0,
          available: 1,
        })
        expect(await getBackorder(bo.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 2,
          })
        )
      })

      it("with stock held until completion, the follow-up carries only what still waits after completing allocates", async () => {
        // The shop's 2 bags go to a first sale; A and B wait for 3 and 4.
        await sale("BEANS-HOUSE-1KG", 2)
        const a = await sale("BEANS-HOUSE-1KG", 3)
        const b = await sale("BEANS-HOUSE-1KG", 4)
        const po = await orderedPurchaseOrder([a.id, b.id])
        const line = po.lines[0]
        // 7 rounded up to the supplier's minimum order of 10.
        expect(line.quantity).toBe(10)
        await getContainer().resolve("backorder").updatePurchaseOrders({
          id: po.id,
          stock_on_completion: true,
        })
        await receive(po.id, [{ purchase_order_line_id: line.id, quantity: 4 }])
        await receive(po.id, [{ purchase_order_line_id: line.id, quantity: 2 }])
        const beansAtShop = () =>
          stockOf(getContainer(), "BEANS-HOUSE-1KG", store.shopLocationId)
        expect(await beansAtShop()).toEqual({
          stocked: 2,
          reserved: 9,
          incoming: 10,
          available: -7,
        })

        const completed = await api.post(
          `/admin/purchase-orders/${po.id}/complete`,
          { expected_at: "2027-02-01T00:00:00.000Z" },
          admin
        )
        const { purchase_order: closed, follow_up } = completed.data
        expect(closed.status).toBe("closed")
        expect(closed.lines[0]).toEqual(
          expect.objectContaining({
            quantity: 10,
            received_quantity: 6,
            stocked_quantity: 6,
            cancelled_quantity: 4,
          })
        )
        // A is served in full by the completion; only B's last unit still waits.
        expect(
          follow_up.lines.map((l) => [
            l.sku,
            l.quantity,
            l.backorders.map((link) => [link.backorder_id, link.quantity]),
          ])
        ).toEqual([["BEANS-HOUSE-1KG", 4, [[b.id, 1]]]])
        expect(follow_up).toEqual(
          expect.objectContaining({ status: "ordered", parent_id: po.id })
        )
        const ledger = await api.get(
          `/admin/backorders/allocations?purchase_order_id=${po.id}&order=created_at`,
          admin
        )
        expect(
          ledger.data.allocations.map((r) => [
            r.backorder_id,
            r.quantity,
            r.source,
            r.rule,
          ])
        ).toEqual([
          [a.id, 3, "receipt", "linked_purchase_order"],
          [b.id, 3, "receipt", "linked_purchase_order"],
        ])
        expect(await getBackorder(a.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 3,
            promised_at: po.expected_at,
          })
        )
        expect(await getBackorder(b.id)).toEqual(
          expect.objectContaining({
            status: "partially_available",
            allocated_quantity: 3,
            promised_at: "2027-02-01T00:00:00.000Z",
          })
        )
        expect(await beansAtShop()).toEqual({
          stocked: 8,
          reserved: 9,
          incoming: 4,
          available: -1,
        })
      })

      it("cancels a remainder on request: incoming down and its waiting backorders back to new", async () => {
        const bo = await sale("KETTLE-MATTE", 3)
        const po = await orderedPurchaseOrder([bo.id])
        await receive(po.id, [
          { purchase_order_line_id: po.lines[0].id, quantity: 1 },
        ])
        const completed = await api.post(
          `/admin/purchase-orders/${po.id}/complete`,
          {
            lines: [
              { purchase_order_line_id: po.lines[0].id, action: "cancel" },
            ],
          },
          admin
        )
        expect(completed.data.follow_up).toBeNull()
        expect(await kettleAtShop()).toEqual({
          stocked: 1,
          reserved: 3,
          incoming: 0,
          available: -2,
        })
        expect(await getBackorder(bo.id)).toEqual(
          expect.objectContaining({
            status: "partially_available",
            allocated_quantity: 1,
          })
        )
      })
    })

    describe("concurrency and rollback", () => {
      it("two receipts of the same purchase order in parallel never receive more than was ordered", async () => {
        const bo = await sale("KETTLE-MATTE", 3)
        const po = await orderedPurchaseOrder([bo.id])
        const results = await Promise.all(
          [1, 2].map(() =>
            receive(po.id, [
              { purchase_order_line_id: po.lines[0].id, quantity: 4 },
            ]).catch((e) => e.response)
          )
        )
        expect(results.map((r) => r.status).sort()).toEqual([200, 400])
        const after = (await api.get(`/admin/purchase-orders/${po.id}`, admin))
          .data.purchase_order
        expect(after.lines[0]).toEqual(
          expect.objectContaining({ quantity: 6, received_quantity: 4 })
        )
        expect(await kettleAtShop()).toEqual({
          stocked: 4,
          reserved: 3,
          incoming: 2,
          available: 1,
        })
        expect(await getBackorder(bo.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 3,
          })
        )
      })

      it("receipts racing storefront checkouts of the same item keep every invariant", async () => {
        const warehouse = store.warehouseLocationId
        const kettle = store.variantIdsBySku["KETTLE-MATTE"]
        const sam = await registerShopper(api, store, "sam@example.com")
        const first = await checkout(api, store, sam, [
          { variant_id: kettle, quantity: 2 },
        ])
        const { data: firstBackorders } = await eventually(
          () => api.get(`/admin/backorders?order_id=${first.id}`, admin),
          // The page and its count are two reads: wait for the row itself.
          (res) => res.data.backorders.length === 1
        )
        const po = await orderedPurchaseOrder([
          firstBackorders.backorders[0].id,
        ])
        expect(po.location_id).toBe(warehouse)

        const [received, ...orders] = await Promise.all([
          receive(po.id, [
            { purchase_order_line_id: po.lines[0].id, quantity: 6 },
          ]),
          ...[1, 2, 3, 4].map(() =>
            checkout(api, store, sam, [{ variant_id: kettle, quantity: 1 }])
          ),
        ])
        expect(received.status).toBe(200)
        expect(orders).toHaveLength(4)

        // Once every subscriber has run, nothing waits and nothing is oversold.
        const settled = await eventually(
          async () =>
            (
              await api.get(
                `/admin/backorders?variant_id=${kettle}&limit=50`,
                admin
              )
            ).data.backorders,
          (list) =>
            list.every(
              (b) =>
                b.quantity - b.allocated_quantity - b.cancelled_quantity === 0
            )
        )
        for (const b of settled) {
          expect(
            b.allocated_quantity + b.cancelled_quantity
          ).toBeLessThanOrEqual(b.quantity)
          expect(b.status).toBe("available")
        }
        const allocatedFromReceipt = received.data.allocations.reduce(
          (sum, a) => sum + a.quantity,
          0
        )
        expect(allocatedFromReceipt).toBeLessThanOrEqual(6)
        expect(received.data.allocations[0]).toEqual(
          expect.objectContaining({
            backorder_id: firstBackorders.backorders[0].id,
            quantity: 2,
          })
        )
        expect(
          await stockOf(getContainer(), "KETTLE-MATTE", warehouse)
        ).toEqual({
          stocked: 6,
          reserved: 6,
          incoming: 0,
          available: 0,
        })
      })

      it("undoes a purchase order cancellation, a completion and a release when a later step fails", async () => {
        const a = await sale("KETTLE-MATTE", 2)
        const b = await sale("KETTLE-MATTE", 2)
        const po = await orderedPurchaseOrder([a.id])
        const failAfter = <T extends { appendAction: Function }>(
          workflow: T,
          step: string
        ) => {
          workflow.appendAction(`fail-after-${step}`, step, {
            invoke: async () => {
              throw new Error(`Failure after ${step}`)
            },
          })
          return workflow
        }

        const cancel = await failAfter(
          cancelPurchaseOrderWorkflow(getContainer()),
          "adjust-incoming-quantities"
        ).run({ input: { id: po.id }, throwOnError: false })
        expect(cancel.errors.map((e) => e.error.message)).toEqual([
          "Failure after adjust-incoming-quantities",
        ])
        expect(
          (await api.get(`/admin/purchase-orders/${po.id}`, admin)).data
            .purchase_order.status
        ).toBe("ordered")
        expect((await getBackorder(a.id)).status).toBe("on_order")
        expect((await kettleAtShop()).incoming).toBe(6)

        await receive(po.id, [
          { purchase_order_line_id: po.lines[0].id, quantity: 2 },
        ])
        const complete = await failAfter(
          completePurchaseOrderWorkflow(getContainer()),
          "create-follow-up-purchase-order"
        ).run({ input: { id: po.id }, throwOnError: false })
        expect(complete.errors.map((e) => e.error.message)).toEqual([
          "Failure after create-follow-up-purchase-order",
        ])
        const after = (await api.get(`/admin/purchase-orders/${po.id}`, admin))
          .data.purchase_order
        expect(after).toEqual(
          expect.objectContaining({
            status: "partially_received",
            completed_at: null,
          })
        )
        expect(after.lines[0].cancelled_quantity).toBe(0)
        expect(
          (await api.get(`/admin/purchase-orders?parent_id=${po.id}`, admin))
            .data.count
        ).toBe(0)
        expect((await kettleAtShop()).incoming).toBe(4)

        const release = await failAfter(
          releaseAllocationWorkflow(getContainer()),
          "move-allocation"
        ).run({
          input: {
            from_backorder_id: a.id,
            to_backorder_id: b.id,
            quantity: 1,
            reason: "test",
          },
          throwOnError: false,
        })
        expect(release.errors.map((e) => e.error.message)).toEqual([
          "Failure after move-allocation",
        ])
        expect(await getBackorder(a.id)).toEqual(
          expect.objectContaining({
            status: "available",
            allocated_quantity: 2,
          })
        )
        expect((await getBackorder(b.id)).allocated_quantity).toBe(0)
        const ledger = (
          await api.get(
            `/admin/backorders/${a.id}?fields=allocations.source`,
            admin
          )
        ).data.backorder.allocations.map((l) => l.source)
        expect(ledger).toEqual(["receipt"])
      })

      it("undoes the receipt, the stock and the allocations when a later step fails", async () => {
        const bo = await sale("KETTLE-MATTE", 3)
        const po = await orderedPurchaseOrder([bo.id])
        const workflow = receivePurchaseOrderWorkflow(getContainer())
        workflow.appendAction(
          "fail-after-receiving",
          "allocate-arrived-stock",
          {
            invoke: async () => {
              throw new Error("Failure after receiving")
            },
          }
        )
        const { errors } = await workflow.run({
          input: {
            id: po.id,
            lines: [{ purchase_order_line_id: po.lines[0].id, quantity: 4 }],
          },
          throwOnError: false,
        })
        expect(errors.map((e) => e.error.message)).toEqual([
          "Failure after receiving",
        ])
        const after = (await api.get(`/admin/purchase-orders/${po.id}`, admin))
          .data.purchase_order
        expect(after).toEqual(
          expect.objectContaining({ status: "ordered", receipts: [] })
        )
        expect(after.lines[0]).toEqual(
          expect.objectContaining({ received_quantity: 0, stocked_quantity: 0 })
        )
        expect(await kettleAtShop()).toEqual({
          stocked: 0,
          reserved: 3,
          incoming: 6,
          available: -3,
        })
        expect(await getBackorder(bo.id)).toEqual(
          expect.objectContaining({ status: "on_order", allocated_quantity: 0 })
        )
        // The lock was released: receiving works afterwards.
        const ok = await receive(po.id, [
          { purchase_order_line_id: po.lines[0].id, quantity: 3 },
        ])
        expect(ok.data.allocations.map((a) => a.quantity)).toEqual([3])
      })
    })
  },
})
