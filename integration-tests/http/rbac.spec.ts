import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { BACKORDER_POLICY_KEYS } from "../../src/types/policies"
import { refused } from "../helpers/api"
import {
  createAdminUser,
  createAdminUserWithRoles,
  createRole,
  RequestHeaders,
} from "../helpers/auth"
import { stockOf } from "../helpers/stock"

jest.setTimeout(180000)

// Set before the runner loads medusa-config.ts (its `env` option is applied after that), so
// the host adds the RBAC module; Jest gives each test file a process.env of its own.
process.env.MEDUSA_FF_RBAC = "true"

// TechPOS: "Users must have permission to Complete Purchase Orders". The development host
// with Medusa's `rbac` feature flag and RBAC module on.
medusaIntegrationTestRunner({
  env: { MEDUSA_FF_RBAC: "true" },
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let manager: RequestHeaders
    let clerk: RequestHeaders

    beforeEach(async () => {
      const container = getContainer()
      store = await seedDemoStore(container)
      const managerRole = await createRole(
        container,
        "Purchasing manager",
        BACKORDER_POLICY_KEYS
      )
      const clerkRole = await createRole(container, "Receiving clerk", [
        "backorder:read",
        "purchase_order:read",
        "purchase_order:receive",
      ])
      manager = await createAdminUserWithRoles(
        container,
        "manager@backorders.test",
        [managerRole]
      )
      clerk = await createAdminUserWithRoles(
        container,
        "clerk@backorders.test",
        [clerkRole]
      )
    })

    const orderedKettles = async () => {
      const sale = await api.post(
        "/admin/to-order-sales",
        {
          customer_id: store.customerId,
          location_id: store.shopLocationId,
          lines: [
            { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 2 },
          ],
          payment_policy: "pay_now",
        },
        manager
      )
      const backorder = sale.data.backorders[0]
      const [po] = (
        await api.post(
          "/admin/purchase-orders/request-stock",
          { backorder_ids: [backorder.id] },
          manager
        )
      ).data.purchase_orders
      const sent = await api.post(
        `/admin/purchase-orders/${po.id}/send`,
        {},
        manager
      )
      return { backorder, po: sent.data.purchase_order }
    }
    const kettleAtShop = () =>
      stockOf(getContainer(), "KETTLE-MATTE", store.shopLocationId)
    const getPurchaseOrder = async (id: string) =>
      (await api.get(`/admin/purchase-orders/${id}`, manager)).data
        .purchase_order

    it("lists the plugin's policies in Medusa's permissions of the signed-in user", async () => {
      const clerkPermissions = await api.get(
        "/admin/rbac/me/permissions",
        clerk
      )
      expect(clerkPermissions.data.permissions).toEqual([
        "backorder:read",
        "purchase_order:read",
        "purchase_order:receive",
      ])
      const managerPermissions = await api.get(
        "/admin/rbac/me/permissions",
        manager
      )
      expect(managerPermissions.data.permissions).toEqual(
        [...BACKORDER_POLICY_KEYS].sort()
      )
    })

    it("lets the receiving clerk receive but not complete; the manager completes", async () => {
      const { backorder, po } = await orderedKettles()
      const line = po.lines[0]
      expect(line.quantity).toBe(6)

      const received = await api.post(
        `/admin/purchase-orders/${po.id}/receive`,
        { lines: [{ purchase_order_line_id: line.id, quantity: 2 }] },
        clerk
      )
      expect(received.status).toBe(200)
      expect(received.data.purchase_order.status).toBe("partially_received")
      expect(await kettleAtShop()).toEqual({
        stocked: 2,
        reserved: 2,
        incoming: 4,
        available: 0,
      })

      const before = await getPurchaseOrder(po.id)
      expect(
        await refused(
          api.post(`/admin/purchase-orders/${po.id}/complete`, {}, clerk)
        )
      ).toEqual({
        status: 403,
        data: {
          type: "forbidden",
          message:
            "Insufficient permissions. Required policies: purchase_order:complete",
        },
      })
      // Nothing changed.
      expect(await getPurchaseOrder(po.id)).toEqual(before)
      expect(await kettleAtShop()).toEqual({
        stocked: 2,
        reserved: 2,
        incoming: 4,
        available: 0,
      })

      const completed = await api.post(
        `/admin/purchase-orders/${po.id}/complete`,
        {},
        manager
      )
      expect(completed.data.purchase_order).toEqual(
        expect.objectContaining({ status: "closed" })
      )
      expect(completed.data.purchase_order.lines[0]).toEqual(
        expect.objectContaining({
          quantity: 6,
          received_quantity: 2,
          cancelled_quantity: 4,
        })
      )
      // The 4 not received move to a follow-up purchase order, still incoming.
      expect(completed.data.follow_up).toEqual(
        expect.objectContaining({ status: "ordered", parent_id: po.id })
      )
      expect(completed.data.follow_up.lines[0].quantity).toBe(4)
      expect(await kettleAtShop()).toEqual({
        stocked: 2,
        reserved: 2,
        incoming: 4,
        available: 0,
      })
      const { data } = await api.get(`/admin/backorders/${backorder.id}`, clerk)
      expect(data.backorder).toEqual(
        expect.objectContaining({ status: "available", allocated_quantity: 2 })
      )
    })

    it("refuses the clerk what the role does not grant, naming the policy, and changes nothing", async () => {
      expect(
        await refused(
          api.post("/admin/suppliers", { name: "Clerk's supplier" }, clerk)
        )
      ).toEqual({
        status: 403,
        data: {
          type: "forbidden",
          message:
            "Insufficient permissions. Required policies: supplier:create",
        },
      })
      expect(
        await refused(
          api.post(
            "/admin/to-order-sales/preview",
            {
              customer_id: store.customerId,
              location_id: store.shopLocationId,
              lines: [
                {
                  variant_id: store.variantIdsBySku["KETTLE-MATTE"],
                  quantity: 1,
                },
              ],
              payment_policy: "pay_now",
            },
            clerk
          )
        )
      ).toEqual({
        status: 403,
        data: {
          type: "forbidden",
          message:
            "Insufficient permissions. Required policies: to_order_sale:create",
        },
      })
      const suppliers = await api.get("/admin/suppliers", manager)
      expect(suppliers.data.suppliers.map((s) => s.name).sort()).toEqual([
        "Brewware Wholesale",
        "Nordic Coffee Supply",
      ])
    })

    it("answers Medusa's 403 Forbidden to an admin without any role", async () => {
      const roleless = await createAdminUser(
        getContainer(),
        "roleless@backorders.test"
      )
      expect(
        await refused(api.get("/admin/purchase-orders", roleless))
      ).toEqual({
        status: 403,
        data: { type: "forbidden", message: "Forbidden" },
      })
    })
  },
})
