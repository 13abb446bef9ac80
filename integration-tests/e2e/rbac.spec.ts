import type { Browser } from "playwright-core"
import { DEMO_ROLES } from "../../scripts/seed/rbac-demo"
import {
  ADMIN,
  adminApi,
  bootHost,
  launchBrowser,
  logIn,
  newAdminPage,
  snap,
} from "./harness"

jest.setTimeout(600000)

const [MANAGER, CLERK] = DEMO_ROLES.map((role) => ({
  email: role.email,
  password: ADMIN.password,
}))

/**
 * TechPOS's permission to complete purchase orders, through Medusa's RBAC: a host of its
 * own with the `rbac` flag and module on (its own port, database and log, so it can run in
 * the same Jest run as the dashboard tests), and the demo seed's "Receiving clerk" and
 * "Purchasing manager".
 */
describe("admin dashboard with Medusa RBAC", () => {
  let host: { url: string; stop: () => Promise<void> }
  let browser: Browser
  let poId: string

  beforeAll(async () => {
    host = await bootHost({
      port: Number(process.env.E2E_PORT || 9100) + 6,
      dbName: "medusa_backorders_e2e_rbac",
      name: "e2e-rbac",
      env: { MEDUSA_FF_RBAC: "true" },
    })
    browser = await launchBrowser()

    // The demo admin (Medusa's super admin role) sells two kettles short and orders them.
    poId = await orderedPurchaseOrder(await adminApi(host.url))
  })

  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it("shows the receiving clerk Receive and no Complete; a page the clerk may not read is denied", async () => {
    const { page, errors, context } = await newAdminPage(browser, host.url)
    await logIn(page, CLERK)
    await page.goto(`/app/purchase-orders/${poId}`)
    await page.getByRole("button", { name: "Receive" }).waitFor()
    expect(await page.getByRole("button", { name: "Complete" }).count()).toBe(0)
    await snap(page, "rbac-clerk-purchase-order")

    await page.goto("/app/suppliers")
    await page.getByTestId("access-denied").waitFor()
    await page.getByText("Required permission: supplier:read").waitFor()
    await snap(page, "rbac-clerk-access-denied")
    expect(errors).toEqual([])
    await context.close()
  })

  it("shows the purchasing manager Receive and Complete", async () => {
    const { page, errors, context } = await newAdminPage(browser, host.url)
    await logIn(page, MANAGER)
    await page.goto(`/app/purchase-orders/${poId}`)
    await page.getByRole("button", { name: "Complete" }).waitFor()
    await page.getByRole("button", { name: "Receive" }).waitFor()
    await snap(page, "rbac-manager-purchase-order")
    expect(errors).toEqual([])
    await context.close()
  })
})

async function orderedPurchaseOrder(
  api: Awaited<ReturnType<typeof adminApi>>
): Promise<string> {
  const [{ customers }, { variants }, { stock_locations }] = await Promise.all([
    api<{ customers: { id: string }[] }>("/admin/customers?q=jane@example.com"),
    api<{ variants: { id: string; sku: string }[] }>(
      "/admin/product-variants?q=KETTLE-MATTE&limit=10"
    ),
    api<{ stock_locations: { id: string; name: string }[] }>(
      "/admin/stock-locations?limit=10"
    ),
  ])
  const sale = await api<{ backorders: { id: string }[] }>(
    "/admin/to-order-sales",
    {
      customer_id: customers[0].id,
      location_id: stock_locations.find((l) => l.name === "Shop")!.id,
      lines: [
        {
          variant_id: variants.find((v) => v.sku === "KETTLE-MATTE")!.id,
          quantity: 2,
        },
      ],
      payment_policy: "pay_now",
    }
  )
  const { purchase_orders } = await api<{ purchase_orders: { id: string }[] }>(
    "/admin/purchase-orders/request-stock",
    { backorder_ids: sale.backorders.map((b) => b.id) }
  )
  await api(`/admin/purchase-orders/${purchase_orders[0].id}/send`, {})
  return purchase_orders[0].id
}
