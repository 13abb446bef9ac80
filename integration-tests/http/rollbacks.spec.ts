import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { allocateFreeStockWorkflow } from "../../src/workflows/allocation/workflows/allocate-free-stock"
import { editPurchaseOrderLinesWorkflow } from "../../src/workflows/purchasing/workflows/edit-purchase-order-lines"
import { updatePurchaseOrderWorkflow } from "../../src/workflows/purchasing/workflows/update-purchase-order"
import { createSuppliersWorkflow } from "../../src/workflows/suppliers/workflows/create-suppliers"
import { deleteSupplierVariantsWorkflow } from "../../src/workflows/suppliers/workflows/delete-supplier-variants"
import { deleteSuppliersWorkflow } from "../../src/workflows/suppliers/workflows/delete-suppliers"
import { updateSuppliersWorkflow } from "../../src/workflows/suppliers/workflows/update-suppliers"
import { RequestHeaders, seedDemoStoreWithAdmin } from "../helpers/auth"
import { stockOf } from "../helpers/stock"

jest.setTimeout(180000)

/**
 * Every mutating workflow is undone when a step after it fails (appended at the end of the
 * flow): what it changed is back as it was.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders
    let store: DemoStore

    beforeEach(async () => {
      ;({ store, admin } = await seedDemoStoreWithAdmin(getContainer()))
    })

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
      expect(result.errors.map((e) => e.error.message)).toEqual([
        "Later step failed",
      ])

    it("suppliers: create, update, delete and removing terms are undone", async () => {
      const container = getContainer()
      const listNames = async () =>
        (
          await api.get("/admin/suppliers?order=name", admin)
        ).data.suppliers.map((s) => s.name)
      const before = await listNames()

      expectFailure(
        await failing(
          createSuppliersWorkflow(container),
          "create-suppliers-step"
        ).run({
          input: { suppliers: [{ name: "Ghost Supplier" }] },
          throwOnError: false,
        })
      )
      expect(await listNames()).toEqual(before)

      const ncs = store.supplierIdsByCode["NCS"]
      expectFailure(
        await failing(
          updateSuppliersWorkflow(container),
          "update-suppliers-step"
        ).run({
          input: { suppliers: [{ id: ncs, name: "Renamed" }] },
          throwOnError: false,
        })
      )
      expect(await listNames()).toEqual(before)

      expectFailure(
        await failing(
          deleteSuppliersWorkflow(container),
          "delete-suppliers-step"
        ).run({
          input: { ids: [ncs] },
          throwOnError: false,
        })
      )
      expect(await listNames()).toEqual(before)

      const terms = (await api.get(`/admin/suppliers/${ncs}/variants`, admin))
        .data
      expectFailure(
        await failing(
          deleteSupplierVariantsWorkflow(container),
          "delete-supplier-variants-step"
        ).run({
          input: { supplier_id: ncs, ids: [terms.supplier_variants[0].id] },
          throwOnError: false,
        })
      )
      expect(
        (await api.get(`/admin/suppliers/${ncs}/variants`, admin)).data.count
      ).toBe(terms.count)
    })

    it("purchase orders: ETA change and line edits are undone, promise dates included", async () => {
      const container = getContainer()
      const { data: sold } = await api.post(
        "/admin/to-order-sales",
        {
          customer_id: store.customerId,
          location_id: store.shopLocationId,
          lines: [
            { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 2 },
          ],
          payment_policy: "pay_now",
        },
        admin
      )
      const backorderId = sold.backorders[0].id
      const [draft] = (
        await api.post(
          "/admin/purchase-orders/request-stock",
          {
            backorder_ids: [backorderId],
            expected_at: "2026-12-01T00:00:00.000Z",
          },
          admin
        )
      ).data.purchase_orders

      expectFailure(
        await failing(
          editPurchaseOrderLinesWorkflow(container),
          "edit-purchase-order-lines-step"
        ).run({
          input: {
            id: draft.id,
            update: [{ id: draft.lines[0].id, quantity: 12 }],
          },
          throwOnError: false,
        })
      )
      const afterEdit = (
        await api.get(`/admin/purchase-orders/${draft.id}`, admin)
      ).data.purchase_order
      expect(afterEdit.lines.map((l) => l.quantity)).toEqual([6])

      await api.post(`/admin/purchase-orders/${draft.id}/send`, {}, admin)
      expectFailure(
        await failing(
          updatePurchaseOrderWorkflow(container),
          "update-purchase-order-details"
        ).run({
          input: { id: draft.id, expected_at: "2027-02-01T00:00:00.000Z" },
          throwOnError: false,
        })
      )
      const po = (await api.get(`/admin/purchase-orders/${draft.id}`, admin))
        .data.purchase_order
      expect(po.expected_at).toBe("2026-12-01T00:00:00.000Z")
      const backorder = (
        await api.get(`/admin/backorders/${backorderId}`, admin)
      ).data.backorder
      expect(backorder.promised_at).toBe("2026-12-01T00:00:00.000Z")
    })

    it("allocating free stock is undone", async () => {
      const container = getContainer()
      const { data: sold } = await api.post(
        "/admin/to-order-sales",
        {
          customer_id: store.customerId,
          location_id: store.shopLocationId,
          lines: [
            { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 2 },
          ],
          payment_policy: "pay_now",
        },
        admin
      )
      const inventory = container.resolve(Modules.INVENTORY)
      const { data: variants } = await container.resolve("query").graph({
        entity: "product_variant",
        fields: ["inventory_items.inventory_item_id"],
        filters: { sku: "KETTLE-MATTE" },
      })
      const itemId = variants[0].inventory_items[0].inventory_item_id
      // Stock appears without an event (as a direct module call would).
      const [level] = await inventory.listInventoryLevels({
        inventory_item_id: itemId,
        location_id: store.shopLocationId,
      })
      await inventory.updateInventoryLevels([
        {
          inventory_item_id: itemId,
          location_id: store.shopLocationId,
          stocked_quantity: 2,
        },
      ])

      expectFailure(
        await failing(
          allocateFreeStockWorkflow(container),
          "allocate-arrived-stock"
        ).run({
          input: { inventory_level_ids: [level.id] },
          throwOnError: false,
        })
      )
      const backorder = (
        await api.get(`/admin/backorders/${sold.backorders[0].id}`, admin)
      ).data.backorder
      expect(backorder).toEqual(
        expect.objectContaining({ status: "new", allocated_quantity: 0 })
      )
      expect(
        await stockOf(container, "KETTLE-MATTE", store.shopLocationId)
      ).toEqual({
        stocked: 2,
        reserved: 2,
        incoming: 0,
        available: 0,
      })
    })
  },
})
