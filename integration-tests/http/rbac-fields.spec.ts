import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { BACKORDER_POLICY_KEYS } from "../../src/types/policies"
import {
  createAdminUserWithRoles,
  createRole,
  RequestHeaders,
} from "../helpers/auth"

jest.setTimeout(180000)

// Set before the runner loads medusa-config.ts (its `env` option is applied after that): the
// RBAC module on, and Medusa's `rbac_filter_fields` flag, which leaves out of an answer the
// related records a role may not read.
process.env.MEDUSA_FF_RBAC = "true"
process.env.MEDUSA_FF_RBAC_FILTER_FIELDS = "true"

medusaIntegrationTestRunner({
  env: { MEDUSA_FF_RBAC: "true", MEDUSA_FF_RBAC_FILTER_FIELDS: "true" },
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let manager: RequestHeaders
    let reader: RequestHeaders
    let customerReader: RequestHeaders

    beforeEach(async () => {
      const container = getContainer()
      store = await seedDemoStore(container)
      const role = (name: string, keys: string[]) =>
        createRole(container, name, keys)
      manager = await createAdminUserWithRoles(
        container,
        "manager@backorders.test",
        [await role("Purchasing manager", BACKORDER_POLICY_KEYS)]
      )
      reader = await createAdminUserWithRoles(
        container,
        "reader@backorders.test",
        [await role("Backorder reader", ["backorder:read"])]
      )
      customerReader = await createAdminUserWithRoles(
        container,
        "service@backorders.test",
        [
          await role("Customer service", [
            "backorder:read",
            "customer:read",
            "order:read",
          ]),
        ]
      )
    })

    it("answers a backorder's customer and order only to a role that may read them", async () => {
      const sale = await api.post(
        "/admin/to-order-sales",
        {
          customer_id: store.customerId,
          location_id: store.shopLocationId,
          lines: [
            { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 1 },
          ],
          payment_policy: "pay_now",
        },
        manager
      )
      const { id } = sale.data.backorders[0]
      const fields = "id,status,customer.email,order.display_id"

      const asReader = (
        await api.get(`/admin/backorders/${id}?fields=${fields}`, reader)
      ).data.backorder
      expect(asReader).toEqual(expect.objectContaining({ id, status: "new" }))
      expect([asReader.customer, asReader.order]).toEqual([
        undefined,
        undefined,
      ])
      const listed = (
        await api.get(`/admin/backorders?fields=${fields}`, reader)
      ).data.backorders
      expect(listed.map((b) => [b.id, b.customer, b.order])).toEqual([
        [id, undefined, undefined],
      ])

      const asService = (
        await api.get(
          `/admin/backorders/${id}?fields=${fields}`,
          customerReader
        )
      ).data.backorder
      expect([asService.customer?.email, asService.order?.display_id]).toEqual([
        "jane@example.com",
        sale.data.order.display_id,
      ])
    })
  },
})
