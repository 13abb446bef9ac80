import { BackorderSource } from "../../../types/enums"
import {
  buildCandidates,
  newOrderBackorder,
  OrderToRecord,
  splitShortages,
} from "../utils/recording"

const order: OrderToRecord = {
  id: "order_1",
  customer_id: "cus_jane",
  sales_channel_id: "sc_web",
  currency_code: "eur",
  items: [
    {
      id: "item_kettle",
      variant_id: "var_kettle",
      product_id: "prod_kettle",
      title: "Kettle",
      variant_sku: "KETTLE-MATTE",
      quantity: 3,
      total: 100,
    },
    {
      id: "item_kit",
      variant_id: "var_kit",
      product_id: "prod_kit",
      title: "Kit",
      variant_sku: null,
      quantity: 1,
      total: 50,
    },
    {
      id: "item_custom",
      variant_id: null,
      product_id: null,
      title: "Engraving",
      variant_sku: null,
      quantity: 1,
      total: 5,
    },
    {
      id: "item_beans",
      variant_id: "var_beans",
      product_id: "prod_beans",
      title: "Beans",
      variant_sku: "BEANS",
      quantity: 4,
      total: 44,
    },
  ],
}

const reservation = (
  line_item_id: string | null,
  inventory_item_id: string,
  quantity: number,
  created_at: string
) => ({
  line_item_id,
  inventory_item_id,
  location_id: "sloc_shop",
  quantity,
  created_at,
})

describe("buildCandidates", () => {
  it("takes each line reserved at one item and location, with its latest reservation's time, counting an older backorder as checked", () => {
    expect(
      buildCandidates(
        order,
        [
          reservation(
            "item_kettle",
            "iitem_kettle",
            2,
            "2026-12-01T10:00:00.000Z"
          ),
          reservation(
            "item_kettle",
            "iitem_kettle",
            1,
            "2026-12-01T11:00:00.000Z"
          ),
          reservation("item_kit", "iitem_a", 1, "2026-12-01T10:00:00.000Z"),
          reservation("item_kit", "iitem_b", 1, "2026-12-01T10:00:00.000Z"),
          reservation("item_custom", "iitem_x", 1, "2026-12-01T10:00:00.000Z"),
          reservation(null, "iitem_kettle", 5, "2026-12-01T10:00:00.000Z"),
          reservation(
            "item_beans",
            "iitem_beans",
            4,
            "2026-12-01T09:00:00.000Z"
          ),
        ],
        [
          {
            id: "bo_beans",
            line_item_id: "item_beans",
            location_id: "sloc_shop",
            quantity: 3,
            cancelled_quantity: 1,
          },
        ]
      )
    ).toEqual([
      {
        line_item_id: "item_kettle",
        inventory_item_id: "iitem_kettle",
        location_id: "sloc_shop",
        quantity: 3,
        checked: 0,
        reserved_at: new Date("2026-12-01T11:00:00.000Z"),
      },
      {
        line_item_id: "item_beans",
        inventory_item_id: "iitem_beans",
        location_id: "sloc_shop",
        quantity: 4,
        checked: 2,
        reserved_at: new Date("2026-12-01T09:00:00.000Z"),
      },
    ])
  })

  it("leaves out a line whose backorder is kept at another location", () => {
    expect(
      buildCandidates(
        order,
        [
          reservation(
            "item_beans",
            "iitem_beans",
            4,
            "2026-12-01T09:00:00.000Z"
          ),
        ],
        [
          {
            id: "bo_beans",
            line_item_id: "item_beans",
            location_id: "sloc_wh",
            quantity: 3,
            cancelled_quantity: 0,
          },
        ]
      )
    ).toEqual([])
  })
})

describe("splitShortages and newOrderBackorder", () => {
  it("grows a line's backorder by its short units, makes a new one otherwise, and skips lines with none short", () => {
    const candidate = (line_item_id: string, inventory_item_id: string) => ({
      line_item_id,
      inventory_item_id,
      location_id: "sloc_shop",
      quantity: 4,
      checked: 0,
      reserved_at: new Date("2026-12-01T09:00:00.000Z"),
    })
    const kettle = candidate("item_kettle", "iitem_kettle")
    const split = splitShortages(
      [
        kettle,
        candidate("item_beans", "iitem_beans"),
        candidate("item_kit", "iitem_a"),
      ],
      new Map([
        ["item_kettle", 2],
        ["item_beans", 1],
        ["item_kit", 0],
      ]),
      [
        {
          id: "bo_beans",
          line_item_id: "item_beans",
          location_id: "sloc_shop",
          quantity: 3,
          cancelled_quantity: 0,
        },
      ]
    )
    expect(split).toEqual({
      toCreate: [{ candidate: kettle, short: 2 }],
      toGrow: [{ id: "bo_beans", quantity: 4, previous: 3 }],
    })
    expect(
      newOrderBackorder({
        order,
        candidate: kettle,
        short: 2,
        source: BackorderSource.STOREFRONT,
        supplierIds: { var_kettle: "sup_bww" },
      })
    ).toEqual({
      source: BackorderSource.STOREFRONT,
      order_id: "order_1",
      line_item_id: "item_kettle",
      customer_id: "cus_jane",
      sales_channel_id: "sc_web",
      product_id: "prod_kettle",
      variant_id: "var_kettle",
      inventory_item_id: "iitem_kettle",
      location_id: "sloc_shop",
      supplier_id: "sup_bww",
      sku: "KETTLE-MATTE",
      title: "Kettle",
      quantity: 2,
      payment_policy: "pay_now",
      currency_code: "eur",
      unit_price: 33.33,
    })
  })
})
