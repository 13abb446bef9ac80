import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { DemoStore } from "../../scripts/seed/demo-store"
import { hashRequestBody } from "../../src/api/utils/idempotency"
import { cancelAbandonedToOrderSales } from "../../src/jobs/cancel-abandoned-to-order-sales"
import { toOrderSaleLockKey } from "../../src/workflows/shared/locking"
import BackorderModuleService from "../../src/modules/backorder/service"
import { beginToOrderSaleAttemptWorkflow } from "../../src/workflows/backorders/workflows/begin-to-order-sale-attempt"
import { cancelToOrderSaleAttemptWorkflow } from "../../src/workflows/backorders/workflows/cancel-to-order-sale-attempt"
import { createToOrderSaleWorkflow } from "../../src/workflows/backorders/workflows/create-to-order-sale"
import { refused } from "../helpers/api"
import { RequestHeaders, seedDemoStoreWithAdmin } from "../helpers/auth"
import { stockOf } from "../helpers/stock"

jest.setTimeout(180000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders
    let store: DemoStore
    let body: Record<string, unknown>

    beforeEach(async () => {
      ;({ store, admin } = await seedDemoStoreWithAdmin(getContainer()))
      body = {
        customer_id: store.customerId,
        location_id: store.shopLocationId,
        lines: [
          { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 2 },
        ],
        payment_policy: "pay_now",
      }
    })

    const backorderModule = (): BackorderModuleService =>
      getContainer().resolve("backorder")
    const sale = (
      key: string | undefined,
      payload: Record<string, unknown> = body
    ) =>
      api.post("/admin/to-order-sales", payload, {
        headers: {
          ...admin.headers,
          ...(key === undefined ? {} : { "idempotency-key": key }),
        },
      })
    const kettleAtShop = () =>
      stockOf(getContainer(), "KETTLE-MATTE", store.shopLocationId)
    const customerOrders = async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "status"],
        filters: { customer_id: store.customerId },
      })
      return data
    }
    const attemptsFor = (key: string) =>
      backorderModule().listToOrderSaleAttempts({ idempotency_key: key })
    const kettleItemId = async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["inventory_items.inventory_item_id"],
        filters: { id: store.variantIdsBySku["KETTLE-MATTE"] },
      })
      return data[0].inventory_items![0]!.inventory_item_id
    }

    describe("Idempotency-Key on to-order sales", () => {
      it("answers the same sale again for the same key and body, creating nothing new", async () => {
        const first = await sale("till-1-0001")
        expect(first.status).toBe(200)
        expect(first.headers["idempotent-replayed"]).toBeUndefined()
        const [attempt] = await attemptsFor("till-1-0001")
        expect(attempt).toEqual(
          expect.objectContaining({
            status: "completed",
            order_id: first.data.order.id,
            due_now: first.data.due_now,
            failure_reason: null,
          })
        )
        const stockAfterFirst = await kettleAtShop()
        expect(stockAfterFirst).toEqual({
          stocked: 0,
          reserved: 2,
          incoming: 0,
          available: -2,
        })

        // The connection was lost: the till sends the same request again.
        const second = await sale("till-1-0001", {
          payment_policy: "pay_now",
          lines: body.lines,
          location_id: body.location_id,
          customer_id: body.customer_id,
        })
        expect(second.status).toBe(200)
        expect(second.headers["idempotent-replayed"]).toBe("true")
        expect(second.data).toEqual(first.data)
        expect(await customerOrders()).toEqual([
          { id: first.data.order.id, status: "pending" },
        ])
        expect(
          (
            await backorderModule().listBackorders({
              customer_id: store.customerId,
            })
          ).map((b) => [b.order_id, Number(b.quantity)])
        ).toEqual([[first.data.order.id, 2]])
        expect(await kettleAtShop()).toEqual(stockAfterFirst)
        expect(await attemptsFor("till-1-0001")).toHaveLength(1)
      })

      it("refuses the same key with another request, naming the key, and changes nothing", async () => {
        const first = await sale("till-1-0002")
        const [attempt] = await attemptsFor("till-1-0002")
        const other = {
          ...body,
          lines: [
            { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 3 },
          ],
        }
        expect(await refused(sale("till-1-0002", other))).toEqual({
          status: 409,
          data: {
            type: "conflict",
            code: "invalid_state_error",
            message: `Idempotency-Key "till-1-0002" was used for another to-order sale (attempt ${attempt.id}, order ${first.data.order.id}) with a different request: send a new Idempotency-Key for a new sale`,
          },
        })
        expect(await customerOrders()).toHaveLength(1)
        expect((await kettleAtShop()).reserved).toBe(2)
        expect(await attemptsFor("till-1-0002")).toEqual([
          expect.objectContaining({ id: attempt.id, status: "completed" }),
        ])
      })

      it("answers a retry while the first try is still being made with a 409: retry with the same key", async () => {
        // The first try has been recorded and is still running on another instance.
        const {
          result: { attempt },
        } = await beginToOrderSaleAttemptWorkflow(getContainer()).run({
          input: {
            idempotency_key: "till-1-0003",
            request_hash: hashRequestBody(body),
          },
        })
        expect(await refused(sale("till-1-0003"))).toEqual({
          status: 409,
          data: {
            type: "conflict",
            code: "invalid_state_error",
            message: `The to-order sale with Idempotency-Key "till-1-0003" (attempt ${attempt.id}, order ${attempt.order_id}) is still being made, since ${new Date(attempt.started_at).toISOString()}: retry with the same Idempotency-Key to get its result`,
          },
        })
        expect(await customerOrders()).toEqual([])
        expect(await attemptsFor("till-1-0003")).toEqual([
          expect.objectContaining({ id: attempt.id, status: "pending" }),
        ])
      })

      it("refuses a key that is too long or not printable before doing anything", async () => {
        expect(await refused(sale("k".repeat(256)))).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message:
              "Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces), got 256 characters",
          },
        })
        expect(await refused(sale("till 1"))).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message:
              "Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces), got U+0020 at position 5",
          },
        })
        expect(await customerOrders()).toEqual([])
        expect(await backorderModule().listToOrderSaleAttempts({})).toEqual([])
        expect((await kettleAtShop()).reserved).toBe(0)
      })
    })

    describe("a conflict reaches the client with the plugin's message", () => {
      it("a sale that cannot get the inventory item lock answers 409 with the ids and the key to retry with, and the retry makes the sale", async () => {
        const locking = getContainer().resolve(Modules.LOCKING)
        const itemId = await kettleItemId()
        // Short waits in this test: the lock is held by "another instance" for longer.
        const options = backorderModule().getOptions()
        const shortWait = jest
          .spyOn(backorderModule(), "getOptions")
          .mockReturnValue({
            ...options,
            locking: { waitSeconds: 1, leaseSeconds: 5 },
          })
        await locking.acquire(itemId, { ownerId: "other-instance", expire: 60 })
        let conflict: { status: number; data: unknown }
        try {
          conflict = await refused(sale("till-1-0004"))
        } finally {
          await locking.release(itemId, { ownerId: "other-instance" })
          shortWait.mockRestore()
        }
        expect(conflict).toEqual({
          status: 409,
          data: {
            type: "conflict",
            code: "invalid_state_error",
            message: `Inventory items ${itemId} stayed locked by other changes for 1 seconds: nothing was changed, try again. The sale was not made: retry with the same Idempotency-Key "till-1-0004".`,
          },
        })
        // Nothing was sold and the try is marked failed.
        const [failed] = await attemptsFor("till-1-0004")
        expect(failed).toEqual(
          expect.objectContaining({
            status: "failed",
            failure_reason: `Inventory items ${itemId} stayed locked by other changes for 1 seconds: nothing was changed, try again`,
          })
        )
        expect(await customerOrders()).toEqual([])
        expect(await backorderModule().listBackorders({})).toEqual([])
        expect(await kettleAtShop()).toEqual({
          stocked: 0,
          reserved: 0,
          incoming: 0,
          available: 0,
        })

        const retry = await sale("till-1-0004")
        expect(retry.status).toBe(200)
        expect(retry.headers["idempotent-replayed"]).toBeUndefined()
        expect(retry.data.order.id).not.toBe(failed.order_id)
        expect(await attemptsFor("till-1-0004")).toEqual([
          expect.objectContaining({
            id: failed.id,
            status: "completed",
            order_id: retry.data.order.id,
            failure_reason: null,
          }),
        ])
        expect((await kettleAtShop()).reserved).toBe(2)
      })
    })

    describe("a sale half made by a process that died", () => {
      const orphanOf = async (key: string, minutesAgo: number) => {
        const container = getContainer()
        const {
          result: { attempt },
        } = await beginToOrderSaleAttemptWorkflow(container).run({
          input: { idempotency_key: key, request_hash: hashRequestBody(body) },
        })
        const startedAt = new Date(Date.now() - minutesAgo * 60 * 1000)
        await backorderModule().updateToOrderSaleAttempts({
          id: attempt.id,
          started_at: startedAt,
        })
        return { ...attempt, started_at: startedAt }
      }

      it("is found by the sweep and cancelled once: order cancelled, reservation and backorder gone, try marked failed; the same key then makes a fresh sale", async () => {
        const container = getContainer()
        const itemId = await kettleItemId()
        const attempt = await orphanOf("till-2-0007", 20)
        // What the dying process left: the order with the sale's metadata and one line, its
        // reservation and its backorder; no payment.
        await createOrderWorkflow(container).run({
          input: {
            id: attempt.order_id,
            customer_id: store.customerId,
            region_id: store.regionId,
            sales_channel_id: store.posChannelId,
            status: "pending",
            items: [
              {
                variant_id: store.variantIdsBySku["KETTLE-MATTE"],
                title: "Gooseneck Kettle",
                quantity: 2,
                unit_price: 49,
              },
            ],
            metadata: {
              to_order_sale: {
                location_id: store.shopLocationId,
                payment_policy: "pay_now",
                attempt_id: attempt.id,
              },
            },
          },
        })
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [orphan],
        } = await query.graph({
          entity: "order",
          fields: ["id", "status", "items.id"],
          filters: { id: attempt.order_id },
        })
        const lineItemId = orphan.items![0]!.id
        const inventory = container.resolve(Modules.INVENTORY)
        await inventory.createReservationItems([
          {
            line_item_id: lineItemId,
            inventory_item_id: itemId,
            location_id: store.shopLocationId,
            quantity: 2,
            allow_backorder: true,
          },
        ])
        const [backorder] = await backorderModule().createBackorders([
          {
            order_id: attempt.order_id,
            line_item_id: lineItemId,
            customer_id: store.customerId,
            variant_id: store.variantIdsBySku["KETTLE-MATTE"],
            inventory_item_id: itemId,
            location_id: store.shopLocationId,
            quantity: 2,
            source: "pos",
            payment_policy: "pay_now",
            currency_code: "eur",
            unit_price: 49,
          },
        ])
        expect((await kettleAtShop()).reserved).toBe(2)
        // A sale still being made holds its lock: the sweep leaves it alone, however old.
        const running = await orphanOf("till-2-0008", 20)
        const locking = container.resolve(Modules.LOCKING)
        await locking.acquire(toOrderSaleLockKey(running.id), {
          ownerId: "live-till",
          expire: 60,
        })
        // A try recorded a moment ago may not have taken its lock yet.
        const fresh = await orphanOf("till-2-0010", 0)

        // The job runs on two instances at once, then once more.
        const [one, two] = await Promise.all([
          cancelAbandonedToOrderSales(container),
          cancelAbandonedToOrderSales(container),
        ])
        expect([...one, ...two]).toEqual([attempt.id])
        expect(await cancelAbandonedToOrderSales(container)).toEqual([])
        await locking.release(toOrderSaleLockKey(running.id), {
          ownerId: "live-till",
        })

        const {
          data: [cancelled],
        } = await query.graph({
          entity: "order",
          fields: ["id", "status"],
          filters: { id: attempt.order_id },
        })
        expect(cancelled).toEqual({ id: attempt.order_id, status: "canceled" })
        expect(
          await inventory.listReservationItems({ line_item_id: lineItemId })
        ).toEqual([])
        expect(await kettleAtShop()).toEqual({
          stocked: 0,
          reserved: 0,
          incoming: 0,
          available: 0,
        })
        const [after] = await backorderModule().listBackorders({
          id: backorder.id,
        })
        expect([after.status, Number(after.cancelled_quantity)]).toEqual([
          "cancelled",
          2,
        ])
        expect(await attemptsFor("till-2-0007")).toEqual([
          expect.objectContaining({
            status: "failed",
            failure_reason:
              "Abandoned: the process making it stopped before it was finished",
          }),
        ])
        expect(await attemptsFor("till-2-0008")).toEqual([
          expect.objectContaining({ id: running.id, status: "pending" }),
        ])
        expect(await attemptsFor("till-2-0010")).toEqual([
          expect.objectContaining({ id: fresh.id, status: "pending" }),
        ])

        // The till retries with its key: a fresh sale, not the cancelled one.
        const retry = await sale("till-2-0007")
        expect(retry.status).toBe(200)
        expect(retry.data.order.id).not.toBe(attempt.order_id)
        expect(
          retry.data.backorders.map((b) => [b.status, b.quantity])
        ).toEqual([["new", 2]])
        expect((await attemptsFor("till-2-0007"))[0]).toEqual(
          expect.objectContaining({
            status: "completed",
            order_id: retry.data.order.id,
          })
        )
      })

      it("a try that died before its order was created is marked failed, with nothing to cancel", async () => {
        const attempt = await orphanOf("till-2-0009", 30)
        expect(await cancelAbandonedToOrderSales(getContainer())).toEqual([
          attempt.id,
        ])
        expect(await attemptsFor("till-2-0009")).toEqual([
          expect.objectContaining({ status: "failed" }),
        ])
        expect(await customerOrders()).toEqual([])
      })
    })

    describe("rollback", () => {
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

      it("undoes recording a try: a new one is removed, a failed one taken up again is put back", async () => {
        const container = getContainer()
        const input = {
          idempotency_key: "till-3-0001",
          request_hash: hashRequestBody(body),
        }
        const first = await failAfter(
          beginToOrderSaleAttemptWorkflow(container),
          "begin-to-order-sale-attempt-step"
        ).run({ input, throwOnError: false })
        expect(first.errors.map((e) => e.error.message)).toEqual([
          "Failure after begin-to-order-sale-attempt-step",
        ])
        expect(await attemptsFor("till-3-0001")).toEqual([])

        const {
          result: { attempt },
        } = await beginToOrderSaleAttemptWorkflow(container).run({ input })
        await backorderModule().updateToOrderSaleAttempts({
          id: attempt.id,
          status: "failed",
          failure_reason: "Lost a race",
        })
        const again = await failAfter(
          beginToOrderSaleAttemptWorkflow(container),
          "begin-to-order-sale-attempt-step"
        ).run({ input, throwOnError: false })
        expect(again.errors).toHaveLength(1)
        expect(await attemptsFor("till-3-0001")).toEqual([
          expect.objectContaining({
            id: attempt.id,
            status: "failed",
            order_id: attempt.order_id,
            failure_reason: "Lost a race",
          }),
        ])
      })

      it("undoes completing a try when a later step fails: the try is pending again and the sale is undone", async () => {
        const container = getContainer()
        const {
          result: { attempt },
        } = await beginToOrderSaleAttemptWorkflow(container).run({
          input: {
            idempotency_key: "till-3-0002",
            request_hash: hashRequestBody(body),
          },
        })
        const run = await failAfter(
          createToOrderSaleWorkflow(container),
          "complete-to-order-sale-attempt"
        ).run({
          input: {
            ...(body as any),
            attempt_id: attempt.id,
            order_id: attempt.order_id,
          },
          throwOnError: false,
        })
        expect(run.errors.map((e) => e.error.message)).toEqual([
          "Failure after complete-to-order-sale-attempt",
        ])
        expect(await attemptsFor("till-3-0002")).toEqual([
          expect.objectContaining({ status: "pending", due_now: null }),
        ])
        expect(await backorderModule().listBackorders({})).toEqual([])
        expect((await kettleAtShop()).reserved).toBe(0)
      })

      it("undoes claiming an abandoned try when cleaning up fails: the try is pending again for the next sweep", async () => {
        const container = getContainer()
        const {
          result: { attempt },
        } = await beginToOrderSaleAttemptWorkflow(container).run({
          input: {
            idempotency_key: "till-3-0003",
            request_hash: hashRequestBody(body),
          },
        })
        const run = await failAfter(
          cancelToOrderSaleAttemptWorkflow(container),
          "fail-to-order-sale-attempt"
        ).run({
          input: { attempt_id: attempt.id, reason: "Abandoned" },
          throwOnError: false,
        })
        expect(run.errors.map((e) => e.error.message)).toEqual([
          "Failure after fail-to-order-sale-attempt",
        ])
        expect(await attemptsFor("till-3-0003")).toEqual([
          expect.objectContaining({ status: "pending", failure_reason: null }),
        ])
      })
    })
  },
})
