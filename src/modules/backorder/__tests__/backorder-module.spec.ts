import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { BACKORDER_MODULE } from ".."
import BackorderModuleService from "../service"

jest.setTimeout(60000)

moduleIntegrationTestRunner<BackorderModuleService>({
  moduleName: BACKORDER_MODULE,
  resolve: path.join(__dirname, ".."),
  // Apply the committed migration, so the checks and indexes tested are the ones that ship.
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const createSupplier = (data: Record<string, unknown> = {}) =>
      service.createSuppliers({ name: "Acme Coffee Supply", ...data })

    const backorderData = (data: Record<string, unknown> = {}) => ({
      source: "pos" as const,
      order_id: "order_1",
      line_item_id: "ordli_1",
      customer_id: "cus_1",
      variant_id: "variant_1",
      inventory_item_id: "iitem_1",
      location_id: "sloc_shop",
      quantity: 3,
      ...data,
    })

    const createPurchaseOrder = async (data: Record<string, unknown> = {}) => {
      const supplier = await createSupplier()
      return service.createPurchaseOrders({
        supplier_id: supplier.id,
        location_id: "sloc_warehouse",
        ...data,
      })
    }

    describe("suppliers", () => {
      it("creates, lists and updates suppliers", async () => {
        const created = await createSupplier({
          code: "ACME",
          email: "orders@acme.test",
          default_lead_time_days: 5,
        })
        expect(created).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^sup_/),
            name: "Acme Coffee Supply",
            code: "ACME",
            default_lead_time_days: 5,
          })
        )

        await service.updateSuppliers({ id: created.id, name: "Acme Ltd" })
        const [suppliers, count] = await service.listAndCountSuppliers()
        expect(count).toBe(1)
        expect(suppliers[0].name).toBe("Acme Ltd")
      })

      it("refuses a negative lead time and a duplicate code", async () => {
        await expect(
          createSupplier({ default_lead_time_days: -1 })
        ).rejects.toThrow(/chk_supplier_default_lead_time_days/)

        await createSupplier({ code: "ACME" })
        await expect(createSupplier({ code: "ACME" })).rejects.toThrow(
          /already exists/
        )
        expect(await service.listSuppliers()).toHaveLength(1)
      })
    })

    describe("supplier terms per variant", () => {
      it("creates, lists and updates a supplier's terms", async () => {
        const supplier = await createSupplier()
        const terms = await service.createSupplierVariants({
          supplier_id: supplier.id,
          variant_id: "variant_1",
          supplier_sku: "AC-100",
          unit_cost: 12.5,
          lead_time_days: 7,
          minimum_order_quantity: 6,
          case_pack: 3,
          is_preferred: true,
        })
        expect(terms.id).toMatch(/^supvar_/)

        await service.updateSupplierVariants({ id: terms.id, unit_cost: 11 })
        const [listed] = await service.listSupplierVariants(
          { variant_id: "variant_1" },
          { relations: ["supplier"] }
        )
        expect(listed).toEqual(
          expect.objectContaining({
            supplier_sku: "AC-100",
            unit_cost: 11,
            lead_time_days: 7,
            minimum_order_quantity: 6,
            case_pack: 3,
            is_preferred: true,
            supplier: expect.objectContaining({ id: supplier.id }),
          })
        )
      })

      it("refuses a zero MOQ, a zero case pack, a negative cost and a second preferred supplier", async () => {
        const supplier = await createSupplier()
        const other = await createSupplier({ name: "Beans & Co" })
        const terms = { supplier_id: supplier.id, variant_id: "variant_1" }

        await expect(
          service.createSupplierVariants({
            ...terms,
            minimum_order_quantity: 0,
          })
        ).rejects.toThrow(/chk_supplier_variant_minimum_order_quantity/)
        await expect(
          service.createSupplierVariants({ ...terms, case_pack: 0 })
        ).rejects.toThrow(/chk_supplier_variant_case_pack/)
        await expect(
          service.createSupplierVariants({ ...terms, unit_cost: -1 })
        ).rejects.toThrow(/chk_supplier_variant_unit_cost/)

        await service.createSupplierVariants({ ...terms, is_preferred: true })
        await expect(
          service.createSupplierVariants({
            supplier_id: other.id,
            variant_id: "variant_1",
            is_preferred: true,
          })
        ).rejects.toThrow(/already exists/)
        await expect(service.createSupplierVariants(terms)).rejects.toThrow(
          /already exists/
        )
        expect(await service.listSupplierVariants()).toHaveLength(1)
      })
    })

    describe("backorders", () => {
      it("creates a backorder with status new and zero allocated, fulfilled and cancelled", async () => {
        const backorder = await service.createBackorders(backorderData())
        expect(backorder).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^bo_/),
            status: "new",
            source: "pos",
            quantity: 3,
            allocated_quantity: 0,
            fulfilled_quantity: 0,
            cancelled_quantity: 0,
            paid_amount: 0,
            priority: 0,
          })
        )
      })

      it("lists by status and location and updates quantities within the invariants", async () => {
        const first = await service.createBackorders(backorderData())
        await service.createBackorders(
          backorderData({
            line_item_id: "ordli_2",
            location_id: "sloc_warehouse",
          })
        )

        await service.updateBackorders({
          id: first.id,
          allocated_quantity: 2,
          fulfilled_quantity: 1,
          cancelled_quantity: 1,
          status: "available",
        })

        const [available, count] = await service.listAndCountBackorders({
          status: "available",
          location_id: "sloc_shop",
        })
        expect(count).toBe(1)
        expect(available[0]).toEqual(
          expect.objectContaining({
            id: first.id,
            allocated_quantity: 2,
            fulfilled_quantity: 1,
            cancelled_quantity: 1,
          })
        )
      })

      it("counts the list and the tabs exactly while small, and sums health in one pass", async () => {
        const now = new Date("2026-12-03T12:00:00Z")
        await service.createBackorders([
          backorderData({
            supplier_id: "sup_a",
            currency_code: "eur",
            paid_amount: 20,
            promised_at: new Date("2026-12-01T00:00:00Z"),
          }),
          backorderData({
            line_item_id: "ordli_2",
            status: "on_order",
            supplier_id: "sup_a",
            currency_code: "usd",
            paid_amount: 5,
          }),
          backorderData({
            line_item_id: "ordli_3",
            status: "cancelled",
            cancelled_quantity: 3,
            currency_code: "eur",
            paid_amount: 7,
          }),
        ])

        expect(
          await service.countBackorderList({ supplier_id: "sup_a" })
        ).toEqual({ count: 2, estimated: false })
        expect(
          await service.countBackorderTabs({ location_id: "sloc_shop" })
        ).toEqual({
          counts: {
            new: 1,
            on_order: 1,
            partially_available: 0,
            available: 0,
            fulfilled: 0,
            cancelled: 1,
          },
          estimated: [],
        })

        const groups = await service.groupBackordersBySupplier({})
        expect(groups).toHaveLength(2)
        expect(groups).toEqual(
          expect.arrayContaining([
            {
              supplier_id: "sup_a",
              count: 2,
              count_estimated: false,
              waiting_quantity: 6,
            },
            {
              supplier_id: null,
              count: 1,
              count_estimated: false,
              waiting_quantity: 0,
            },
          ])
        )
        expect(
          await service.groupBackordersBySupplier({ status: "on_order" })
        ).toEqual([
          {
            supplier_id: "sup_a",
            count: 1,
            count_estimated: false,
            waiting_quantity: 3,
          },
        ])

        const health = await service.summarizeBackorderHealth(now)
        expect(health).toEqual(
          expect.objectContaining({
            open_by_status: {
              new: 1,
              on_order: 1,
              partially_available: 0,
              available: 0,
            },
            open_count: 2,
            waiting_quantity: 6,
            late_count: 1,
            without_purchase_order_count: 1,
            // The cancelled backorder's money is not held for anyone.
            deposits_held: [
              { currency_code: "eur", amount: 20 },
              { currency_code: "usd", amount: 5 },
            ],
          })
        )
        expect(health.age_buckets.filter((b) => b.count > 0)).toEqual([
          { bucket: "0-7", status: "new", count: 1 },
          { bucket: "0-7", status: "on_order", count: 1 },
        ])
      })

      it.each([
        [{ quantity: 0 }, "chk_backorder_quantity_positive"],
        // PostgreSQL evaluates checks by name: -2 first breaks "allocated + cancelled <= quantity".
        [{ quantity: -2 }, "chk_backorder_allocated_cancelled_within_quantity"],
        [{ cancelled_quantity: -1 }, "chk_backorder_quantities_non_negative"],
        [
          { allocated_quantity: 2, cancelled_quantity: 2 },
          "chk_backorder_allocated_cancelled_within_quantity",
        ],
        [
          { allocated_quantity: 1, fulfilled_quantity: 2 },
          "chk_backorder_fulfilled_within_allocated",
        ],
        [{ paid_amount: -5 }, "chk_backorder_amounts_non_negative"],
      ])("refuses %j (%s)", async (data, check) => {
        await expect(
          service.createBackorders(backorderData(data))
        ).rejects.toThrow(new RegExp(check))
        expect(await service.listBackorders()).toHaveLength(0)
      })

      it("refuses an update that breaks an invariant and keeps the row", async () => {
        const backorder = await service.createBackorders(backorderData())
        await expect(
          service.updateBackorders({ id: backorder.id, allocated_quantity: 4 })
        ).rejects.toThrow(/chk_backorder_allocated_cancelled_within_quantity/)
        const unchanged = await service.retrieveBackorder(backorder.id)
        expect(unchanged.allocated_quantity).toBe(0)
      })

      it("refuses a second backorder for the same order line and an unknown status", async () => {
        await service.createBackorders(backorderData())
        await expect(service.createBackorders(backorderData())).rejects.toThrow(
          /already exists/
        )
        await expect(
          service.createBackorders(
            backorderData({ line_item_id: "ordli_9", status: "lost" })
          )
        ).rejects.toThrow(/backorder_status_check/)
        expect(await service.listBackorders()).toHaveLength(1)
      })
    })

    describe("purchase orders and their lines", () => {
      it("numbers purchase orders sequentially and links a follow-up to its parent", async () => {
        const first = await createPurchaseOrder()
        const followUp = await service.createPurchaseOrders({
          supplier_id: first.supplier_id,
          location_id: "sloc_warehouse",
          parent_id: first.id,
        })
        expect(first.status).toBe("draft")
        expect(followUp.display_id).toBe(first.display_id + 1)

        const [parent] = await service.listPurchaseOrders(
          { id: first.id },
          { relations: ["follow_ups", "supplier"] }
        )
        expect(parent.follow_ups.map((po) => po.id)).toEqual([followUp.id])

        await service.updatePurchaseOrders({ id: first.id, status: "ordered" })
        const [ordered] = await service.listPurchaseOrders({
          status: "ordered",
        })
        expect(ordered.id).toBe(first.id)
      })

      it("refuses a purchase order with no destination", async () => {
        await expect(
          createPurchaseOrder({ location_id: null })
        ).rejects.toThrow(/chk_purchase_order_destination/)
        await expect(
          createPurchaseOrder({ location_id: null, is_dropship: true })
        ).rejects.toThrow(/chk_purchase_order_destination/)
        const dropship = await createPurchaseOrder({
          location_id: null,
          is_dropship: true,
          dropship_customer_id: "cus_1",
          dropship_address: {
            address_1: "1 Main St",
            city: "Lyon",
            country_code: "fr",
          },
        })
        expect(dropship.is_dropship).toBe(true)
        expect(await service.listPurchaseOrders()).toHaveLength(1)
      })

      it("creates, updates and lists lines, and refuses quantities that break the invariants", async () => {
        const po = await createPurchaseOrder()
        const line = await service.createPurchaseOrderLines({
          purchase_order_id: po.id,
          variant_id: "variant_1",
          inventory_item_id: "iitem_1",
          quantity: 10,
          unit_cost: 4.2,
        })
        await service.updatePurchaseOrderLines({
          id: line.id,
          received_quantity: 6,
          cancelled_quantity: 4,
          stocked_quantity: 6,
        })
        const [listed] = await service.listPurchaseOrderLines({
          purchase_order_id: po.id,
        })
        expect(listed).toEqual(
          expect.objectContaining({
            quantity: 10,
            received_quantity: 6,
            cancelled_quantity: 4,
            stocked_quantity: 6,
            unit_cost: 4.2,
          })
        )

        await expect(
          service.updatePurchaseOrderLines({
            id: line.id,
            received_quantity: 7,
          })
        ).rejects.toThrow(
          /chk_purchase_order_line_received_cancelled_within_quantity/
        )
        await expect(
          service.updatePurchaseOrderLines({ id: line.id, stocked_quantity: 7 })
        ).rejects.toThrow(/chk_purchase_order_line_stocked_within_received/)
        await expect(
          service.createPurchaseOrderLines({
            purchase_order_id: po.id,
            variant_id: "variant_1",
            quantity: 0,
          })
        ).rejects.toThrow(/chk_purchase_order_line_quantity_positive/)
        await expect(
          service.createPurchaseOrderLines({
            purchase_order_id: po.id,
            variant_id: "variant_1",
            quantity: 1,
            unit_cost: -1,
          })
        ).rejects.toThrow(/chk_purchase_order_line_unit_cost/)

        const unchanged = await service.retrievePurchaseOrderLine(line.id)
        expect(unchanged.received_quantity).toBe(6)
        expect(await service.listPurchaseOrderLines()).toHaveLength(1)
      })

      it("links lines to the backorders they serve, once per pair", async () => {
        const po = await createPurchaseOrder()
        const line = await service.createPurchaseOrderLines({
          purchase_order_id: po.id,
          variant_id: "variant_1",
          quantity: 5,
        })
        const backorder = await service.createBackorders(backorderData())
        const link = await service.createPurchaseOrderLineBackorders({
          purchase_order_line_id: line.id,
          backorder_id: backorder.id,
          quantity: 3,
        })
        expect(link.id).toMatch(/^polbo_/)

        await service.updatePurchaseOrderLineBackorders({
          id: link.id,
          quantity: 2,
        })
        const [withLines] = await service.listBackorders(
          { id: backorder.id },
          { relations: ["purchase_order_lines.purchase_order_line"] }
        )
        expect(withLines.purchase_order_lines).toEqual([
          expect.objectContaining({
            quantity: 2,
            purchase_order_line: expect.objectContaining({ id: line.id }),
          }),
        ])

        await expect(
          service.createPurchaseOrderLineBackorders({
            purchase_order_line_id: line.id,
            backorder_id: backorder.id,
            quantity: 1,
          })
        ).rejects.toThrow(/already exists/)
        await expect(
          service.updatePurchaseOrderLineBackorders({
            id: link.id,
            quantity: 0,
          })
        ).rejects.toThrow(/chk_purchase_order_line_backorder_quantity_positive/)
      })
    })

    describe("receipts", () => {
      it("records receipts with lines, updates them, and counts an idempotency key once per purchase order", async () => {
        const po = await createPurchaseOrder()
        const line = await service.createPurchaseOrderLines({
          purchase_order_id: po.id,
          variant_id: "variant_1",
          quantity: 5,
        })
        const receivedAt = new Date("2026-11-20T10:00:00.000Z")
        const receipt = await service.createReceipts({
          purchase_order_id: po.id,
          received_at: receivedAt,
          received_by: "user_1",
          idempotency_key: "rcv-1",
          lines: [{ purchase_order_line_id: line.id, quantity: 2 }],
        })
        expect(receipt.id).toMatch(/^rcpt_/)

        await service.updateReceipts({ id: receipt.id, note: "box 1 of 2" })
        const [listed] = await service.listReceipts(
          { purchase_order_id: po.id },
          { relations: ["lines"] }
        )
        expect(listed).toEqual(
          expect.objectContaining({
            note: "box 1 of 2",
            received_at: receivedAt,
            lines: [expect.objectContaining({ quantity: 2, stocked_at: null })],
          })
        )

        const [receiptLine] = await service.listReceiptLines({
          receipt_id: receipt.id,
        })
        await service.updateReceiptLines({
          id: receiptLine.id,
          stocked_at: receivedAt,
        })
        expect(
          (await service.retrieveReceiptLine(receiptLine.id)).stocked_at
        ).toEqual(receivedAt)

        await expect(
          service.createReceipts({
            purchase_order_id: po.id,
            received_at: receivedAt,
            idempotency_key: "rcv-1",
          })
        ).rejects.toThrow(/already exists/)
        await expect(
          service.createReceiptLines({
            receipt_id: receipt.id,
            purchase_order_line_id: line.id,
            quantity: 0,
          })
        ).rejects.toThrow(/chk_receipt_line_quantity_positive/)
        expect(await service.listReceipts()).toHaveLength(1)
        expect(await service.listReceiptLines()).toHaveLength(1)
      })
    })

    describe("allocation ledger", () => {
      it("records allocations and releases with their reason, and refuses a zero row", async () => {
        const backorder = await service.createBackorders(backorderData())
        const allocation = await service.createAllocations({
          backorder_id: backorder.id,
          inventory_item_id: "iitem_1",
          location_id: "sloc_shop",
          quantity: 2,
          source: "receipt",
          rule: "linked_purchase_order",
          reason: "linked to PO-0001",
        })
        const release = await service.createAllocations({
          backorder_id: backorder.id,
          inventory_item_id: "iitem_1",
          location_id: "sloc_shop",
          quantity: -1,
          source: "override",
          rule: "manual",
          reason: "released to a priority customer",
          counterpart_backorder_id: "bo_other",
        })
        await service.updateAllocations({
          id: release.id,
          note: "approved by manager",
        })

        const ledger = await service.listAllocations(
          { backorder_id: backorder.id },
          { order: { created_at: "ASC" } }
        )
        expect(
          ledger.map((row) => [row.id, row.quantity, row.reason, row.note])
        ).toEqual([
          [allocation.id, 2, "linked to PO-0001", null],
          [
            release.id,
            -1,
            "released to a priority customer",
            "approved by manager",
          ],
        ])

        await expect(
          service.createAllocations({
            backorder_id: backorder.id,
            inventory_item_id: "iitem_1",
            location_id: "sloc_shop",
            quantity: 0,
            source: "receipt",
            rule: "fifo",
            reason: "oldest order",
          })
        ).rejects.toThrow(/chk_allocation_quantity_not_zero/)
        expect(await service.listAllocations()).toHaveLength(2)
      })
    })

    describe("supplier groups over a large history", () => {
      it("counts the open backorders and the small histories exactly and estimates a large one, flagged", async () => {
        const knex = MikroOrmWrapper.forkManager().getKnex()
        // 60,000 fulfilled backorders of one supplier (more than EXACT_COUNT_LIMIT), three of
        // another and two cancelled ones with no supplier, written as a history would be.
        const history = (
          prefix: string,
          count: number,
          status: string,
          supplier: string | null
        ) =>
          knex.raw(
            `INSERT INTO backorder (id, status, source, order_id, line_item_id, variant_id,
               inventory_item_id, location_id, supplier_id, quantity, raw_quantity)
             SELECT 'bo_' || :prefix || g, :status, 'storefront', 'order_' || :prefix || g,
                    'ordli_' || :prefix || g, 'variant_1', 'iitem_1', 'sloc_shop', :supplier, 1,
                    '{"value": "1", "precision": 20}'
             FROM generate_series(1, :count) g`,
            { prefix, count, status, supplier }
          )
        await history("big_", 60000, "fulfilled", "sup_big")
        await history("small_", 3, "fulfilled", "sup_small")
        await history("none_", 2, "cancelled", null)
        await service.createBackorders([
          backorderData({
            line_item_id: "ordli_open_1",
            supplier_id: "sup_big",
          }),
          backorderData({
            line_item_id: "ordli_open_2",
            supplier_id: "sup_small",
            status: "on_order",
            quantity: 2,
          }),
        ])
        await knex.raw("ANALYZE backorder")

        const groups = await service.groupBackordersBySupplier({})
        const bySupplier = new Map(groups.map((g) => [g.supplier_id, g]))
        expect(groups).toHaveLength(3)
        expect(bySupplier.get("sup_small")).toEqual({
          supplier_id: "sup_small",
          count: 4,
          count_estimated: false,
          waiting_quantity: 2,
        })
        expect(bySupplier.get(null)).toEqual({
          supplier_id: null,
          count: 2,
          count_estimated: false,
          waiting_quantity: 0,
        })
        // The open one exactly plus the planner's estimate of the 60,000 (ANALYZE samples
        // 30,000 rows, so the estimate is within a fraction of a percent).
        const big = bySupplier.get("sup_big")!
        expect(big).toEqual({
          supplier_id: "sup_big",
          count: expect.any(Number),
          count_estimated: true,
          waiting_quantity: 3,
        })
        expect(Math.abs(big.count - 60001)).toBeLessThanOrEqual(600)

        // Without the history nothing is estimated.
        expect(
          await service.groupBackordersBySupplier({
            status: ["new", "on_order"],
          })
        ).toEqual(
          expect.arrayContaining([
            {
              supplier_id: "sup_big",
              count: 1,
              count_estimated: false,
              waiting_quantity: 3,
            },
            {
              supplier_id: "sup_small",
              count: 1,
              count_estimated: false,
              waiting_quantity: 2,
            },
          ])
        )
        // A history small enough under the filters is counted exactly.
        expect(
          await service.groupBackordersBySupplier({ status: "cancelled" })
        ).toEqual([
          {
            supplier_id: null,
            count: 2,
            count_estimated: false,
            waiting_quantity: 0,
          },
        ])
      })
    })
  },
})
