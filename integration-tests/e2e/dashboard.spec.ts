import type { Browser, Page } from "playwright-core"
import {
  adminApi,
  bootHost,
  launchBrowser,
  logIn,
  newAdminPage,
  snap,
} from "./harness"
import {
  AxeViolation,
  horizontalOverflow,
  PHONE,
  seriousAxeViolations,
} from "./checks"

jest.setTimeout(600000)

/**
 * The admin dashboard in a real Chromium against the development host: a to-order sale at
 * the POS, the backorder on the Backorders page and in the order widget, stock requested,
 * the purchase order sent, received in part, completed with the remainder moved to a
 * follow-up, received in full, and the backorder fulfilled with the balance captured.
 */
describe("admin dashboard", () => {
  let host: { url: string; stop: () => Promise<void> }
  let browser: Browser
  let page: Page
  let errors: string[]
  let api: Awaited<ReturnType<typeof adminApi>>
  const state: { orderId?: string; poId?: string; followUpId?: string } = {}

  beforeAll(async () => {
    host = await bootHost()
    browser = await launchBrowser()
    ;({ page, errors } = await newAdminPage(browser, host.url))
    api = await adminApi(host.url)
  })

  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const kettleBackorder = async () => {
    const { backorders } = await api<{ backorders: any[] }>(
      "/admin/backorders?q=KETTLE-MATTE"
    )
    return backorders.find((b) => b.sku === "KETTLE-MATTE")
  }
  const dialog = () => page.getByRole("dialog")
  const toastWith = (text: string | RegExp) =>
    page.locator("[data-sonner-toast]").filter({ hasText: text }).first()

  it("sends a visitor without a session to the login page", async () => {
    await page.goto("/app/backorders")
    await page.waitForURL(/\/app\/login/)
    await logIn(page)
  })

  it("shows the empty Backorders page", async () => {
    await page.goto("/app/backorders")
    await page.getByText("No backorders").waitFor()
    await snap(page, "backorders-empty")
  })

  it("makes a to-order sale: customer, shop, a short variant, deposit; the preview warns, the order opens", async () => {
    await page.goto("/app/to-order-sale")
    await page.fill("#sale-customer", "jane")
    await page.getByRole("option", { name: /Jane Doe/ }).click()
    await page.click("#sale-location")
    await page.getByRole("option", { name: "Shop", exact: true }).click()
    await page.fill("#sale-variant", "KETTLE")
    await page.getByRole("option", { name: /KETTLE-MATTE/ }).click()
    await page.fill('[aria-label="Quantity of KETTLE-MATTE"]', "3")
    await page.click("#policy-deposit")

    const line = page.locator('[data-testid="sale-line-KETTLE-MATTE"]')
    await expectText(line.locator('[data-testid="backordered"]'), "3")
    await page.locator('[data-testid="shortage-warning"]').waitFor()
    await expectText(page.locator('[data-testid="due-now-chosen"]'), "€71.10")
    await expectText(
      page.locator('[data-testid="due-now-pay_now"]'),
      "Due now: €237.00"
    )
    await snap(page, "to-order-sale")

    await page.getByRole("button", { name: "Confirm sale" }).click()
    await page.waitForURL(/\/app\/orders\/order_/)
    state.orderId = page.url().split("/orders/")[1]

    const widget = page.locator('[data-testid="order-backorders-widget"]')
    const row = widget.locator('[data-testid="order-backorder-KETTLE-MATTE"]')
    await expectText(row.locator('[data-testid="status"]'), "New")
    await expectText(row.locator('[data-testid="allocated"]'), "0")
    await snap(
      page,
      "order-widget-new",
      '[data-testid="order-backorders-widget"]'
    )

    expect(await kettleBackorder()).toEqual(
      expect.objectContaining({
        order_id: state.orderId,
        status: "new",
        source: "pos",
        quantity: 3,
        allocated_quantity: 0,
        payment_policy: "deposit",
        paid_amount: 71.1,
      })
    )
  })

  it("lists the backorder with its tab count, finds it by search, requests stock in bulk", async () => {
    await page.goto("/app/backorders")
    const row = page.locator("tr", { hasText: "KETTLE-MATTE" })
    await row.waitFor()
    await expectText(page.locator('[data-testid="backorder-tab-new"]'), "New1")
    await expectText(page.locator('[data-testid="backorder-tab-all"]'), "All1")

    const search = page.getByPlaceholder("Search SKU, customer, #order")
    await search.fill("no-such-sku")
    await page.getByText("No matching backorders").waitFor()
    expect(page.url()).toContain("q=no-such-sku")
    await search.fill("kettle")
    await row.waitFor()

    await row.getByRole("checkbox").click()
    await page.getByRole("button", { name: "Request stock" }).first().click()
    await dialog().getByRole("heading", { name: "Request stock" }).waitFor()
    // Before confirming: the purchase order it will create, the rounding and why, the cost.
    const preview = dialog().locator('[data-testid="preview-purchase-order"]')
    await expectText(
      preview.locator('[data-testid="preview-line-KETTLE-MATTE"]'),
      "KETTLE-MATTE: 3 needed, 6 ordered (rounded from 3 to 6 (minimum order 6))€38.00 each · €228.00"
    )
    await preview.getByText("Brewware Wholesale").waitFor()
    await preview.getByText("New purchase order").waitFor()
    await expectText(
      preview.locator('[data-testid="preview-total"]'),
      "Total €228.00"
    )
    await snap(page, "request-stock-preview")
    await dialog().getByRole("button", { name: "Request stock" }).click()
    await toastWith("Stock requested on PO-0001").waitFor()
    await row.getByRole("link", { name: "PO-0001" }).waitFor()
    await snap(page, "backorders")

    await page.getByRole("button", { name: "Group by supplier" }).click()
    const groups = page.locator('[data-testid="supplier-groups"]')
    await groups.getByText("Brewware Wholesale").waitFor()
    expect(page.url()).toContain("group=supplier")
    await snap(page, "backorders-by-supplier")
    await page.getByRole("button", { name: "Ungroup" }).click()
  })

  it("sends the purchase order, refuses an over-receipt with a toast, receives part of it", async () => {
    await page
      .locator("tr", { hasText: "KETTLE-MATTE" })
      .getByRole("link", { name: "PO-0001" })
      .click()
    await page.waitForURL(/\/app\/purchase-orders\/po_/)
    state.poId = page.url().split("/purchase-orders/")[1]
    await expectText(page.locator('[data-testid="po-status"]'), "Draft")
    // Brewware sells the kettle by MOQ 6, case 6: three short become six ordered.
    await expect(
      page.getByLabel("Quantity of KETTLE-MATTE").inputValue()
    ).resolves.toBe("6")
    // Money in the supplier's currency: the line's total and the purchase order's.
    await expectText(
      page.locator(
        '[data-testid="po-line-KETTLE-MATTE"] [data-testid="line-total"]'
      ),
      "€228.00"
    )
    await expectText(page.locator('[data-testid="po-total"]'), "€228.00")

    await page.getByRole("button", { name: "Mark as ordered" }).click()
    await dialog().getByRole("button", { name: "Mark as ordered" }).click()
    await toastWith("PO-0001 is on order").waitFor()
    await expectText(page.locator('[data-testid="po-status"]'), "Ordered")
    expect((await kettleBackorder()).status).toBe("on_order")

    await page.getByRole("button", { name: "Receive", exact: true }).click()
    const quantity = dialog().locator('[data-testid="receive-KETTLE-MATTE"]')
    await expect(quantity.inputValue()).resolves.toBe("6")
    await quantity.fill("7")
    await dialog().getByRole("button", { name: "Receive", exact: true }).click()
    await toastWith("receiving 7 exceeds the 6 still open").waitFor()

    await quantity.fill("2")
    await dialog().getByRole("button", { name: "Receive", exact: true }).click()
    await toastWith("Received 2 units on PO-0001").waitFor()
    await expectText(
      page.locator('[data-testid="po-status"]'),
      "Partly received"
    )
    const line = page.locator('[data-testid="po-line-KETTLE-MATTE"]')
    await expectText(line.locator('[data-testid="received"]'), "2")
    await expectText(line.locator('[data-testid="open"]'), "4")
    const ledger = page.locator('[data-testid="po-ledger"]')
    await ledger.getByText("+2").waitFor()
    // The ledger names the order and the customer, and links the purchase order.
    const { order } = await api(
      `/admin/orders/${state.orderId}?fields=display_id`
    )
    const ledgerRow = ledger.locator("tbody tr").first()
    await ledgerRow
      .getByRole("link", { name: `Order #${order.display_id}`, exact: true })
      .waitFor()
    await expectText(ledgerRow.getByTestId("ledger-customer"), "Jane Doe")
    await expectText(
      ledgerRow.getByTestId("ledger-reason"),
      "Linked to PO-0001"
    )
    await ledgerRow
      .getByTestId("ledger-reason")
      .getByRole("link", { name: "PO-0001" })
      .waitFor()
    await snap(page, "purchase-order")
    await snap(page, "ledger", '[data-testid="po-ledger"]')

    expect(await kettleBackorder()).toEqual(
      expect.objectContaining({
        status: "partially_available",
        allocated_quantity: 2,
      })
    )
  })

  it("completes the purchase order, moving the unreceived remainder to a follow-up", async () => {
    await page.getByRole("button", { name: "Complete" }).click()
    const move = dialog().locator('[data-testid="complete-move-KETTLE-MATTE"]')
    await expect(move.getAttribute("data-state")).resolves.toBe("checked")
    await snap(page, "complete-drawer", '[role="dialog"]')
    await dialog().getByRole("button", { name: "Complete" }).click()
    await toastWith("Completed PO-0001; the remainder is on PO-0002").waitFor()
    await page.waitForURL((url) => !url.pathname.endsWith(state.poId!))
    state.followUpId = page.url().split("/purchase-orders/")[1]
    await expectText(page.locator('[data-testid="po-number"]'), "PO-0002")
    // The breadcrumb names the purchase order, as core's detail pages do.
    await page.locator("ol li", { hasText: "PO-0002" }).first().waitFor()
    await expectText(page.locator('[data-testid="po-status"]'), "Ordered")
    // The follow-up names the purchase order it follows up, and which way.
    await expectText(page.locator('[data-testid="po-follow-up-of"]'), "PO-0001")
    await page
      .locator('[data-testid="po-related"]')
      .getByRole("link", { name: "PO-0001" })
      .waitFor()
    await expectText(
      page.locator('[data-testid="po-related-role"]'),
      "Earlier order: PO-0002 follows up PO-0001 (its unreceived remainder)"
    )
    const line = page.locator('[data-testid="po-line-KETTLE-MATTE"]')
    await expectText(line.locator('[data-testid="open"]'), "4")

    const { purchase_order: original } = await api(
      `/admin/purchase-orders/${state.poId}`
    )
    expect(original.status).toBe("closed")
    expect(original.lines[0]).toEqual(
      expect.objectContaining({
        quantity: 6,
        received_quantity: 2,
        cancelled_quantity: 4,
      })
    )
  })

  it("receives the follow-up in full: the backorder has all its stock", async () => {
    await page.getByRole("button", { name: "Receive", exact: true }).click()
    await expect(
      dialog().locator('[data-testid="receive-KETTLE-MATTE"]').inputValue()
    ).resolves.toBe("4")
    await dialog().getByRole("button", { name: "Receive", exact: true }).click()
    await toastWith("Received 4 units on PO-0002").waitFor()
    await expectText(page.locator('[data-testid="po-status"]'), "Received")
    expect(await kettleBackorder()).toEqual(
      expect.objectContaining({ status: "available", allocated_quantity: 3 })
    )

    // Nobody else waits for a kettle in the shop: there is no one to give the units to.
    await page.goto("/app/backorders?q=KETTLE-MATTE")
    await page
      .locator("tr", { hasText: "KETTLE-MATTE" })
      .getByRole("button", { name: /^Actions for / })
      .click()
    await page
      .getByRole("menuitem", { name: "Give to another customer" })
      .click()
    await dialog()
      .getByText("Nobody else waits for this item at this location.")
      .waitFor()
    await expect(
      dialog().getByRole("button", { name: "Move units" }).isDisabled()
    ).resolves.toBe(true)
    await page.keyboard.press("Escape")
    await dialog().waitFor({ state: "detached" })
  })

  it("fulfils the available backorder from the order widget and captures the balance", async () => {
    await page.goto(`/app/orders/${state.orderId}`)
    const row = page.locator('[data-testid="order-backorder-KETTLE-MATTE"]')
    await expectText(row.locator('[data-testid="status"]'), "Stock available")
    await expectText(row.locator('[data-testid="allocated"]'), "3")
    await snap(page, "order-widget", '[data-testid="order-backorders-widget"]')
    await page.getByRole("button", { name: "Fulfil available" }).click()
    // Nothing is packed or charged before staff confirm what will be.
    await expectText(
      dialog().locator('[data-testid="fulfil-preview-KETTLE-MATTE"]'),
      "KETTLE-MATTE: 3 units"
    )
    await expectText(
      dialog().locator('[data-testid="fulfil-capture"]'),
      "Captures €165.90 from the customer's payment"
    )
    await snap(page, "fulfil-confirmation", '[role="dialog"]')
    expect((await kettleBackorder()).status).toBe("available")
    await dialog().getByRole("button", { name: "Fulfil and capture" }).click()
    await toastWith("Fulfilled 3 units, captured €165.90").waitFor()
    await expectText(row.locator('[data-testid="status"]'), "Fulfilled")
    // Medusa's own figures on the order: everything paid.
    const { order: summary } = await api(
      `/admin/orders/${state.orderId}?fields=summary`
    )
    expect(summary.summary).toEqual(
      expect.objectContaining({ paid_total: 237, pending_difference: 0 })
    )

    expect(await kettleBackorder()).toEqual(
      expect.objectContaining({ status: "fulfilled", fulfilled_quantity: 3 })
    )
    const { order } = await api(
      `/admin/orders/${state.orderId}?fields=payment_status,fulfillment_status`
    )
    expect(order).toEqual(
      expect.objectContaining({
        payment_status: "captured",
        fulfillment_status: "fulfilled",
      })
    )
  })

  it("renders the other pages and widgets", async () => {
    const { variants } = await api(
      "/admin/product-variants?sku=KETTLE-MATTE&fields=id,product_id,inventory_items.inventory_item_id"
    )
    const kettle = variants[0]
    const { customers } = await api("/admin/customers?email=jane@example.com")

    await page.goto("/app/purchase-orders")
    await page.locator("tr", { hasText: "PO-0002" }).waitFor()
    // The value column: the follow-up's four kettles at €38.00.
    await expectText(
      page
        .locator("tr", { hasText: "PO-0002" })
        .locator('[data-testid="po-value"]'),
      "€152.00"
    )
    await snap(page, "purchase-orders")
    await page.goto("/app/purchase-orders?status=closed")
    await page.locator("tr", { hasText: "PO-0001" }).waitFor()
    // Two kettles received, four cancelled into the follow-up: €76.00.
    await expectText(
      page
        .locator("tr", { hasText: "PO-0001" })
        .locator('[data-testid="po-value"]'),
      "€76.00"
    )
    await expect(
      page.locator("tr", { hasText: "PO-0002" }).count()
    ).resolves.toBe(0)

    await page.goto("/app/suppliers")
    await page.locator("tr", { hasText: "Nordic Coffee Supply" }).click()
    await page.getByText("Variants and terms").waitFor()
    await page.getByText("NCS-ESP-01").waitFor()
    await snap(page, "supplier")

    await page.goto("/app/backorders/health")
    await page.locator('[data-testid="age-chart"]').waitFor()
    await page.getByText("Brewware Wholesale").waitFor()
    await snap(page, "health")

    await page.goto(`/app/products/${kettle.product_id}/variants/${kettle.id}`)
    const variantWidget = page.locator(
      '[data-testid="variant-backorders-widget"]'
    )
    await variantWidget.getByText("Brewware Wholesale").waitFor()
    await snap(
      page,
      "variant-widget",
      '[data-testid="variant-backorders-widget"]'
    )

    await page.goto(
      `/app/inventory/${kettle.inventory_items[0].inventory_item_id}`
    )
    await page.locator('[data-testid="inventory-backorders-widget"]').waitFor()
    await snap(
      page,
      "inventory-widget",
      '[data-testid="inventory-backorders-widget"]'
    )

    await page.goto(`/app/customers/${customers[0].id}`)
    await page
      .locator('[data-testid="customer-backorders-widget"]')
      .getByText("Nothing on backorder.")
      .waitFor()
  })

  it("creates a supplier and its terms for a variant", async () => {
    await page.goto("/app/suppliers")
    await page.getByRole("button", { name: "Create" }).click()
    await dialog().locator("#supplier-name").fill("Kaffa Imports")
    await dialog().locator("#supplier-code").fill("KAF")
    await dialog().locator("#supplier-default_lead_time_days").fill("10")
    await dialog().getByRole("button", { name: "Save" }).click()
    await toastWith("Saved Kaffa Imports").waitFor()
    await page.waitForURL(/\/app\/suppliers\/sup/)

    await page.getByRole("button", { name: "Add variant" }).click()
    await dialog().locator("#terms-variant").fill("BEANS")
    await dialog()
      .getByRole("option", { name: /BEANS-HOUSE-1KG/ })
      .click()
    await dialog().locator("#terms-supplier-sku").fill("KAF-HB")
    await dialog().locator("#terms-unit_cost").fill("9.5")
    await dialog().locator("#terms-minimum_order_quantity").fill("4")
    await dialog().locator("#terms-case_pack").fill("2")
    await dialog().getByRole("button", { name: "Save" }).click()
    await toastWith("Saved the terms").waitFor()
    await page.locator("tr", { hasText: "KAF-HB" }).waitFor()

    const { suppliers } = await api("/admin/suppliers?q=Kaffa")
    expect(suppliers).toEqual([
      expect.objectContaining({
        name: "Kaffa Imports",
        code: "KAF",
        default_lead_time_days: 10,
      }),
    ])
    const { supplier_variants } = await api(
      `/admin/suppliers/${suppliers[0].id}/variants`
    )
    expect(supplier_variants).toEqual([
      expect.objectContaining({
        supplier_sku: "KAF-HB",
        unit_cost: 9.5,
        minimum_order_quantity: 4,
        case_pack: 2,
        is_preferred: false,
      }),
    ])
  })

  it("creates a purchase order by hand and cancels it", async () => {
    await page.goto("/app/purchase-orders")
    await page.getByRole("button", { name: "Create" }).click()
    await dialog().locator("#po-supplier").click()
    await page.getByRole("option", { name: "Kaffa Imports" }).click()
    await dialog().locator("#po-location").click()
    await page.getByRole("option", { name: "Warehouse" }).click()
    await dialog().locator("#po-add-variant").fill("BEANS")
    await dialog()
      .getByRole("option", { name: /BEANS-HOUSE-1KG/ })
      .click()
    await dialog().locator('input[type="number"]').first().fill("8")
    await dialog().getByRole("button", { name: "Create draft" }).click()
    await toastWith("Created PO-0003").waitFor()
    await expectText(page.locator('[data-testid="po-number"]'), "PO-0003")
    await expectText(page.locator('[data-testid="po-status"]'), "Draft")
    await expect(
      page.getByLabel("Quantity of BEANS-HOUSE-1KG").inputValue()
    ).resolves.toBe("8")

    await page.getByRole("button", { name: "More actions" }).click()
    await page.getByRole("menuitem", { name: "Cancel purchase order" }).click()
    await page.getByRole("button", { name: "Cancel purchase order" }).click()
    await toastWith("Cancelled PO-0003").waitFor()
    await expectText(page.locator('[data-testid="po-status"]'), "Cancelled")
  })

  it("cancels part of a backorder from the list: the paid share is refunded", async () => {
    const { customers } = await api("/admin/customers?email=jane@example.com")
    const { stock_locations } = await api("/admin/stock-locations?name=Shop")
    const { variants } = await api("/admin/product-variants?sku=GRINDER-WHITE")
    const sale = await api("/admin/to-order-sales", {
      customer_id: customers[0].id,
      location_id: stock_locations[0].id,
      lines: [{ variant_id: variants[0].id, quantity: 4 }],
      payment_policy: "pay_now",
    })
    const [grinder] = sale.backorders
    expect(grinder).toEqual(
      expect.objectContaining({ quantity: 2, status: "new" })
    )

    await page.goto("/app/backorders?status=new")
    const row = page.locator("tr", { hasText: "GRINDER-WHITE" })
    await row.getByRole("button").last().click()
    await page.getByRole("menuitem", { name: "Cancel" }).click()
    await dialog().locator("#cancel-quantity").fill("1")
    await dialog().locator("#cancel-reason").fill("Only needs one")
    await dialog().getByRole("button", { name: "Cancel units" }).click()
    await toastWith("Cancelled 1 of GRINDER-WHITE").waitFor()

    const { backorder } = await api(`/admin/backorders/${grinder.id}`)
    expect(backorder).toEqual(
      expect.objectContaining({
        status: "new",
        quantity: 2,
        cancelled_quantity: 1,
        refunded_amount: Number(grinder.unit_price),
        // Still open: the reason is kept on the backorder once it is cancelled as a whole.
        cancel_reason: null,
      })
    )
  })

  it("adds the supplier's open backorders to a draft purchase order", async () => {
    const { suppliers } = await api("/admin/suppliers?code=NCS")
    const { stock_locations } = await api("/admin/stock-locations?name=Shop")
    const { variants } = await api("/admin/product-variants?sku=ESPRESSO-STEEL")
    const { purchase_order } = await api("/admin/purchase-orders", {
      supplier_id: suppliers[0].id,
      location_id: stock_locations[0].id,
      lines: [{ variant_id: variants[0].id, quantity: 1 }],
    })
    expect(purchase_order.number).toBe("PO-0004")

    await page.goto(`/app/purchase-orders/${purchase_order.id}`)
    await page.getByRole("button", { name: "Add open backorders" }).click()
    await toastWith(
      "Added the open backorders of Nordic Coffee Supply"
    ).waitFor()
    await page.locator('[data-testid="po-line-GRINDER-WHITE"]').waitFor()
    await page
      .locator('[data-testid="po-backorders"]')
      .getByText("GRINDER-WHITE")
      .waitFor()

    const { purchase_order: draft } = await api(
      `/admin/purchase-orders/${purchase_order.id}`
    )
    const grinderLine = draft.lines.find(
      (l: { sku: string }) => l.sku === "GRINDER-WHITE"
    )
    // The one unit still short after the partial cancellation, linked to its backorder.
    expect(grinderLine.backorders).toEqual([
      expect.objectContaining({ quantity: 1 }),
    ])
  })

  it("requests stock for a mixed selection: orders what it can and says, in names and numbers, what it left out", async () => {
    const { customers } = await api("/admin/customers?email=jane@example.com")
    const { stock_locations } = await api("/admin/stock-locations?name=Shop")
    const { variants } = await api("/admin/product-variants?sku=KETTLE-MATTE")
    // Three kettles are left in the shop from the follow-up: five sold, two wait.
    const sale = await api("/admin/to-order-sales", {
      customer_id: customers[0].id,
      location_id: stock_locations[0].id,
      lines: [{ variant_id: variants[0].id, quantity: 5 }],
      payment_policy: "pay_on_receipt",
    })
    expect(sale.backorders).toEqual([
      expect.objectContaining({ sku: "KETTLE-MATTE", quantity: 2 }),
    ])
    const { backorders } = await api<{ backorders: any[] }>(
      "/admin/backorders?q=GRINDER-WHITE&status=new"
    )
    const {
      order: { display_id: grinderOrder },
    } = await api(`/admin/orders/${backorders[0].order_id}?fields=display_id`)

    const grinderRow = page.locator("tr", { hasText: "GRINDER-WHITE" })
    const kettleRow = page.locator("tr", { hasText: "KETTLE-MATTE" })
    // The New tab lists only what nobody has requested: the grinder on draft PO-0004 is
    // under Requested, with the tab counts the API gives.
    const counts = await api("/admin/backorders/counts")
    expect(counts.new_in_draft).toBeGreaterThan(0)
    await page.goto("/app/backorders?status=new")
    await kettleRow.waitFor()
    await expectText(
      page.getByTestId("backorder-tab-new"),
      `New${counts.counts.new - counts.new_in_draft}`
    )
    await expectText(
      page.getByTestId("backorder-tab-requested"),
      `Requested${counts.new_in_draft}`
    )
    expect(await grinderRow.count()).toBe(0)
    await page.getByTestId("backorder-tab-requested").click()
    await page.waitForURL(/status=requested/)
    await grinderRow.getByText("Requested").waitFor()
    await grinderRow.getByRole("link", { name: "PO-0004" }).waitFor()
    expect(await kettleRow.count()).toBe(0)
    const { count: requested } = await api(
      "/admin/backorders?limit=1&status=new&in_draft=true"
    )
    expect(requested).toBe(counts.new_in_draft)

    // A mixed selection, from the open backorders of every tab.
    await page.goto("/app/backorders?open=true")
    await grinderRow.getByRole("checkbox").click()
    await kettleRow.getByRole("checkbox").click()
    await page.getByRole("button", { name: "Request stock" }).first().click()
    const leftOut = `GRINDER-WHITE × 1 for Jane Doe (order #${grinderOrder}) is already on PO-0004`
    await expectText(
      dialog().locator('[data-testid="request-stock-skipped"] li'),
      leftOut
    )
    await expectText(
      dialog().locator('[data-testid="preview-line-KETTLE-MATTE"]'),
      "KETTLE-MATTE: 2 needed, 6 ordered (rounded from 2 to 6 (minimum order 6))€38.00 each · €228.00"
    )
    await snap(page, "request-stock-mixed")
    await dialog().getByRole("button", { name: "Request stock" }).click()
    await toastWith(
      `Stock requested on PO-0005; left out: ${leftOut}`
    ).waitFor()
    await kettleRow.getByRole("link", { name: "PO-0005" }).waitFor()
    await grinderRow.getByRole("link", { name: "PO-0004" }).waitFor()
  })

  it("gives allocated units to another customer (release / override) with a reason", async () => {
    const { customers } = await api("/admin/customers?email=jane@example.com")
    const { stock_locations } = await api("/admin/stock-locations?name=Shop")
    const { variants } = await api(
      "/admin/product-variants?sku=BEANS-HOUSE-1KG&fields=id,inventory_items.inventory_item_id"
    )
    const sell = (quantity: number) =>
      api("/admin/to-order-sales", {
        customer_id: customers[0].id,
        location_id: stock_locations[0].id,
        lines: [{ variant_id: variants[0].id, quantity }],
        payment_policy: "pay_now",
      })
    // Two bags in the shop: the first sale takes them and waits for one more; the second waits for two.
    const first = (await sell(3)).backorders[0]
    const second = await sell(2)
    const itemId = variants[0].inventory_items[0].inventory_item_id
    // One more bag counted in the shop: the oldest backorder gets it.
    await api(
      `/admin/inventory-items/${itemId}/location-levels/${stock_locations[0].id}`,
      { stocked_quantity: 3 }
    )
    await eventually(async () =>
      expect((await api(`/admin/backorders/${first.id}`)).backorder).toEqual(
        expect.objectContaining({ status: "available", allocated_quantity: 1 })
      )
    )

    await page.goto("/app/backorders?q=BEANS")
    const row = page
      .locator("tr", { hasText: "BEANS-HOUSE-1KG" })
      .filter({ hasText: "Stock available" })
    await row.getByRole("button").last().click()
    await page
      .getByRole("menuitem", { name: "Give to another customer" })
      .click()
    await dialog().locator("#release-target").click()
    await page
      .getByRole("option", {
        name: new RegExp(`#${second.order.display_id}\\b`),
      })
      .click()
    await dialog()
      .locator("#release-reason")
      .fill("Promised for the café opening")
    await dialog().getByRole("button", { name: "Move units" }).click()
    await toastWith("Moved 1 of BEANS-HOUSE-1KG").waitFor()

    const [from, to] = await Promise.all(
      [first.id, second.backorders[0].id].map(
        async (id) => (await api(`/admin/backorders/${id}`)).backorder
      )
    )
    // Back to waiting, and not on a purchase order: new again.
    expect(from).toEqual(
      expect.objectContaining({ status: "new", allocated_quantity: 0 })
    )
    expect(to).toEqual(
      expect.objectContaining({
        status: "partially_available",
        allocated_quantity: 1,
      })
    )
    const { allocations } = await api(
      `/admin/backorders/allocations?backorder_id=${to.id}`
    )
    expect(allocations).toEqual([
      expect.objectContaining({
        quantity: 1,
        source: "override",
        rule: "manual",
        counterpart_backorder_id: first.id,
      }),
    ])
  })

  it("restores the list from the URL: tab, search and grouping", async () => {
    await page.goto("/app/backorders?status=fulfilled&q=kettle&group=supplier")
    await page.locator("tr", { hasText: "KETTLE-MATTE" }).waitFor()
    await expect(
      page
        .locator('[data-testid="backorder-tab-fulfilled"]')
        .getAttribute("data-state")
    ).resolves.toBe("active")
    await expect(
      page.getByPlaceholder("Search SKU, customer, #order").inputValue()
    ).resolves.toBe("kettle")
    await page.locator('[data-testid="supplier-groups"]').waitFor()
    await expect(
      page.locator("tr", { hasText: "GRINDER-WHITE" }).count()
    ).resolves.toBe(0)
  })

  it("renders loading and error states: skeletons while loading, an inline error in a widget, the error page for a list", async () => {
    // Loading: the health figures held back for two seconds show skeletons first.
    await page.route("**/admin/backorders/health", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000))
      await route.continue()
    })
    await page.goto("/app/backorders/health")
    await page.locator(".animate-pulse").first().waitFor()
    await page.locator('[data-testid="age-chart"]').waitFor()
    await page.unroute("**/admin/backorders/health")

    // A widget whose data fails says so and leaves Medusa's order page working.
    await page.route("**/admin/orders/*/backorders?*", (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify({ type: "unknown_error", message: "Boom" }),
      })
    )
    await page.goto(`/app/orders/${state.orderId}`)
    await page
      .getByText("The backorders of this order could not be loaded.")
      .waitFor()
    await page.getByText("Summary").first().waitFor()
    await page.unroute("**/admin/orders/*/backorders?*")
  })

  it("emails a purchase order to its supplier with its PDF, keeps the sent history, exports the list and filters late backorders", async () => {
    // A grinder sold short whose purchase order was promised for a day already past.
    const { customers } = await api("/admin/customers?email=jane@example.com")
    const { stock_locations } = await api("/admin/stock-locations?name=Shop")
    const { variants } = await api("/admin/product-variants?sku=GRINDER-BLACK")
    const sale = await api("/admin/to-order-sales", {
      customer_id: customers[0].id,
      location_id: stock_locations[0].id,
      lines: [{ variant_id: variants[0].id, quantity: 3 }],
      payment_policy: "pay_now",
    })
    const [grinder] = sale.backorders
    const {
      purchase_orders: [po],
    } = await api("/admin/purchase-orders/request-stock", {
      backorder_ids: [grinder.id],
    })
    await api(`/admin/purchase-orders/${po.id}/send`, {
      expected_at: "2026-11-02T00:00:00.000Z",
    })

    await page.goto(`/app/purchase-orders/${po.id}`)
    await page.getByText("Not emailed to the supplier yet.").waitFor()
    await page.getByRole("button", { name: "More actions" }).click()
    await page.getByRole("menuitem", { name: "Email to supplier" }).click()
    const { supplier } = await api(`/admin/suppliers/${po.supplier_id}`)
    await expect(dialog().locator("#send-to").inputValue()).resolves.toBe(
      supplier.email
    )
    await dialog().locator("#send-note").fill("Please confirm by Friday")
    await dialog().getByRole("button", { name: "Send" }).click()
    await toastWith(`Sent ${po.number} to ${supplier.email}`).waitFor()
    const history = page.locator('[data-testid="po-dispatches"]')
    await expectText(history, supplier.email)
    await expectText(history, "Please confirm by Friday")
    const { purchase_order } = await api(`/admin/purchase-orders/${po.id}`)
    expect(purchase_order.dispatches).toEqual([
      expect.objectContaining({
        sent_to: supplier.email,
        note: "Please confirm by Friday",
      }),
    ])
    await snap(page, "purchase-order-sent")

    // The files open in a new tab: note where, without loading them.
    const opened = async () =>
      page.evaluate(() => (window as any).__opened as string[])
    const recordOpens = () =>
      page.evaluate(() => {
        ;(window as any).__opened = []
        window.open = (url?: string | URL) => {
          ;(window as any).__opened.push(String(url))
          return null
        }
      })
    await recordOpens()
    await page.getByRole("button", { name: "More actions" }).click()
    await page.getByRole("menuitem", { name: "Download PDF" }).click()
    await eventually(async () => {
      expect(await opened()).toEqual([
        expect.stringContaining(`purchase-order-${po.number}.pdf`),
      ])
    })

    await page.goto("/app/backorders")
    await recordOpens()
    await page.getByRole("button", { name: "Export CSV" }).click()
    const { count } = await api("/admin/backorders?limit=1")
    await toastWith(`Exported ${count} backorders`).waitFor()
    expect(await opened()).toEqual([expect.stringContaining(".csv")])

    await page.getByRole("button", { name: "Late only" }).click()
    await page.waitForURL(/late=true/)
    const rows = page.locator("tbody tr")
    await eventually(async () => {
      expect(await rows.count()).toBe(1)
      expect(await rows.first().innerText()).toContain("GRINDER-BLACK")
      expect(await rows.first().innerText()).toContain("(late)")
    })
  })

  it("names every page in the breadcrumbs", async () => {
    for (const [pathname, crumb] of [
      ["/app/backorders", "Backorders"],
      ["/app/backorders/health", "Backorder health"],
      ["/app/to-order-sale", "To-order sale"],
      ["/app/purchase-orders", "Purchase orders"],
      ["/app/suppliers", "Suppliers"],
    ]) {
      await page.goto(pathname)
      await page.locator("ol li", { hasText: crumb }).first().waitFor()
    }
    // Health sits under Backorders, a link back to the list.
    await page.goto("/app/backorders/health")
    await page.locator("ol li", { hasText: "Backorder health" }).waitFor()
    await page
      .locator("ol li", { hasText: /^Backorders$/ })
      .getByRole("link")
      .click()
    await page.waitForURL(/\/app\/backorders$/)
  })

  it("names its icon buttons: filter, sort and each row's actions", async () => {
    await page.goto("/app/backorders")
    await page.getByRole("button", { name: "Filter", exact: true }).waitFor()
    await page.getByRole("button", { name: "Sort", exact: true }).waitFor()
    const rowActions = page.getByRole("button", { name: /^Actions for / })
    await rowActions.first().waitFor()
    // One named action button per row.
    expect(await rowActions.count()).toBe(
      await page.locator("main tbody tr").count()
    )
    await page.goto("/app/purchase-orders")
    await page.getByRole("button", { name: "Filter", exact: true }).waitFor()
    await page.getByRole("button", { name: "Sort", exact: true }).waitFor()
  })

  describe("every plugin page and widget", () => {
    const pages = async () => {
      const { suppliers } = await api("/admin/suppliers?code=BWW")
      const { customers } = await api("/admin/customers?email=jane@example.com")
      const { variants } = await api(
        "/admin/product-variants?sku=KETTLE-MATTE&fields=id,product_id,inventory_items.inventory_item_id"
      )
      // A plugin page is checked whole; a core page only in the plugin's widget on it.
      return [
        ["/app/backorders"],
        ["/app/backorders?group=supplier"],
        ["/app/backorders/health"],
        ["/app/purchase-orders"],
        [`/app/purchase-orders/${state.poId}`],
        [`/app/purchase-orders/${state.followUpId}`],
        ["/app/suppliers"],
        [`/app/suppliers/${suppliers[0].id}`],
        ["/app/to-order-sale"],
        [
          `/app/orders/${state.orderId}`,
          '[data-testid="order-backorders-widget"]',
        ],
        [
          `/app/products/${variants[0].product_id}/variants/${variants[0].id}`,
          '[data-testid="variant-backorders-widget"]',
        ],
        [
          `/app/inventory/${variants[0].inventory_items[0].inventory_item_id}`,
          '[data-testid="inventory-backorders-widget"]',
        ],
        [
          `/app/customers/${customers[0].id}`,
          '[data-testid="customer-backorders-widget"]',
        ],
      ] as [string, string?][]
    }
    // The page's own content has loaded: no skeleton is left in it.
    const settled = async () => {
      await page.locator("main").waitFor()
      await page
        .locator("main .animate-pulse")
        .first()
        .waitFor({ state: "detached" })
    }

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
        for (const [pathname, widget] of await pages()) {
          await small.goto(pathname)
          await small
            .locator(widget ?? "main h1, main h2")
            .first()
            .waitFor()
          await small
            .locator("main .animate-pulse")
            .first()
            .waitFor({ state: "detached" })
          overflows[pathname] = await horizontalOverflow(small, widget)
          if (pathname === "/app/backorders") {
            await snap(small, "phone-backorders")
          }
          if (pathname === `/app/purchase-orders/${state.poId}`) {
            await snap(small, "phone-purchase-order")
          }
          if (pathname === "/app/backorders/health") {
            await snap(small, "phone-health")
          }
        }
      } finally {
        await phone.close()
      }
      // A pixel is sub-pixel rounding of the layout, not a page that scrolls.
      expect(
        Object.entries(overflows).filter(([, overflow]) => overflow > 1)
      ).toEqual([])
    })

    it("has no serious or critical accessibility violations (axe-core)", async () => {
      const found: Record<string, AxeViolation[]> = {}
      for (const [pathname, widget] of await pages()) {
        await page.goto(pathname)
        await page
          .locator(widget ?? "main h1, main h2")
          .first()
          .waitFor()
        await settled()
        const violations = await seriousAxeViolations(page, widget)
        if (violations.length) {
          found[pathname] = violations
        }
      }
      expect(found).toEqual({})
    })
  })

  /** Logs in unless the page already has a session (these tests also run alone, with -t). */
  const ensureLoggedIn = async () => {
    await page.goto("/app/backorders")
    await page.locator('input[name="email"], main h1').first().waitFor()
    if (await page.locator('input[name="email"]').count()) {
      await logIn(page)
    }
  }

  it("reads an authorised-only storefront payment as Authorised and names a guest by the shipping name", async () => {
    await ensureLoggedIn()
    const [{ api_keys }, { regions }, { products }] = await Promise.all([
      api("/admin/api-keys?type=publishable&title=Webshop"),
      api("/admin/regions?fields=id"),
      api("/admin/products?handle=gooseneck-kettle&fields=*variants"),
    ])
    const store = async <T = any>(pathname: string, body?: unknown) => {
      const response = await fetch(`${host.url}${pathname}`, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          "content-type": "application/json",
          "x-publishable-api-key": api_keys[0].token,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      if (!response.ok) {
        throw new Error(
          `${pathname}: ${response.status} ${await response.text()}`
        )
      }
      return (await response.json()) as T
    }
    // A guest checks out one kettle (none in stock, backorder allowed) in the storefront.
    const { cart } = await store("/store/carts", {
      region_id: regions[0].id,
      email: "gus.guest@example.com",
      items: [{ variant_id: products[0].variants[0].id, quantity: 1 }],
    })
    await store(`/store/carts/${cart.id}`, {
      shipping_address: {
        first_name: "Gus",
        last_name: "Guest",
        address_1: "1 Canal Street",
        city: "Amsterdam",
        postal_code: "1012",
        country_code: "nl",
      },
    })
    const { shipping_options } = await store(
      `/store/shipping-options?cart_id=${cart.id}`
    )
    await store(`/store/carts/${cart.id}/shipping-methods`, {
      option_id: shipping_options[0].id,
    })
    const { payment_collection } = await store("/store/payment-collections", {
      cart_id: cart.id,
    })
    await store(
      `/store/payment-collections/${payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" }
    )
    const completed = await store(`/store/carts/${cart.id}/complete`, {})
    expect(completed.type).toBe("order")
    const { order } = await api(
      `/admin/orders/${completed.order.id}?fields=id,display_id,total,payment_status`
    )
    // Medusa's own figure: authorised, nothing captured.
    expect(order.payment_status).toBe("authorized")

    // The backorder is recorded by a subscriber once the order is placed.
    for (let i = 0; i < 150; i++) {
      const { count } = await api(
        `/admin/backorders?limit=1&order_id=${order.id}`
      )
      if (count) {
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    await page.goto(
      `/app/backorders?q=${encodeURIComponent(`#${order.display_id}`)}`
    )
    const row = page
      .locator("main tbody tr", { hasText: `#${order.display_id}` })
      .first()
    await row.waitFor()
    const total = await page.evaluate(
      (amount) =>
        new Intl.NumberFormat(undefined, {
          style: "currency",
          currency: "EUR",
        }).format(amount),
      Number(order.total)
    )
    expect(
      (await row.getByTestId("backorder-payment").innerText()).split(/\n+/)
    ).toEqual([
      "Authorised",
      `authorised ${total} of ${total}, nothing captured`,
    ])
    await expectText(row, "Gus Guest")
    await expectText(row, "gus.guest@example.com")
    expect(await seriousAxeViolations(page)).toEqual([])
    await snap(page, "backorders-authorised-guest")
    await snap(page, "payment-cell", 'tr:has-text("Gus Guest")')

    // The order widget says the same, from the order Medusa's page loaded.
    await page.goto(`/app/orders/${order.id}`)
    const payment = page.getByTestId("order-payment")
    await payment.waitFor()
    expect((await payment.innerText()).split(/\n+/)).toEqual([
      "Payment: Authorised",
      `authorised ${total} of ${total}, nothing captured`,
    ])
    expect(
      await seriousAxeViolations(
        page,
        '[data-testid="order-backorders-widget"]'
      )
    ).toEqual([])
  })

  it("explains each health figure and links it to the list of exactly the backorders it counts", async () => {
    await ensureLoggedIn()
    await page.goto("/app/backorders/health")
    const figures = page.getByTestId("health-figure")
    await figures.first().waitFor()
    await expectText(
      figures.filter({ hasText: "Not ordered yet" }),
      "New backorders on no purchase order or transfer, draft included. Those on a draft are under Requested in the list until it is sent."
    )
    await expectText(
      figures.filter({ hasText: "Fill rate (90 days)" }),
      "Units allocated of the units backordered (less cancelled) on backorders created in the last 90 days."
    )
    const { health } = await api("/admin/backorders/health")
    const cards: [string, number, string][] = [
      ["Open backorders", health.open_count, "open=true"],
      ["Promise date passed", health.late_count, "late=true"],
      ["Not ordered yet", health.without_purchase_order_count, "status=new"],
    ]
    expect(health.open_count).toBeGreaterThan(0)
    expect(health.without_purchase_order_count).toBeGreaterThan(0)
    for (const [label, value, query] of cards) {
      await page.goto("/app/backorders/health")
      const card = figures.filter({ hasText: label })
      const link = card.getByRole("link")
      await expectText(link, String(value))
      await link.click()
      await page.waitForURL(new RegExp(`/app/backorders\\?(.*&)?${query}`))
      if (value === 0) {
        continue
      }
      // The list shows exactly the backorders the card counted (one page of 20 at most here).
      await page.waitForFunction(
        (n) => document.querySelectorAll("main tbody tr").length === n,
        Math.min(value, 20)
      )
      const { count } = await api(
        `/admin/backorders?limit=1&${query === "open=true" ? "status[]=new&status[]=on_order&status[]=partially_available&status[]=available" : query === "status=new" ? "status=new&in_draft=false" : query}`
      )
      expect(count).toBe(value)
    }
    await page.goto("/app/backorders/health")
    await figures.first().waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await snap(page, "health-explained")
    // The explanations fit a phone: the page does not scroll sideways.
    await page.setViewportSize(PHONE)
    try {
      await page.reload()
      await figures.first().waitFor()
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1)
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 })
    }
  })

  it("threw no uncaught errors in the browser", () => {
    expect(errors).toEqual([])
  })

  it("shows an error page, not a blank one, for a purchase order that does not exist", async () => {
    await page.goto("/app/purchase-orders/po_missing")
    // Medusa's error page: "404 - There is no page at this address" in a built dashboard.
    await page
      .getByText(/not found|no page at this address/i)
      .first()
      .waitFor()
    await snap(page, "error-state")
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

/** Retries an assertion for up to 30 s: subscribers run after the request that caused them. */
async function eventually(assertion: () => Promise<void>) {
  const deadline = Date.now() + 30000
  for (;;) {
    try {
      return await assertion()
    } catch (error) {
      if (Date.now() > deadline) {
        throw error
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
}
