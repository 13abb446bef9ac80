import type { Browser, Page } from "playwright-core"
import {
  AxeViolation,
  horizontalOverflow,
  PHONE,
  seriousAxeViolations,
} from "./checks"
import {
  adminApi,
  bootHost,
  launchBrowser,
  logIn,
  newAdminPage,
  snap,
} from "./harness"

jest.setTimeout(600000)

const DAY = 24 * 3600 * 1000

/**
 * The dashboard's forms and figures on the supplier, purchase order and order pages (issue 12,
 * items 8 to 10): the supplier's currency picked from the store's, a term without a variant
 * answered under its field, costs with their currency, counts in the singular for one, dates
 * picked with Medusa UI's DatePicker, the request-stock preview naming the lead time it counts
 * (the grinder's 5-day term, not the supplier's 7 days), the receipt note under Receipts, and
 * no ETA in the order widget once the purchase order has nothing left to receive. Its own
 * port, database and host log, so it may run beside the other browser tests.
 */
describe("admin dashboard: supplier and purchase order forms", () => {
  let host: { url: string; stop: () => Promise<void> }
  let browser: Browser
  let page: Page
  let errors: string[]
  let api: Awaited<ReturnType<typeof adminApi>>
  const state: { supplierId?: string; poId?: string; orderId?: string } = {}

  beforeAll(async () => {
    host = await bootHost({
      port: Number(process.env.E2E_PORT || 9100) + 8,
      dbName: "medusa_backorders_e2e_forms",
      name: "e2e-forms",
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

  it("creates a supplier in one of the store's currencies, answers a term without a variant under its field, and shows its cost with the currency", async () => {
    await page.goto("/app/suppliers")
    await page.getByRole("button", { name: "Create" }).click()
    // The currency is a select of the store's currencies, the default chosen.
    const currency = dialog().getByRole("combobox", { name: "Currency" })
    await expectText(currency, "EUR · Euro")
    expect(await dialog().locator("#supplier-currency_code").count()).toBe(1)
    await currency.click()
    const { stores } = await api(
      "/admin/stores?fields=id,*supported_currencies"
    )
    expect(await page.getByRole("option").allInnerTexts()).toHaveLength(
      stores[0].supported_currencies.length
    )
    await page.getByRole("option", { name: "EUR · Euro" }).click()
    await dialog().locator("#supplier-name").fill("Moka Traders")
    await dialog().locator("#supplier-default_lead_time_days").fill("1")
    await dialog().getByRole("button", { name: "Save" }).click()
    await toastWith("Saved Moka Traders").waitFor()
    await page.waitForURL(/\/app\/suppliers\/sup/)
    state.supplierId = page.url().split("/suppliers/")[1]
    await page.getByText("1 day", { exact: true }).waitFor()

    // Saving terms without a variant: the error sits under the variant field, nothing is sent.
    // The "Saved" toast has gone: any toast from here on would be the form's.
    await page
      .locator("[data-sonner-toast]")
      .first()
      .waitFor({ state: "detached" })
    await page.getByRole("button", { name: "Add variant" }).click()
    await dialog().locator("#terms-unit_cost").fill("9.5")
    await dialog().getByRole("button", { name: "Save" }).click()
    await expectText(
      dialog().locator("#terms-variant-error"),
      "Choose the variant these terms are for"
    )
    expect(
      await dialog().locator("#terms-variant").getAttribute("aria-invalid")
    ).toBe("true")
    expect(
      await dialog().locator("#terms-variant").getAttribute("aria-describedby")
    ).toBe("terms-variant-error")
    expect(await page.locator("[data-sonner-toast]").count()).toBe(0)
    await snap(page, "supplier-term-field-error")

    // A case pack of 0 is refused under its own field too.
    await dialog().locator("#terms-case_pack").fill("0")
    await dialog().getByRole("button", { name: "Save" }).click()
    await expectText(
      dialog().locator("#terms-case_pack-error"),
      "Enter whole units, at least 1"
    )
    await dialog().locator("#terms-case_pack").fill("2")
    await dialog().locator("#terms-variant").fill("BEANS")
    await dialog()
      .getByRole("option", { name: /BEANS-HOUSE-1KG/ })
      .click()
    expect(await dialog().locator("#terms-variant-error").count()).toBe(0)
    await dialog().locator("#terms-lead_time_days").fill("1")
    await dialog().getByRole("button", { name: "Save" }).click()
    await toastWith("Saved the terms").waitFor()
    const row = page.locator("tr", { hasText: "BEANS-HOUSE-1KG" })
    await expectText(row, "€9.50")
    await expectText(row, "1 day")

    const { supplier } = await api(`/admin/suppliers/${state.supplierId}`)
    expect(supplier).toEqual(
      expect.objectContaining({
        name: "Moka Traders",
        currency_code: "eur",
        default_lead_time_days: 1,
      })
    )
    const { supplier_variants } = await api(
      `/admin/suppliers/${state.supplierId}/variants`
    )
    expect(
      supplier_variants.map((t) => [t.unit_cost, t.lead_time_days, t.case_pack])
    ).toEqual([[9.5, 1, 2]])
  })

  it("previews the grinder's 5-day lead time (its terms), not the supplier's 7 days, and the purchase order is expected 5 days out", async () => {
    const { customers } = await api("/admin/customers?email=jane@example.com")
    const { stock_locations } = await api("/admin/stock-locations?name=Shop")
    const { variants } = await api("/admin/product-variants?sku=GRINDER-BLACK")
    const sale = await api("/admin/to-order-sales", {
      customer_id: customers[0].id,
      location_id: stock_locations[0].id,
      lines: [{ variant_id: variants[0].id, quantity: 3 }],
      payment_policy: "pay_on_receipt",
    })
    const [grinder] = sale.backorders
    expect(grinder).toEqual(
      expect.objectContaining({ quantity: 2, status: "new" })
    )
    state.orderId = grinder.order_id

    await page.goto("/app/backorders?status=new")
    const row = page.locator("tr", { hasText: "GRINDER-BLACK" })
    await row.waitFor()
    await row.getByRole("checkbox").click()
    await page.getByRole("button", { name: "Request stock" }).first().click()
    const preview = dialog().locator('[data-testid="preview-purchase-order"]')
    await preview.getByText("Nordic Coffee Supply").waitFor()
    await expectText(
      preview.locator('[data-testid="preview-lead-time"]'),
      "5-day lead time (GRINDER-BLACK's terms)"
    )
    const before = Date.now()
    await dialog().getByRole("button", { name: "Request stock" }).click()
    await toastWith("Stock requested on PO-0001").waitFor()
    const after = Date.now()

    const { purchase_orders } = await api("/admin/purchase-orders")
    expect(purchase_orders).toHaveLength(1)
    const [po] = purchase_orders
    state.poId = po.id
    const expectedAt = Date.parse(po.expected_at)
    expect(expectedAt).toBeGreaterThanOrEqual(before + 5 * DAY - 60000)
    expect(expectedAt).toBeLessThanOrEqual(after + 5 * DAY)
  })

  it("marks the purchase order as ordered with a date picked in Medusa UI's DatePicker", async () => {
    await page.goto(`/app/purchase-orders/${state.poId}`)
    await page.getByRole("button", { name: "Mark as ordered" }).click()
    const picker = dialog().getByRole("group", {
      name: "Expected on (optional)",
    })
    await picker.waitFor()
    // No browser date field is left in the form.
    expect(await dialog().locator('input[type="date"]').count()).toBe(0)
    // The draft's date (today + the 5-day lead time) is shown; pick another in the calendar.
    await picker.getByRole("button").first().click()
    await page
      .getByLabel(/December 24, 2026/)
      .first()
      .click()
    await expectText(picker, "12/24/2026")
    await snap(page, "mark-as-ordered-date-picker")
    await dialog().getByRole("button", { name: "Mark as ordered" }).click()
    await toastWith("PO-0001 is on order").waitFor()

    const { purchase_order } = await api(`/admin/purchase-orders/${state.poId}`)
    expect(purchase_order.status).toBe("ordered")
    expect(purchase_order.expected_at).toBe("2026-12-24T00:00:00.000Z")
  })

  it("receives one unit at a time, shows each receipt's note, and the order widget drops the ETA once all has arrived", async () => {
    // While units are on their way, the order widget shows the purchase order's ETA.
    await page.goto(`/app/orders/${state.orderId}`)
    const eta = page.locator(
      '[data-testid="order-backorder-GRINDER-BLACK"] [data-testid="order-backorder-eta"]'
    )
    await expectText(eta, `ETA ${formatDate("2026-12-24T00:00:00.000Z")}`)

    await page.goto(`/app/purchase-orders/${state.poId}`)
    for (const note of ["One box dented", "Second box fine"]) {
      await page.getByRole("button", { name: "Receive", exact: true }).click()
      await dialog().locator('[data-testid="receive-GRINDER-BLACK"]').fill("1")
      await dialog().locator("#receive-note").fill(note)
      await dialog()
        .getByRole("button", { name: "Receive", exact: true })
        .click()
      await toastWith("Received 1 unit on PO-0001").waitFor()
      await toastWith("Received 1 unit on PO-0001").waitFor({
        state: "detached",
      })
    }
    await expectText(page.locator('[data-testid="po-status"]'), "Received")
    const notes = page.locator(
      '[data-testid="po-receipts"] [data-testid="po-receipt-note"]'
    )
    await expectText(notes.nth(1), "Second box fine")
    expect(await notes.allInnerTexts()).toEqual([
      "One box dented",
      "Second box fine",
    ])
    await snap(
      page,
      "purchase-order-receipt-notes",
      '[data-testid="po-receipts"]'
    )

    await page.goto(`/app/orders/${state.orderId}`)
    await expectText(eta, "Received")
    expect(await eta.innerText()).not.toContain("ETA")
  })

  describe("layout and accessibility of the pages it changed", () => {
    const pages = () =>
      [
        [`/app/suppliers/${state.supplierId}`],
        [`/app/purchase-orders/${state.poId}`],
        [
          `/app/orders/${state.orderId}`,
          '[data-testid="order-backorders-widget"]',
        ],
      ] as [string, string?][]

    it("fits a 390x844 phone: no page scrolls sideways", async () => {
      const phone = await browser.newContext({
        viewport: PHONE,
        baseURL: host.url,
        storageState: await page.context().storageState(),
      })
      const small = await phone.newPage()
      small.setDefaultTimeout(60000)
      const overflows: Record<string, number> = {}
      try {
        for (const [pathname, widget] of pages()) {
          await small.goto(pathname)
          await small
            .locator(widget ?? "main h1, main h2")
            .first()
            .waitFor()
          await small
            .locator("main .animate-pulse")
            .first()
            .waitFor({ state: "detached" })
          // A plugin page is measured whole; a core page only in the plugin's widget on it.
          overflows[pathname] = widget
            ? await small
                .locator(widget)
                .evaluate((el) => el.scrollWidth - el.clientWidth)
            : await horizontalOverflow(small)
        }
      } finally {
        await phone.close()
      }
      expect(
        Object.entries(overflows).filter(([, overflow]) => overflow > 1)
      ).toEqual([])
    })

    it("has no serious or critical accessibility violations (axe-core)", async () => {
      const found: Record<string, AxeViolation[]> = {}
      for (const [pathname, widget] of pages()) {
        await page.goto(pathname)
        await page
          .locator(widget ?? "main h1, main h2")
          .first()
          .waitFor()
        await page
          .locator("main .animate-pulse")
          .first()
          .waitFor({ state: "detached" })
        const violations = await seriousAxeViolations(page, widget)
        if (violations.length) {
          found[pathname] = violations
        }
      }
      expect(found).toEqual({})
    })
  })

  it("threw no uncaught errors in the browser", () => {
    expect(errors).toEqual([])
  })
})

/** The dashboard's date format (`formatDate` in src/admin/lib/format.ts) in the browser's locale. */
function formatDate(iso: string) {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium" }).format(
    new Date(iso)
  )
}

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
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  expect(squash(text)).toContain(squash(expected))
}
