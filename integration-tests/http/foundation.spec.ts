import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../src/modules/backorder"
import BackorderModuleService from "../../src/modules/backorder/service"
import { createAdminUser, RequestHeaders } from "../helpers/auth"

jest.setTimeout(120000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: RequestHeaders

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
    })

    describe("admin authentication", () => {
      it("answers 401 to a request without credentials and changes nothing", async () => {
        const res = await api.get("/admin/backorders").catch((e) => e.response)
        expect(res.status).toBe(401)
        expect(res.data).toEqual({ message: "Unauthorized" })
      })

      it("answers 401 to a forged token", async () => {
        const res = await api
          .get("/admin/backorders", {
            headers: { authorization: "Bearer not.a.token" },
          })
          .catch((e) => e.response)
        expect(res.status).toBe(401)
      })

      it("lets an authenticated admin list backorders", async () => {
        const res = await api.get("/admin/backorders", admin)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          backorders: [],
          count: 0,
          count_estimated: false,
          offset: 0,
          limit: 20,
        })
      })
    })

    describe("admin backorders API", () => {
      it("lists and retrieves backorders with filters and pagination", async () => {
        const backorderService: BackorderModuleService =
          getContainer().resolve(BACKORDER_MODULE)
        const [first, second] = await backorderService.createBackorders([
          {
            source: "pos",
            order_id: "order_a",
            line_item_id: "ordli_a",
            variant_id: "variant_a",
            inventory_item_id: "iitem_a",
            location_id: "sloc_shop",
            quantity: 2,
          },
          {
            source: "storefront",
            order_id: "order_b",
            line_item_id: "ordli_b",
            variant_id: "variant_a",
            inventory_item_id: "iitem_a",
            location_id: "sloc_warehouse",
            quantity: 5,
          },
        ])

        const bySource = await api.get(
          "/admin/backorders?source=storefront",
          admin
        )
        expect(bySource.data.count).toBe(1)
        expect(bySource.data.backorders).toEqual([
          expect.objectContaining({
            id: second.id,
            status: "new",
            quantity: 5,
            location_id: "sloc_warehouse",
          }),
        ])

        const page = await api.get(
          "/admin/backorders?limit=1&order=created_at",
          admin
        )
        expect(page.data.count).toBe(2)
        expect(page.data.limit).toBe(1)
        expect(page.data.backorders).toHaveLength(1)

        const one = await api.get(
          `/admin/backorders/${first.id}?fields=id,quantity`,
          admin
        )
        expect(one.data).toEqual({ backorder: { id: first.id, quantity: 2 } })
      })

      it("refuses an unknown filter value and an unknown id", async () => {
        const badStatus = await api
          .get("/admin/backorders?status=lost", admin)
          .catch((e) => e.response)
        expect(badStatus.status).toBe(400)
        expect(badStatus.data.type).toBe("invalid_data")
        expect(badStatus.data.message).toContain("status")

        const missing = await api
          .get("/admin/backorders/bo_missing", admin)
          .catch((e) => e.response)
        expect(missing.status).toBe(404)
        expect(missing.data).toEqual({
          type: "not_found",
          message: "Backorder id not found: bo_missing",
        })
      })
    })

    describe("read-only links", () => {
      it("joins backorders to Medusa's customer, order, stock location and inventory item both ways", async () => {
        const container = getContainer()
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const customer = await container
          .resolve(Modules.CUSTOMER)
          .createCustomers({
            email: "jane@backorders.test",
            first_name: "Jane",
          })
        const location = await container
          .resolve(Modules.STOCK_LOCATION)
          .createStockLocations({ name: "Shop" })
        const item = await container
          .resolve(Modules.INVENTORY)
          .createInventoryItems({ sku: "KETTLE-1" })
        const order = await container.resolve(Modules.ORDER).createOrders({
          currency_code: "eur",
          customer_id: customer.id,
          email: customer.email,
          items: [{ title: "Kettle", quantity: 3, unit_price: 40 }],
        })
        const orderWithItems = await container
          .resolve(Modules.ORDER)
          .retrieveOrder(order.id, { relations: ["items"] })
        const lineItem = orderWithItems.items![0]

        const backorderService: BackorderModuleService =
          container.resolve(BACKORDER_MODULE)
        const backorder = await backorderService.createBackorders({
          source: "admin",
          order_id: order.id,
          line_item_id: lineItem.id,
          customer_id: customer.id,
          variant_id: "variant_kettle",
          inventory_item_id: item.id,
          location_id: location.id,
          quantity: 2,
        })

        const {
          data: [joined],
        } = await query.graph({
          entity: "backorder",
          fields: [
            "id",
            "customer.email",
            "order.id",
            "line_item.title",
            "stock_location.name",
            "inventory_item.sku",
          ],
          filters: { id: backorder.id },
        })
        expect(joined).toEqual({
          id: backorder.id,
          customer_id: customer.id,
          order_id: order.id,
          line_item_id: lineItem.id,
          location_id: location.id,
          inventory_item_id: item.id,
          customer: expect.objectContaining({ email: "jane@backorders.test" }),
          order: expect.objectContaining({ id: order.id }),
          line_item: expect.objectContaining({ title: "Kettle" }),
          stock_location: expect.objectContaining({ name: "Shop" }),
          inventory_item: expect.objectContaining({ sku: "KETTLE-1" }),
        })

        const { data: customers } = await query.graph({
          entity: "customer",
          fields: ["id", "backorders.id", "backorders.quantity"],
          filters: { id: customer.id },
        })
        expect(customers[0].backorders).toEqual([
          expect.objectContaining({ id: backorder.id, quantity: 2 }),
        ])

        const { data: orders } = await query.graph({
          entity: "order",
          fields: ["id", "backorders.id"],
          filters: { id: order.id },
        })
        expect(orders[0].backorders).toEqual([
          expect.objectContaining({ id: backorder.id }),
        ])

        const { data: locations } = await query.graph({
          entity: "stock_location",
          fields: ["id", "backorders.id"],
          filters: { id: location.id },
        })
        expect(locations[0].backorders).toEqual([
          expect.objectContaining({ id: backorder.id }),
        ])

        const { data: items } = await query.graph({
          entity: "inventory_item",
          fields: ["id", "backorders.id"],
          filters: { id: item.id },
        })
        expect(items[0].backorders).toEqual([
          expect.objectContaining({ id: backorder.id }),
        ])
      })
    })
  },
})
