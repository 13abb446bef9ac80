import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { cancelTransferWorkflow } from "../../src/workflows/transfers/workflows/cancel-transfer"
import { receiveTransferWorkflow } from "../../src/workflows/transfers/workflows/receive-transfer"
import { requestTransferWorkflow } from "../../src/workflows/transfers/workflows/request-transfer"
import { sendTransferWorkflow } from "../../src/workflows/transfers/workflows/send-transfer"
import { refused } from "../helpers/api"
import { invariantViolations, sqlOfKnex } from "../helpers/invariants"
import { RequestHeaders, seedDemoStoreWithAdmin } from "../helpers/auth"
import { stockOf } from "../helpers/stock"

jest.setTimeout(180000)

/**
 * SaleDock's transfer request: stock moved from one of the merchant's own locations to the
 * location where backorders wait, sent, received (partly, idempotently) and allocated through
 * the same ledger as a purchase order receipt; or cancelled.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: RequestHeaders
    let store: DemoStore

    beforeEach(async () => {
      ;({ store, admin } = await seedDemoStoreWithAdmin(getContainer()))
    })

    const sale = async (
      sku: string,
      quantity: number,
      locationId = store.shopLocationId
    ) => {
      const res = await api.post(
        "/admin/to-order-sales",
        {
          customer_id: store.customerId,
          location_id: locationId,
          lines: [{ variant_id: store.variantIdsBySku[sku], quantity }],
          payment_policy: "pay_now",
        },
        admin
      )
      return res.data.backorders[0]
    }
    const getBackorder = async (id: string) =>
      (await api.get(`/admin/backorders/${id}`, admin)).data.backorder
    const getTransfer = async (id: string) =>
      (await api.get(`/admin/transfers/${id}`, admin)).data.transfer
    const requestTransfer = async (backorderIds: string[]) =>
      (
        await api.post(
          "/admin/transfers/request-stock",
          {
            backorder_ids: backorderIds,
            source_location_id: store.warehouseLocationId,
          },
          admin
        )
      ).data.transfer
    const send = async (id: string) =>
      (await api.post(`/admin/transfers/${id}/send`, {}, admin)).data.transfer
    const receive = (
      id: string,
      lines: unknown[],
      headers: Record<string, string> = {}
    ) =>
      api.post(
        `/admin/transfers/${id}/receive`,
        { lines },
        { headers: { ...admin.headers, ...headers } }
      )
    const beans = async () => ({
      shop: await stockOf(
        getContainer(),
        "BEANS-HOUSE-1KG",
        store.shopLocationId
      ),
      warehouse: await stockOf(
        getContainer(),
        "BEANS-HOUSE-1KG",
        store.warehouseLocationId
      ),
    })
    const expectInvariants = async () =>
      expect(await invariantViolations(sqlOfKnex(dbConnection))).toEqual({})
    const ledgerOf = async (backorderId: string) =>
      (
        await api.get(
          `/admin/backorders/allocations?backorder_id=${backorderId}&order=created_at`,
          admin
        )
      ).data.allocations.map((a) => ({
        quantity: a.quantity,
        source: a.source,
        rule: a.rule,
        reason: a.reason,
        transfer_id: a.transfer_id,
      }))

    it("requests a transfer from the warehouse, sends it, receives it in two parts and allocates to the linked backorder first", async () => {
      const older = await sale("BEANS-HOUSE-1KG", 3)
      const linked = await sale("BEANS-HOUSE-1KG", 2)
      const start = await beans()

      // The warehouse has the beans free; the shop itself is not a source.
      const sources = (
        await api.get(
          `/admin/transfers/sources?backorder_ids=${linked.id}`,
          admin
        )
      ).data
      expect(sources).toEqual({
        destination_location_id: store.shopLocationId,
        sources: [
          {
            id: store.warehouseLocationId,
            name: "Warehouse",
            covers_all: true,
            items: [
              expect.objectContaining({
                variant_id: store.variantIdsBySku["BEANS-HOUSE-1KG"],
                sku: "BEANS-HOUSE-1KG",
                needed: linked.quantity,
                free: 10,
              }),
            ],
          },
        ],
      })

      const draft = await requestTransfer([linked.id])
      expect(draft).toEqual(
        expect.objectContaining({
          number: "TR-0001",
          status: "draft",
          source_location_id: store.warehouseLocationId,
          destination_location_id: store.shopLocationId,
          source_location: { id: store.warehouseLocationId, name: "Warehouse" },
          destination_location: { id: store.shopLocationId, name: "Shop" },
        })
      )
      expect(draft.lines).toEqual([
        expect.objectContaining({
          sku: "BEANS-HOUSE-1KG",
          quantity: linked.quantity,
          sent_quantity: 0,
          received_quantity: 0,
          backorders: [
            expect.objectContaining({
              backorder_id: linked.id,
              quantity: linked.quantity,
            }),
          ],
        }),
      ])
      // A draft moves nothing.
      expect(await beans()).toEqual(start)

      const sent = await send(draft.id)
      expect(sent.status).toBe("in_transit")
      expect(sent.lines[0].sent_quantity).toBe(linked.quantity)
      expect(await beans()).toEqual({
        shop: { ...start.shop, incoming: linked.quantity },
        warehouse: {
          ...start.warehouse,
          stocked: start.warehouse.stocked - linked.quantity,
          available: start.warehouse.available - linked.quantity,
        },
      })
      expect(await getBackorder(linked.id)).toEqual(
        expect.objectContaining({ status: "on_order", allocated_quantity: 0 })
      )

      const line = sent.lines[0]
      const first = await receive(draft.id, [
        { transfer_line_id: line.id, quantity: 1 },
      ])
      expect(first.data.replayed).toBe(false)
      expect(first.data.transfer.status).toBe("partially_received")
      expect(
        first.data.allocations.map((a) => [
          a.backorder_id,
          a.quantity,
          a.source,
          a.rule,
          a.reason,
        ])
      ).toEqual([
        [linked.id, 1, "transfer", "linked_transfer", "linked to TR-0001"],
      ])
      expect(await getBackorder(linked.id)).toEqual(
        expect.objectContaining({
          status: "partially_available",
          allocated_quantity: 1,
        })
      )
      expect(await beans()).toEqual({
        shop: {
          ...start.shop,
          stocked: start.shop.stocked + 1,
          available: start.shop.available + 1,
          incoming: linked.quantity - 1,
        },
        warehouse: {
          ...start.warehouse,
          stocked: start.warehouse.stocked - linked.quantity,
          available: start.warehouse.available - linked.quantity,
        },
      })

      // Receiving more than is in transit is refused and changes nothing.
      const open = linked.quantity - 1
      const before = await beans()
      expect(
        await refused(
          receive(draft.id, [{ transfer_line_id: line.id, quantity: open + 1 }])
        )
      ).toEqual({
        status: 400,
        data: {
          type: "invalid_data",
          message: `Transfer TR-0001 line ${line.id}: receiving ${open + 1} exceeds the ${open} still in transit`,
        },
      })
      expect(await beans()).toEqual(before)

      // The rest, retried with the same key: counted once.
      const second = await receive(
        draft.id,
        [{ transfer_line_id: line.id, quantity: open }],
        { "idempotency-key": "van-2" }
      )
      expect(second.data.transfer.status).toBe("received")
      expect(second.data.transfer.lines[0].received_quantity).toBe(
        linked.quantity
      )
      expect(second.data.transfer.receipts).toHaveLength(2)
      const replay = await receive(
        draft.id,
        [{ transfer_line_id: line.id, quantity: open }],
        { "idempotency-key": "van-2" }
      )
      expect(replay.data).toEqual(
        expect.objectContaining({
          replayed: true,
          receipt_id: second.data.receipt_id,
        })
      )
      // The same key with another request is a conflict.
      expect(
        await refused(
          receive(
            draft.id,
            [{ transfer_line_id: line.id, quantity: open + 1 }],
            { "idempotency-key": "van-2" }
          )
        )
      ).toEqual({
        status: 409,
        data: {
          type: "conflict",
          code: "invalid_state_error",
          message: `Idempotency key van-2 was already used for receipt ${second.data.receipt_id} on transfer TR-0001 with a different request: use a new key for a new receipt`,
        },
      })

      const arrived = await beans()
      expect(arrived).toEqual({
        shop: {
          ...start.shop,
          stocked: start.shop.stocked + linked.quantity,
          available: start.shop.available + linked.quantity,
          incoming: 0,
        },
        warehouse: {
          ...start.warehouse,
          stocked: start.warehouse.stocked - linked.quantity,
          available: start.warehouse.available - linked.quantity,
        },
      })
      expect(await getBackorder(linked.id)).toEqual(
        expect.objectContaining({
          status: "available",
          allocated_quantity: linked.quantity,
        })
      )
      // The older backorder was not on the transfer: still waiting.
      expect(await getBackorder(older.id)).toEqual(
        expect.objectContaining({ status: "new", allocated_quantity: 0 })
      )
      expect(await ledgerOf(linked.id)).toEqual([
        {
          quantity: 1,
          source: "transfer",
          rule: "linked_transfer",
          reason: "linked to TR-0001",
          transfer_id: draft.id,
        },
        {
          quantity: open,
          source: "transfer",
          rule: "linked_transfer",
          reason: "linked to TR-0001",
          transfer_id: draft.id,
        },
      ])

      // A received transfer cannot be cancelled.
      expect(
        await refused(
          api.post(`/admin/transfers/${draft.id}/cancel`, {}, admin)
        )
      ).toEqual({
        status: 400,
        data: {
          type: "not_allowed",
          message: "Transfer TR-0001 is received and cannot be cancelled",
        },
      })
      expect(await beans()).toEqual(arrived)

      const list = (
        await api.get(
          `/admin/transfers?status=received&destination_location_id=${store.shopLocationId}`,
          admin
        )
      ).data
      expect(list).toEqual(
        expect.objectContaining({ count: 1, offset: 0, limit: 20 })
      )
      expect(list.transfers.map((t) => [t.number, t.status])).toEqual([
        ["TR-0001", "received"],
      ])
      const byVariant = (
        await api.get(
          `/admin/transfers?variant_id=${store.variantIdsBySku["BEANS-HOUSE-1KG"]}`,
          admin
        )
      ).data
      expect(byVariant.transfers.map((t) => t.number)).toEqual(["TR-0001"])
      const otherVariant = (
        await api.get(
          `/admin/transfers?variant_id=${store.variantIdsBySku["KETTLE-MATTE"]}`,
          admin
        )
      ).data
      expect(otherVariant.count).toBe(0)
      const byBackorder = (
        await api.get(`/admin/transfers?backorder_id=${older.id}`, admin)
      ).data
      expect(byBackorder.count).toBe(0)
      await expectInvariants()
    })

    it("adds backorders to an open draft, and cancelling a sent transfer puts the units back at the source", async () => {
      const first = await sale("BEANS-HOUSE-1KG", 3)
      const second = await sale("BEANS-HOUSE-1KG", 2)
      const start = await beans()
      const draft = await requestTransfer([first.id])
      const extended = (
        await api.post(
          "/admin/transfers/request-stock",
          {
            backorder_ids: [second.id],
            source_location_id: store.warehouseLocationId,
            transfer_id: draft.id,
          },
          admin
        )
      ).data.transfer
      expect(extended.id).toBe(draft.id)
      const total = first.quantity + second.quantity
      expect(extended.lines).toEqual([
        expect.objectContaining({
          quantity: total,
          backorders: [
            expect.objectContaining({
              backorder_id: first.id,
              quantity: first.quantity,
            }),
            expect.objectContaining({
              backorder_id: second.id,
              quantity: second.quantity,
            }),
          ],
        }),
      ])

      // A backorder already on an open transfer is refused.
      expect(
        await refused(requestTransfer([first.id]).then(() => null))
      ).toEqual({
        status: 400,
        data: {
          type: "not_allowed",
          message: `Backorder ${first.id} is already on transfer TR-0001`,
        },
      })

      await send(draft.id)
      expect((await beans()).warehouse.stocked).toBe(
        start.warehouse.stocked - total
      )
      const cancelled = (
        await api.post(`/admin/transfers/${draft.id}/cancel`, {}, admin)
      ).data.transfer
      expect(cancelled.status).toBe("cancelled")
      expect(cancelled.cancelled_at).toEqual(expect.any(String))
      expect(await beans()).toEqual(start)
      for (const bo of [first, second]) {
        expect(await getBackorder(bo.id)).toEqual(
          expect.objectContaining({ status: "new", allocated_quantity: 0 })
        )
      }
      await expectInvariants()
      // Cancelled transfers free their backorders for a new request.
      expect((await requestTransfer([first.id])).number).toBe("TR-0002")
    })

    it("units a cancelled transfer puts back at its source go to the backorders waiting there", async () => {
      // The shop has 2: 3 of the 5 sold wait, and the warehouse sends them.
      const atShop = await sale("BEANS-HOUSE-1KG", 5)
      expect(atShop.quantity).toBe(3)
      const transfer = await requestTransfer([atShop.id])
      await send(transfer.id)
      // Meanwhile the warehouse sells what it has left and 2 more, to order.
      const left = (await beans()).warehouse.available
      const atWarehouse = await sale(
        "BEANS-HOUSE-1KG",
        left + 2,
        store.warehouseLocationId
      )
      expect(atWarehouse).toEqual(
        expect.objectContaining({ quantity: 2, status: "new" })
      )
      const before = await beans()

      await api.post(`/admin/transfers/${transfer.id}/cancel`, {}, admin)

      // The 3 back in the warehouse (no longer incoming at the shop): 2 to the customer
      // waiting there, 1 free on the shelf.
      expect(await beans()).toEqual({
        shop: { ...before.shop, incoming: 0 },
        warehouse: {
          ...before.warehouse,
          stocked: before.warehouse.stocked + 3,
          available: before.warehouse.available + 3,
        },
      })
      expect(await getBackorder(atWarehouse.id)).toEqual(
        expect.objectContaining({ status: "available", allocated_quantity: 2 })
      )
      expect(await ledgerOf(atWarehouse.id)).toEqual([
        {
          quantity: 2,
          source: "stock",
          rule: "fifo",
          reason: "oldest order",
          transfer_id: null,
        },
      ])
      expect(await getBackorder(atShop.id)).toEqual(
        expect.objectContaining({ status: "new", allocated_quantity: 0 })
      )
      await expectInvariants()
    })

    it("a backorder on a draft transfer is not ordered from a supplier as well", async () => {
      // The shop has 2: 3 of the 5 sold wait, and a transfer from the warehouse is drafted.
      const waiting = await sale("BEANS-HOUSE-1KG", 5)
      expect(waiting.quantity).toBe(3)
      const draft = await requestTransfer([waiting.id])
      expect(draft.status).toBe("draft")
      const purchaseOrders = async () =>
        (await api.get("/admin/purchase-orders", admin)).data.count

      expect(
        await refused(
          api.post(
            "/admin/purchase-orders/request-stock",
            { backorder_ids: [waiting.id] },
            admin
          )
        )
      ).toEqual({
        status: 400,
        data: {
          type: "not_allowed",
          message: `Backorder ${waiting.id} is already on transfer TR-0001`,
        },
      })
      // In bulk it is left out, and said why.
      const { data: bulk } = await api.post(
        "/admin/purchase-orders/request-stock",
        { backorder_ids: [waiting.id], skip_unavailable: true },
        admin
      )
      expect(bulk).toEqual({
        purchase_orders: [],
        skipped: [
          expect.objectContaining({
            backorder_id: waiting.id,
            reason: "on_transfer",
            status: "new",
            transfer_id: draft.id,
            transfer_number: "TR-0001",
            message: expect.stringMatching(
              /^BEANS-HOUSE-1KG × 3 for Jane Doe \(order #\d+\) is already on TR-0001$/
            ),
          }),
        ],
      })
      // "Order all open" of its supplier does not pick it: nothing to order.
      const { data: allOpen } = await api.post(
        "/admin/purchase-orders/request-stock",
        {
          all_open_backorders_of_supplier: true,
          supplier_id: waiting.supplier_id,
          skip_unavailable: true,
        },
        admin
      )
      expect(allOpen).toEqual({ purchase_orders: [], skipped: [] })
      expect(await purchaseOrders()).toBe(0)

      // Once the draft is cancelled it can be ordered.
      await api.post(`/admin/transfers/${draft.id}/cancel`, {}, admin)
      const { data: ordered } = await api.post(
        "/admin/purchase-orders/request-stock",
        { backorder_ids: [waiting.id] },
        admin
      )
      expect(ordered.purchase_orders).toHaveLength(1)
      expect(await purchaseOrders()).toBe(1)
    })

    it("cancelling a transfer leaves a backorder that a sent purchase order still brings on order", async () => {
      const bo = await sale("BEANS-HOUSE-1KG", 3)
      const [po] = (
        await api.post(
          "/admin/purchase-orders/request-stock",
          { backorder_ids: [bo.id] },
          admin
        )
      ).data.purchase_orders
      await api.post(`/admin/purchase-orders/${po.id}/send`, {}, admin)
      expect((await getBackorder(bo.id)).status).toBe("on_order")

      // The warehouse is quicker than the supplier, until the van is called back.
      const draft = await requestTransfer([bo.id])
      await send(draft.id)
      await api.post(`/admin/transfers/${draft.id}/cancel`, {}, admin)
      expect(await getBackorder(bo.id)).toEqual(
        expect.objectContaining({ status: "on_order", allocated_quantity: 0 })
      )
      await expectInvariants()
    })

    it("refuses a transfer from a location without the stock, and changes nothing", async () => {
      const kettle = await sale("KETTLE-MATTE", 2)
      expect(
        (
          await api.get(
            `/admin/transfers/sources?backorder_ids=${kettle.id}`,
            admin
          )
        ).data
      ).toEqual({ destination_location_id: store.shopLocationId, sources: [] })
      const { data: variants } = await getContainer()
        .resolve("query")
        .graph({
          entity: "product_variant",
          fields: ["inventory_items.inventory_item_id"],
          filters: { sku: "KETTLE-MATTE" },
        })
      const itemId = variants[0].inventory_items[0].inventory_item_id
      expect(await refused(requestTransfer([kettle.id]))).toEqual({
        status: 400,
        data: {
          type: "not_allowed",
          message: `Stock location Warehouse (${store.warehouseLocationId}) has 0 free units of KETTLE-MATTE (inventory item ${itemId}): the transfer needs 2`,
        },
      })
      expect((await api.get("/admin/transfers", admin)).data).toEqual({
        transfers: [],
        count: 0,
        offset: 0,
        limit: 20,
      })
      expect(
        await refused(
          api.post(
            "/admin/transfers/request-stock",
            {
              backorder_ids: [kettle.id],
              source_location_id: store.shopLocationId,
            },
            admin
          )
        )
      ).toEqual({
        status: 400,
        data: {
          type: "invalid_data",
          message: `Stock location ${store.shopLocationId} is where the backorders wait: a transfer needs another source`,
        },
      })
      expect(
        await refused(api.get("/admin/transfers/trf_missing", admin))
      ).toEqual({
        status: 404,
        data: {
          type: "not_found",
          message: "Transfer with id: trf_missing was not found",
        },
      })
    })

    it("refuses to send when the source's stock was taken meanwhile", async () => {
      const bo = await sale("BEANS-HOUSE-1KG", 4)
      const draft = await requestTransfer([bo.id])
      // The warehouse sells its beans before the van leaves.
      const inventory = getContainer().resolve("inventory")
      const { data: variants } = await getContainer()
        .resolve("query")
        .graph({
          entity: "product_variant",
          fields: ["inventory_items.inventory_item_id"],
          filters: { sku: "BEANS-HOUSE-1KG" },
        })
      const itemId = variants[0].inventory_items[0].inventory_item_id
      await inventory.updateInventoryLevels([
        {
          inventory_item_id: itemId,
          location_id: store.warehouseLocationId,
          stocked_quantity: 1,
        },
      ])
      const before = await beans()
      expect(
        await refused(api.post(`/admin/transfers/${draft.id}/send`, {}, admin))
      ).toEqual({
        status: 400,
        data: {
          type: "not_allowed",
          message: `Transfer TR-0001 line ${draft.lines[0].id} (BEANS-HOUSE-1KG): stock location ${store.warehouseLocationId} has 1 free units of inventory item ${itemId}, ${bo.quantity} cannot be sent`,
        },
      })
      expect(await beans()).toEqual(before)
      expect((await getTransfer(draft.id)).status).toBe("draft")
    })

    it("two receipts at once: the same key counts once, different keys never receive more than was sent", async () => {
      const bo = await sale("BEANS-HOUSE-1KG", 4)
      const draft = await requestTransfer([bo.id])
      const sent = await send(draft.id)
      const line = sent.lines[0]
      const start = await beans()

      const same = await Promise.allSettled([
        receive(draft.id, [{ transfer_line_id: line.id, quantity: 1 }], {
          "idempotency-key": "same",
        }),
        receive(draft.id, [{ transfer_line_id: line.id, quantity: 1 }], {
          "idempotency-key": "same",
        }),
      ])
      expect(same.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"])
      expect((await getTransfer(draft.id)).lines[0].received_quantity).toBe(1)

      const open = bo.quantity - 1
      const different = await Promise.allSettled([
        receive(draft.id, [{ transfer_line_id: line.id, quantity: open }], {
          "idempotency-key": "a",
        }),
        receive(draft.id, [{ transfer_line_id: line.id, quantity: open }], {
          "idempotency-key": "b",
        }),
      ])
      expect(different.map((r) => r.status).sort()).toEqual([
        "fulfilled",
        "rejected",
      ])
      const after = await getTransfer(draft.id)
      expect(after.status).toBe("received")
      expect(after.lines[0].received_quantity).toBe(bo.quantity)
      expect(await beans()).toEqual({
        shop: {
          ...start.shop,
          stocked: start.shop.stocked + bo.quantity,
          available: start.shop.available + bo.quantity,
          incoming: 0,
        },
        warehouse: start.warehouse,
      })
      expect(await getBackorder(bo.id)).toEqual(
        expect.objectContaining({
          status: "available",
          allocated_quantity: bo.quantity,
        })
      )
      await expectInvariants()
    })

    describe("rollbacks: a later step failing undoes every step", () => {
      const failing = <T extends { appendAction: Function }>(
        workflow: T,
        afterStep: string
      ) => {
        workflow.appendAction("fail", afterStep, {
          invoke: async () => {
            throw new Error("Later step failed")
          },
        })
        return workflow
      }
      const expectFailure = (result: {
        errors: { error: { message: string } }[]
      }) =>
        expect(
          result.errors.map((e) => e.error?.message ?? JSON.stringify(e))
        ).toEqual(["Later step failed"])

      // A workflow given a failing step keeps it for the rest of this file: each one fails
      // once, after the transfers it needs were made through the API.
      it("request, send, receive and cancel are undone", async () => {
        const container = getContainer()
        const first = await sale("BEANS-HOUSE-1KG", 3)
        const second = await sale("BEANS-HOUSE-1KG", 2)
        const third = await sale("BEANS-HOUSE-1KG", 1)
        const draft = await requestTransfer([first.id])
        const other = await requestTransfer([second.id])
        const sent = await send(other.id)
        const start = await beans()

        expectFailure(
          await failing(
            requestTransferWorkflow(container),
            "save-transfer"
          ).run({
            input: {
              backorder_ids: [third.id],
              source_location_id: store.warehouseLocationId,
            },
            throwOnError: false,
          })
        )
        expect((await api.get("/admin/transfers", admin)).data.count).toBe(2)

        expectFailure(
          await failing(
            sendTransferWorkflow(container),
            "update-transfer-state"
          ).run({ input: { id: draft.id }, throwOnError: false })
        )
        expect(await getTransfer(draft.id)).toEqual(
          expect.objectContaining({ status: "draft", sent_at: null })
        )
        expect((await getTransfer(draft.id)).lines[0].sent_quantity).toBe(0)
        expect(await beans()).toEqual(start)
        expect((await getBackorder(first.id)).status).toBe("new")

        expectFailure(
          await failing(
            receiveTransferWorkflow(container),
            "allocate-arrived-stock"
          ).run({
            input: {
              id: other.id,
              lines: [{ transfer_line_id: sent.lines[0].id, quantity: 2 }],
              idempotency_key: "rolled-back",
            },
            throwOnError: false,
          })
        )
        const afterReceive = await getTransfer(other.id)
        expect(afterReceive.status).toBe("in_transit")
        expect(afterReceive.lines[0].received_quantity).toBe(0)
        expect(afterReceive.receipts).toEqual([])
        expect(await beans()).toEqual(start)
        expect(await getBackorder(second.id)).toEqual(
          expect.objectContaining({ status: "on_order", allocated_quantity: 0 })
        )
        expect(await ledgerOf(second.id)).toEqual([])

        // A customer waits at the warehouse, so the cancellation also hands them units: the
        // failure comes after that, the last step that changes anything.
        const free = Math.max((await beans()).warehouse.available, 0)
        const atWarehouse = await sale(
          "BEANS-HOUSE-1KG",
          free + 1,
          store.warehouseLocationId
        )
        expect(atWarehouse.quantity).toBe(1)
        const beforeCancel = await beans()
        expectFailure(
          await failing(
            cancelTransferWorkflow(container),
            "allocate-arrived-stock"
          ).run({ input: { id: other.id }, throwOnError: false })
        )
        expect(await getTransfer(other.id)).toEqual(
          expect.objectContaining({ status: "in_transit", cancelled_at: null })
        )
        expect(await beans()).toEqual(beforeCancel)
        expect((await getBackorder(second.id)).status).toBe("on_order")
        expect(await getBackorder(atWarehouse.id)).toEqual(
          expect.objectContaining({ status: "new", allocated_quantity: 0 })
        )
        expect(await ledgerOf(atWarehouse.id)).toEqual([])
      })
    })
  },
})
