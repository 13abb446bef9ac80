import type { Browser, Locator, Page } from "playwright-core"
import { formatPromiseDate } from "../../src/storefront/format"
import { DEMO_CUSTOMER } from "../../scripts/seed/demo-store"
import { adminApi, bootHost, launchBrowser, snap } from "./harness"
import { startStorefront } from "./storefront-app"

jest.setTimeout(900000)

// Ports and database of its own, clear of the dashboard test's (E2E_PORT), so both files
// can run side by side.
const BASE_PORT = Number(process.env.E2E_PORT || 9100)
const HOST_PORT = BASE_PORT + 3
const STOREFRONT_PORT = BASE_PORT + 4

/**
 * The example storefront (`examples/storefront`, Next.js, built and started as in
 * production) in a real Chromium against the demo store: a shopper sees the backorder notice
 * of a short variant, checks out 3 with 1 on hand, the cart and the confirmation say
 * "1 ships now, 2 ship around <date>", the account lists the 2 waiting; once staff receive
 * the purchase order the account shows them ready.
 */
describe("example storefront", () => {
  let host: { url: string; stop: () => Promise<void> }
  let storefront: { url: string; stop: () => Promise<void> }
  let browser: Browser
  let page: Page
  const errors: string[] = []
  let api: Awaited<ReturnType<typeof adminApi>>
  const state: { poId?: string; lineId?: string; orderId?: string } = {}

  // The purchase order's expected day, two weeks ahead, as the storefront writes it.
  const expectedAt = new Date(
    Date.UTC(
      new Date().getUTCFullYear(),
      new Date().getUTCMonth(),
      new Date().getUTCDate() + 14
    )
  ).toISOString()
  const date = formatPromiseDate(expectedAt)

  beforeAll(async () => {
    host = await bootHost({
      port: HOST_PORT,
      dbName: "medusa_backorders_e2e_storefront",
      name: "e2e-storefront",
    })
    api = await adminApi(host.url)

    // Staff sent a purchase order for 4 white grinders to the webshop's warehouse.
    const [{ api_keys }, { suppliers }, { stock_locations }, { products }] =
      await Promise.all([
        api("/admin/api-keys?type=publishable&title=Webshop"),
        api("/admin/suppliers?code=NCS"),
        api("/admin/stock-locations?name=Warehouse"),
        api("/admin/products?handle=burr-grinder&fields=*variants"),
      ])
    const white = products[0].variants.find(
      (v: { sku: string }) => v.sku === "GRINDER-WHITE"
    )
    const { purchase_order } = await api("/admin/purchase-orders", {
      supplier_id: suppliers[0].id,
      location_id: stock_locations[0].id,
      expected_at: expectedAt,
      lines: [{ variant_id: white.id, quantity: 4, round_to_terms: false }],
    })
    await api(`/admin/purchase-orders/${purchase_order.id}/send`, {})
    state.poId = purchase_order.id
    state.lineId = purchase_order.lines[0].id

    storefront = await startStorefront({
      port: STOREFRONT_PORT,
      backendUrl: host.url,
      publishableKey: api_keys[0].token,
    })
    browser = await launchBrowser()
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      baseURL: storefront.url,
    })
    page = await context.newPage()
    page.setDefaultTimeout(60000)
    page.on("pageerror", (error) => errors.push(error.message))
  })

  afterAll(async () => {
    await browser?.close()
    await storefront?.stop()
    await host?.stop()
  })

  afterEach(() => {
    expect(errors).toEqual([])
  })

  const expectText = async (locator: Locator, text: string) => {
    await locator.waitFor()
    expect((await locator.innerText()).trim()).toBe(text)
  }

  it("shows the backorder notice of a short variant on the product page", async () => {
    await page.goto("/products/burr-grinder")
    const white = page.locator('[data-variant="GRINDER-WHITE"]')
    await expectText(
      white.locator(".bo-availability"),
      `1 in stock, more ships around ${date}`
    )
    await expectText(
      page.locator('[data-variant="GRINDER-BLACK"] .bo-availability'),
      "2 in stock"
    )
    await snap(page, "storefront-product")
  })

  it("splits 3 with 1 on hand in the cart: 1 ships now, 2 later", async () => {
    await page.getByLabel("Quantity of White").fill("3")
    await page.getByRole("button", { name: "Add White to cart" }).click()
    await page.waitForURL(/\/cart$/)
    await expectText(
      page.locator('[data-line="GRINDER-WHITE"] .bo-line-availability'),
      `1 ships now, 2 ship around ${date}`
    )
  })

  it("checks out with the manual payment provider; the confirmation says what ships now and when the rest follows", async () => {
    await page.getByLabel("Email").fill(DEMO_CUSTOMER.email)
    await page.getByLabel("First name").fill("Jane")
    await page.getByLabel("Last name").fill("Doe")
    await page.getByLabel("Address").fill("Havenweg 10")
    await page.getByLabel("City").fill("Rotterdam")
    await page.getByLabel("Postal code").fill("3011")
    await page.getByLabel("Country").selectOption("nl")
    await snap(page, "storefront-cart")
    await page.getByRole("button", { name: "Place order" }).click()
    await page.waitForURL(/\/order\/order_/)
    state.orderId = page.url().split("/order/")[1]

    const notice = page.getByRole("region", { name: "Some items ship later" })
    await expectText(
      notice.locator(".bo-order-backorders__split"),
      `1 ships now, 2 ship around ${date}`
    )
    await snap(page, "storefront-confirmation")

    const { backorders } = await api(
      `/admin/backorders?order_id=${state.orderId}`
    )
    expect(
      backorders.map((b: any) => [b.sku, b.quantity, b.status, b.source])
    ).toEqual([["GRINDER-WHITE", 2, "new", "storefront"]])
  })

  it("logs in and lists the 2 waiting in the account with their date", async () => {
    await page.goto("/account")
    await page.getByLabel("Email").fill(DEMO_CUSTOMER.email)
    await page.getByLabel("Password").fill(DEMO_CUSTOMER.password)
    await page.getByRole("button", { name: "Log in" }).click()
    await page.getByRole("heading", { name: "Hello Jane" }).waitFor()

    const row = page.locator(".bo-account-backorders__row")
    expect(await row.count()).toBe(1)
    await expectText(row.locator("th"), "Burr Grinder (GRINDER-WHITE)")
    await expectText(row.locator('[data-column="waiting"]'), "2")
    await expectText(row.locator('[data-column="expected"]'), date)
    await expectText(row.locator('[data-column="status"]'), "Waiting for stock")
    await snap(page, "storefront-account-waiting")
  })

  it("shows them ready once staff receive the purchase order", async () => {
    const received = await api(`/admin/purchase-orders/${state.poId}/receive`, {
      lines: [{ purchase_order_line_id: state.lineId, quantity: 4 }],
    })
    expect(received.purchase_order.status).toBe("received")

    await page.reload()
    const row = page.locator(".bo-account-backorders__row")
    await expectText(row.locator('[data-column="status"]'), "Ready to ship")
    await expectText(row.locator('[data-column="waiting"]'), "0")
    await expectText(row.locator('[data-column="expected"]'), "—")
    expect(await row.getAttribute("data-status")).toBe("available")
    await snap(page, "storefront-account-ready")
  })
})
