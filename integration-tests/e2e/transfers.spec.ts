import type { Browser, Page } from "playwright-core"
import {
  adminApi,
  bootHost,
  launchBrowser,
  logIn,
  newAdminPage,
  snap,
} from "./harness"

jest.setTimeout(600000)

/**
 * A transfer in the dashboard: beans sold short at the shop, a transfer requested from the
 * Backorders page with the warehouse's free stock, sent and received on the transfer page,
 * and the backorder shown as available. Its own port, database and host log, so it may run
 * beside the other browser test.
 */
describe("transfers in the admin dashboard", () => {
  let host: { url: string; stop: () => Promise<void> }
  let browser: Browser
  let page: Page
  let errors: string[]
  let api: Awaited<ReturnType<typeof adminApi>>

  beforeAll(async () => {
    host = await bootHost({
      port: Number(process.env.E2E_PORT || 9100) + 2,
      dbName: "medusa_backorders_e2e_transfers",
      name: "e2e-transfers",
    })
    browser = await launchBrowser()
    ;({ page, errors } = await newAdminPage(browser, host.url))
    api = await adminApi(host.url)
    await logIn(page)
  })

  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const dialog = () => page.getByRole("dialog")
  const toastWith = (text: string | RegExp) =>
    page.locator("[data-sonner-toast]").filter({ hasText: text }).first()

  it("requests a transfer from the Backorders page, sends it, receives it, and the backorder is available", async () => {
    const { customers } = await api("/admin/customers?email=jane@example.com")
    const { stock_locations } = await api("/admin/stock-locations?name=Shop")
    const { variants } = await api(
      "/admin/product-variants?sku=BEANS-HOUSE-1KG"
    )
    // Two bags in the shop: a sale of four waits for two.
    const sale = await api("/admin/to-order-sales", {
      customer_id: customers[0].id,
      location_id: stock_locations[0].id,
      lines: [{ variant_id: variants[0].id, quantity: 4 }],
      payment_policy: "pay_now",
    })
    const [beans] = sale.backorders
    expect(beans).toEqual(
      expect.objectContaining({ quantity: 2, status: "new" })
    )

    await page.goto("/app/backorders?status=new")
    const row = page.locator("tr", { hasText: "BEANS-HOUSE-1KG" })
    await row.waitFor()
    await row.getByRole("checkbox").click()
    await page.getByRole("button", { name: "Request stock" }).first().click()
    await dialog().getByRole("heading", { name: "Request stock" }).waitFor()
    await dialog().getByText("Transfer from another location").click()
    await dialog().locator("#request-stock-source").click()
    await page
      .getByRole("option", { name: /Warehouse · 10 free of 2 BEANS-HOUSE-1KG/ })
      .click()
    await snap(page, "request-transfer")
    await dialog().getByRole("button", { name: "Request stock" }).click()
    await toastWith("Transfer TR-0001 requested").waitFor()
    // On a draft transfer the backorder leaves New for the Requested tab.
    await page.getByTestId("backorder-tab-requested").click()
    await page.waitForURL(/status=requested/)
    const requestedRow = page.locator("tr", { hasText: "BEANS-HOUSE-1KG" })
    await requestedRow.getByText("2 requested from Warehouse").waitFor()

    await requestedRow
      .getByRole("link", { name: "2 requested from Warehouse" })
      .click()
    await page.waitForURL(/\/app\/transfers\/trf_/)
    await expectText(page.locator('[data-testid="transfer-status"]'), "Draft")
    await page.getByRole("button", { name: "Send" }).click()
    await toastWith("TR-0001 is on its way to Shop").waitFor()
    await expectText(
      page.locator('[data-testid="transfer-status"]'),
      "In transit"
    )

    await page.goto("/app/backorders")
    const sentRow = page.locator("tr", { hasText: "BEANS-HOUSE-1KG" })
    await sentRow.getByText("2 in transit from Warehouse").waitFor()
    await snap(page, "backorders-in-transit")

    await page.goto("/app/transfers")
    await page.locator("tr", { hasText: "TR-0001" }).click()
    await page.getByRole("button", { name: "Receive" }).click()
    await dialog().getByRole("heading", { name: "Receive TR-0001" }).waitFor()
    await dialog().getByRole("button", { name: "Receive" }).click()
    await toastWith("Received 2 units on TR-0001").waitFor()
    await expectText(
      page.locator('[data-testid="transfer-status"]'),
      "Received"
    )
    await snap(page, "transfer-received")

    await page.goto("/app/backorders")
    const availableRow = page.locator("tr", { hasText: "BEANS-HOUSE-1KG" })
    await expectText(availableRow, "Stock available")
    const backorder = (await api(`/admin/backorders/${beans.id}`)).backorder
    expect(backorder).toEqual(
      expect.objectContaining({ status: "available", allocated_quantity: 2 })
    )
    expect(errors).toEqual([])
  })
})

/** Waits up to 30 s for the element's text to contain `expected` (whitespace ignored). */
async function expectText(
  locator: ReturnType<Page["locator"]>,
  expected: string
) {
  const squash = (text: string) => text.replace(/\s+/g, "")
  const deadline = Date.now() + 30000
  let text = ""
  while (Date.now() < deadline) {
    text = await locator
      .first()
      .innerText({ timeout: 1000 })
      .catch(() => "")
    if (squash(text).includes(squash(expected))) {
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  expect(squash(text)).toContain(squash(expected))
}
