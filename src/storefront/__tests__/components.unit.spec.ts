import { createElement } from "react"
import { renderToStaticMarkup } from "react-dom/server"
import {
  AccountBackorders,
  availabilityText,
  CartLineAvailability,
  OrderBackorders,
  ProductAvailability,
} from "../react"
import { splitQuantity } from "../index"
import type { StoreBackorder, StoreBackorderAvailability } from "../types"

const DEC_12 = "2026-12-12T00:00:00.000Z"
const JAN_05 = "2027-01-05T00:00:00.000Z"

const availability = (
  overrides: Partial<StoreBackorderAvailability>
): StoreBackorderAvailability => ({
  variant_id: "variant_1",
  in_stock_quantity: 3,
  status: "in_stock",
  can_backorder: true,
  expected_at: DEC_12,
  incoming: [
    { quantity: 2, expected_at: DEC_12 },
    { quantity: 5, expected_at: JAN_05 },
  ],
  ...overrides,
})

const backorder = (overrides: Partial<StoreBackorder>): StoreBackorder => ({
  id: "bo_1",
  status: "on_order",
  order_id: "order_1",
  line_item_id: "item_1",
  product_id: "prod_1",
  variant_id: "variant_1",
  sku: "GRINDER-WHITE",
  title: "Burr Grinder White",
  quantity: 2,
  allocated_quantity: 0,
  fulfilled_quantity: 0,
  cancelled_quantity: 0,
  promised_at: null,
  expected_at: DEC_12,
  available_at: null,
  fulfilled_at: null,
  delivered_at: null,
  cancelled_at: null,
  created_at: "2026-12-01T10:00:00.000Z",
  ...overrides,
})

const html = (element: Parameters<typeof renderToStaticMarkup>[0]) =>
  renderToStaticMarkup(element)

describe("storefront components", () => {
  it("says on the product page what ships now and when more comes", () => {
    expect(availabilityText(availability({}))).toBe(
      "3 in stock, more ships around 12 Dec"
    )
    expect(
      availabilityText(
        availability({ in_stock_quantity: 0, status: "backorder" })
      )
    ).toBe("Backorder: ships around 12 Dec")
    expect(
      availabilityText(
        availability({
          in_stock_quantity: 0,
          status: "backorder",
          expected_at: null,
        })
      )
    ).toBe("Backorder: ships when restocked")
    expect(
      availabilityText(
        availability({
          in_stock_quantity: 0,
          status: "out_of_stock",
          can_backorder: false,
        })
      )
    ).toBe("Out of stock")
    expect(
      availabilityText(
        availability({ can_backorder: false, expected_at: null, incoming: [] })
      )
    ).toBe("3 in stock")
    expect(
      html(
        createElement(ProductAvailability, {
          availability: availability({
            in_stock_quantity: 0,
            status: "backorder",
          }),
        })
      )
    ).toBe(
      '<p class="bo-availability bo-availability--backorder" data-status="backorder">Backorder: ships around 12 Dec</p>'
    )
  })

  it("splits a cart line between stock and the supply that serves the rest", () => {
    expect(splitQuantity(availability({}), 7)).toEqual({
      ships_now: 3,
      later: [
        { quantity: 2, expected_at: DEC_12 },
        { quantity: 2, expected_at: JAN_05 },
      ],
    })
    expect(
      html(
        createElement(CartLineAvailability, {
          availability: availability({ in_stock_quantity: 1 }),
          quantity: 3,
        })
      )
    ).toBe(
      '<p class="bo-line-availability" data-ships-now="1">1 ships now, 2 ship around 12 Dec</p>'
    )
    expect(
      html(
        createElement(CartLineAvailability, {
          availability: availability({}),
          quantity: 2,
        })
      )
    ).toBe("")
  })

  it("lists on the confirmation what ships now and later, and in the account what waits", () => {
    const confirmation = html(
      createElement(OrderBackorders, {
        items: [{ id: "item_1", title: "Burr Grinder White", quantity: 3 }],
        backorders: [backorder({})],
      })
    )
    expect(confirmation).toContain(
      '<h2 id="bo-order-backorders-heading" class="bo-order-backorders__heading">Some items ship later</h2>'
    )
    expect(confirmation).toContain(
      '<span class="bo-order-backorders__split">1 ships now, 2 ship around 12 Dec</span>'
    )
    expect(
      html(createElement(OrderBackorders, { items: [], backorders: [] }))
    ).toBe("")

    const account = html(
      createElement(AccountBackorders, {
        backorders: [
          backorder({}),
          backorder({
            id: "bo_2",
            status: "available",
            allocated_quantity: 2,
            expected_at: null,
          }),
        ],
      })
    )
    expect(account).toContain(
      '<tr class="bo-account-backorders__row" data-backorder-id="bo_1" data-status="on_order"><th scope="row">Burr Grinder White<small class="bo-account-backorders__sku"> (GRINDER-WHITE)</small></th><td data-column="waiting">2</td><td data-column="expected"><time dateTime="2026-12-12T00:00:00.000Z">12 Dec</time></td><td data-column="status">On order</td></tr>'
    )
    expect(account).toContain(
      '<tr class="bo-account-backorders__row" data-backorder-id="bo_2" data-status="available"><th scope="row">Burr Grinder White<small class="bo-account-backorders__sku"> (GRINDER-WHITE)</small></th><td data-column="waiting">0</td><td data-column="expected">—</td><td data-column="status">Ready to ship</td></tr>'
    )
    expect(html(createElement(AccountBackorders, { backorders: [] }))).toBe(
      '<p class="bo-account-backorders--empty">Nothing on backorder.</p>'
    )
  })
})
