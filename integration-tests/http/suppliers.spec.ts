import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { BACKORDER_MODULE } from "../../src/modules/backorder"
import BackorderModuleService from "../../src/modules/backorder/service"
import { upsertSupplierVariantsWorkflow } from "../../src/workflows/suppliers/workflows/upsert-supplier-variants"
import { refused } from "../helpers/api"
import { RequestHeaders, seedDemoStoreWithAdmin } from "../helpers/auth"

jest.setTimeout(180000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders
    let store: DemoStore

    beforeEach(async () => {
      ;({ store, admin } = await seedDemoStoreWithAdmin(getContainer()))
    })

    const preferredOf = async (sku: string) => {
      const res = await api.get(
        `/admin/suppliers/${store.supplierIdsByCode["NCS"]}/variants?variant_id=${store.variantIdsBySku[sku]}`,
        admin
      )
      const other = await api.get(
        `/admin/suppliers/${store.supplierIdsByCode["BWW"]}/variants?variant_id=${store.variantIdsBySku[sku]}`,
        admin
      )
      return {
        NCS: res.data.supplier_variants[0]?.is_preferred,
        BWW: other.data.supplier_variants[0]?.is_preferred,
      }
    }

    describe("suppliers", () => {
      it("creates, lists, searches, updates, retrieves and deletes a supplier", async () => {
        const created = await api.post(
          "/admin/suppliers",
          {
            name: "Roastery Direct",
            code: "RD",
            email: "buy@roastery.example",
            currency_code: "EUR",
            default_lead_time_days: 4,
            address: { city: "Ghent", country_code: "be" },
          },
          admin
        )
        expect(created.data.supplier).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^sup_/),
            name: "Roastery Direct",
            code: "RD",
            currency_code: "eur",
            default_lead_time_days: 4,
            address: { city: "Ghent", country_code: "be" },
          })
        )
        const id = created.data.supplier.id

        const list = await api.get("/admin/suppliers?order=name", admin)
        expect(list.data.count).toBe(3)
        expect(list.data.suppliers.map((s) => s.name)).toEqual([
          "Brewware Wholesale",
          "Nordic Coffee Supply",
          "Roastery Direct",
        ])
        const found = await api.get("/admin/suppliers?q=roast", admin)
        expect(found.data.suppliers.map((s) => s.id)).toEqual([id])

        const updated = await api.post(
          `/admin/suppliers/${id}`,
          { default_lead_time_days: 6, notes: "Ships Mondays" },
          admin
        )
        expect(updated.data.supplier).toEqual(
          expect.objectContaining({
            name: "Roastery Direct",
            default_lead_time_days: 6,
            notes: "Ships Mondays",
          })
        )
        expect(
          (await api.get(`/admin/suppliers/${id}`, admin)).data.supplier.notes
        ).toBe("Ships Mondays")

        const deleted = await api.delete(`/admin/suppliers/${id}`, admin)
        expect(deleted.data).toEqual({ id, object: "supplier", deleted: true })
        expect((await api.get("/admin/suppliers", admin)).data.count).toBe(2)
      })

      it("refuses bad input, unknown ids, a duplicate code, deleting a supplier with open purchase orders, and anonymous requests", async () => {
        expect(
          await refused(
            api.post("/admin/suppliers", { email: "buyer@example.com" }, admin)
          )
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message: "Invalid request: Field 'name' is required",
          },
        })
        expect(
          await refused(
            api.post(
              "/admin/suppliers",
              { name: "Late", default_lead_time_days: -2 },
              admin
            )
          )
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message:
              "Invalid request: Value for field 'default_lead_time_days' too small, expected at least: '0'",
          },
        })
        const duplicate = await refused(
          api.post("/admin/suppliers", { name: "Copy", code: "NCS" }, admin)
        )
        expect(duplicate.status).toBe(400)
        expect(duplicate.data.type).toBe("invalid_data")
        expect(duplicate.data.message).toContain("already exists")

        expect(
          await refused(
            api.post("/admin/suppliers/sup_missing", { name: "X" }, admin)
          )
        ).toEqual({
          status: 404,
          data: {
            type: "not_found",
            message: "Supplier id not found: sup_missing",
          },
        })
        expect(
          await refused(api.delete("/admin/suppliers/sup_missing", admin))
        ).toEqual({
          status: 404,
          data: {
            type: "not_found",
            message: "Supplier with id: sup_missing was not found",
          },
        })

        const service: BackorderModuleService =
          getContainer().resolve(BACKORDER_MODULE)
        const po = await service.createPurchaseOrders({
          supplier_id: store.supplierIdsByCode["BWW"],
          location_id: store.shopLocationId,
        })
        expect(
          await refused(
            api.delete(
              `/admin/suppliers/${store.supplierIdsByCode["BWW"]}`,
              admin
            )
          )
        ).toEqual({
          status: 400,
          data: {
            type: "not_allowed",
            message: `Supplier ${store.supplierIdsByCode["BWW"]} has open purchase orders (PO-${String(po.display_id).padStart(4, "0")}): close or cancel them first`,
          },
        })
        expect((await api.get("/admin/suppliers", admin)).data.count).toBe(2)

        const anonymous = await refused(api.get("/admin/suppliers"))
        expect(anonymous.status).toBe(401)
      })
    })

    describe("supplier terms per variant", () => {
      it("adds terms, moves the preferred flag between suppliers of a variant, updates and removes terms", async () => {
        const supplier = (
          await api.post("/admin/suppliers", { name: "Roastery Direct" }, admin)
        ).data.supplier
        const kettle = store.variantIdsBySku["KETTLE-MATTE"]

        const created = await api.post(
          `/admin/suppliers/${supplier.id}/variants`,
          {
            variant_id: kettle,
            supplier_sku: "RD-KTL",
            unit_cost: 35.5,
            lead_time_days: 10,
            minimum_order_quantity: 4,
            case_pack: 2,
          },
          admin
        )
        expect(created.data.supplier_variant).toEqual(
          expect.objectContaining({
            supplier_id: supplier.id,
            variant_id: kettle,
            inventory_item_id: expect.stringMatching(/^iitem_/),
            supplier_sku: "RD-KTL",
            unit_cost: 35.5,
            lead_time_days: 10,
            minimum_order_quantity: 4,
            case_pack: 2,
            is_preferred: false,
          })
        )

        // Grinder Black: Nordic is preferred; make Brewware preferred instead.
        expect(await preferredOf("GRINDER-BLACK")).toEqual({
          NCS: true,
          BWW: false,
        })
        const bwwTerms = (
          await api.get(
            `/admin/suppliers/${store.supplierIdsByCode["BWW"]}/variants?variant_id=${store.variantIdsBySku["GRINDER-BLACK"]}`,
            admin
          )
        ).data.supplier_variants[0]
        const promoted = await api.post(
          `/admin/suppliers/${store.supplierIdsByCode["BWW"]}/variants/${bwwTerms.id}`,
          { is_preferred: true, unit_cost: 145 },
          admin
        )
        expect(promoted.data.supplier_variant).toEqual(
          expect.objectContaining({ is_preferred: true, unit_cost: 145 })
        )
        expect(await preferredOf("GRINDER-BLACK")).toEqual({
          NCS: false,
          BWW: true,
        })

        const removed = await api.delete(
          `/admin/suppliers/${supplier.id}/variants/${created.data.supplier_variant.id}`,
          admin
        )
        expect(removed.data).toEqual({
          id: created.data.supplier_variant.id,
          object: "supplier_variant",
          deleted: true,
        })
        expect(
          (await api.get(`/admin/suppliers/${supplier.id}/variants`, admin))
            .data.count
        ).toBe(0)
      })

      it("refuses an unknown variant, zero MOQ and case pack, and another supplier's terms", async () => {
        const ncs = store.supplierIdsByCode["NCS"]
        expect(
          await refused(
            api.post(
              `/admin/suppliers/${ncs}/variants`,
              { variant_id: "variant_missing" },
              admin
            )
          )
        ).toEqual({
          status: 404,
          data: {
            type: "not_found",
            message: "Variant variant_missing was not found",
          },
        })
        expect(
          await refused(
            api.post(
              `/admin/suppliers/${ncs}/variants`,
              {
                variant_id: store.variantIdsBySku["KETTLE-MATTE"],
                case_pack: 0,
              },
              admin
            )
          )
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message:
              "Invalid request: Quantity must be a whole number of units of at least 1, got 0",
          },
        })
        const bwwKettle = (
          await api.get(
            `/admin/suppliers/${store.supplierIdsByCode["BWW"]}/variants`,
            admin
          )
        ).data.supplier_variants.find(
          (t) => t.variant_id === store.variantIdsBySku["KETTLE-MATTE"]
        )
        expect(
          await refused(
            api.post(
              `/admin/suppliers/${ncs}/variants/${bwwKettle.id}`,
              { unit_cost: 1 },
              admin
            )
          )
        ).toEqual({
          status: 404,
          data: {
            type: "not_found",
            message: `Supplier ${ncs} has no variant terms with id: ${bwwKettle.id}`,
          },
        })
        expect(await preferredOf("KETTLE-MATTE")).toEqual({
          NCS: undefined,
          BWW: true,
        })
      })

      it("refuses terms a supplier already has for the variant or given twice, and leaves the preferred supplier as it was", async () => {
        // Grinder Black: Nordic is preferred, Brewware has terms too.
        const ncs = store.supplierIdsByCode["NCS"]
        const bww = store.supplierIdsByCode["BWW"]
        const grinder = store.variantIdsBySku["GRINDER-BLACK"]
        const termsOf = async (supplierId: string) =>
          (
            await api.get(
              `/admin/suppliers/${supplierId}/variants?variant_id=${grinder}`,
              admin
            )
          ).data.supplier_variants
        const [bwwTerms] = await termsOf(bww)
        const [ncsTerms] = await termsOf(ncs)
        expect(await preferredOf("GRINDER-BLACK")).toEqual({
          NCS: true,
          BWW: false,
        })

        expect(
          await refused(
            api.post(
              `/admin/suppliers/${bww}/variants`,
              { variant_id: grinder, is_preferred: true, unit_cost: 1 },
              admin
            )
          )
        ).toEqual({
          status: 400,
          data: {
            type: "invalid_data",
            message: `Supplier ${bww} already has terms for variant ${grinder} (${bwwTerms.id}); change them with POST /admin/suppliers/${bww}/variants/${bwwTerms.id}`,
          },
        })
        // Nordic is still preferred, and neither supplier's terms changed.
        expect(await preferredOf("GRINDER-BLACK")).toEqual({
          NCS: true,
          BWW: false,
        })
        expect(await termsOf(bww)).toEqual([bwwTerms])
        expect(await termsOf(ncs)).toEqual([ncsTerms])

        // The same variant twice in one call (Kettle: Brewware is preferred, Nordic has no
        // terms): refused before anything changes.
        const kettle = store.variantIdsBySku["KETTLE-MATTE"]
        const twice = await upsertSupplierVariantsWorkflow(getContainer()).run({
          input: {
            supplier_id: ncs,
            create: [
              { variant_id: kettle, is_preferred: true },
              { variant_id: kettle },
            ],
          },
          throwOnError: false,
        })
        expect(twice.errors.map((e) => e.error.message)).toEqual([
          `Terms of supplier ${ncs} for variant ${kettle} are given more than once`,
        ])
        expect(await preferredOf("KETTLE-MATTE")).toEqual({
          NCS: undefined,
          BWW: true,
        })
      })

      it("leaves the preferred supplier as it was when the terms cannot be written", async () => {
        // Kettle: Brewware is preferred, Nordic has no terms. The database refuses a minimum
        // order of 0 (the route refuses it before; the workflow is called directly here) after
        // the flag was taken from Brewware.
        const { errors } = await upsertSupplierVariantsWorkflow(
          getContainer()
        ).run({
          input: {
            supplier_id: store.supplierIdsByCode["NCS"],
            create: [
              {
                variant_id: store.variantIdsBySku["KETTLE-MATTE"],
                is_preferred: true,
                minimum_order_quantity: 0,
              },
            ],
          },
          throwOnError: false,
        })
        expect(errors.map((e) => e.error.message)).toEqual([
          expect.stringContaining(
            "chk_supplier_variant_minimum_order_quantity"
          ),
        ])
        expect(await preferredOf("KETTLE-MATTE")).toEqual({
          NCS: undefined,
          BWW: true,
        })
      })

      it("rolls the preferred flag back when a later step fails", async () => {
        const workflow = upsertSupplierVariantsWorkflow(getContainer())
        workflow.appendAction(
          "fail-after-upsert",
          "upsert-supplier-variants-step",
          {
            invoke: async () => {
              throw new Error("Failure after the upsert")
            },
          }
        )
        const { errors } = await workflow.run({
          input: {
            supplier_id: store.supplierIdsByCode["BWW"],
            create: [
              {
                variant_id: store.variantIdsBySku["ESPRESSO-STEEL"],
                is_preferred: true,
              },
            ],
          },
          throwOnError: false,
        })
        expect(errors.map((e) => e.error.message)).toEqual([
          "Failure after the upsert",
        ])
        expect(await preferredOf("ESPRESSO-STEEL")).toEqual({
          NCS: true,
          BWW: undefined,
        })
      })
    })
  },
})
