import {
  chooseSupplier,
  groupDemands,
  planLine,
  planPurchaseOrders,
  StockRequestBackorder,
  StockRequestData,
  StockRequestTerm,
} from "../utils/plan-purchase-orders"
import { refusal } from "../../__tests__/refusal"

const NOW = new Date("2026-12-01T10:00:00.000Z")

const backorder = (
  id: string,
  variant_id: string,
  waiting_quantity: number,
  extra: Partial<StockRequestBackorder> = {}
): StockRequestBackorder => ({
  id,
  status: "new",
  variant_id,
  location_id: "sloc_shop",
  customer_id: "cus_jane",
  order_id: "order_1",
  waiting_quantity,
  open_purchase_order_number: null,
  open_transfer_number: null,
  ...extra,
})

const term = (
  variant_id: string,
  supplier_id: string,
  extra: Partial<StockRequestTerm> = {}
): StockRequestTerm => ({
  variant_id,
  supplier_id,
  is_preferred: true,
  supplier_sku: `${supplier_id}-${variant_id}`,
  unit_cost: 38,
  lead_time_days: 14,
  minimum_order_quantity: 6,
  case_pack: 6,
  ...extra,
})

const data = (extra: Partial<StockRequestData> = {}): StockRequestData => ({
  backorders: [],
  variants: [
    {
      id: "var_kettle",
      sku: "KETTLE-MATTE",
      title: "Matte black",
      product_id: "prod_kettle",
      product_title: "Kettle",
      inventory_item_ids: ["iitem_kettle"],
    },
    {
      id: "var_beans",
      sku: "BEANS-HOUSE-1KG",
      title: "1 kg",
      product_id: "prod_beans",
      product_title: "House beans",
      inventory_item_ids: ["iitem_beans"],
    },
  ],
  terms: [
    term("var_kettle", "sup_bww"),
    term("var_beans", "sup_bww", {
      unit_cost: 11,
      lead_time_days: 3,
      minimum_order_quantity: 10,
      case_pack: 5,
    }),
    term("var_beans", "sup_nordic", {
      is_preferred: false,
      unit_cost: 9.5,
      lead_time_days: 21,
      minimum_order_quantity: 1,
      case_pack: 1,
    }),
  ],
  suppliers: [
    { id: "sup_bww", currency_code: "eur", default_lead_time_days: 7 },
    { id: "sup_nordic", currency_code: "nok", default_lead_time_days: null },
  ],
  draft: null,
  location_found: true,
  orders: [],
  ...extra,
})

const plan = (
  input: Parameters<typeof planPurchaseOrders>[0],
  extra: Partial<StockRequestData> = {}
) => planPurchaseOrders(input, data(extra), NOW)

describe("planPurchaseOrders", () => {
  it("orders the waiting units of backorders from each variant's preferred supplier, merged per variant and rounded to MOQ and case pack", () => {
    expect(
      plan(
        { backorder_ids: ["bo_1", "bo_2", "bo_3"], created_by: "user_1" },
        {
          backorders: [
            backorder("bo_1", "var_kettle", 2),
            backorder("bo_2", "var_kettle", 3),
            backorder("bo_3", "var_beans", 7),
          ],
        }
      )
    ).toEqual([
      {
        purchase_order_id: null,
        supplier_id: "sup_bww",
        location_id: "sloc_shop",
        is_dropship: false,
        dropship_customer_id: null,
        dropship_address: null,
        currency_code: "eur",
        // The longest lead time of its lines: 14 days.
        expected_at: new Date("2026-12-15T10:00:00.000Z"),
        lead_time: {
          days: 14,
          source: "variant_terms",
          variant_id: "var_kettle",
        },
        notes: null,
        created_by: "user_1",
        lines: [
          {
            purchase_order_line_id: null,
            variant_id: "var_kettle",
            product_id: "prod_kettle",
            inventory_item_id: "iitem_kettle",
            title: "Kettle Matte black",
            sku: "KETTLE-MATTE",
            supplier_sku: "sup_bww-var_kettle",
            unit_cost: 38,
            requested_quantity: 5,
            quantity: 6,
            rounding: {
              requested_quantity: 5,
              quantity: 6,
              minimum_order_quantity: 6,
              case_pack: 6,
              reason: "rounded from 5 to 6 (minimum order 6)",
            },
            backorders: [
              { backorder_id: "bo_1", quantity: 2 },
              { backorder_id: "bo_2", quantity: 3 },
            ],
          },
          {
            purchase_order_line_id: null,
            variant_id: "var_beans",
            product_id: "prod_beans",
            inventory_item_id: "iitem_beans",
            title: "House beans 1 kg",
            sku: "BEANS-HOUSE-1KG",
            supplier_sku: "sup_bww-var_beans",
            unit_cost: 11,
            requested_quantity: 7,
            quantity: 10,
            rounding: {
              requested_quantity: 7,
              quantity: 10,
              minimum_order_quantity: 10,
              case_pack: 5,
              reason: "rounded from 7 to 10 (minimum order 10)",
            },
            backorders: [{ backorder_id: "bo_3", quantity: 7 }],
          },
        ],
        backorder_ids: ["bo_1", "bo_2", "bo_3"],
      },
    ])
  })

  it("rounds up to a whole case above the minimum, and orders exactly when asked not to round", () => {
    const lineOf = (input: Parameters<typeof planPurchaseOrders>[0]) => {
      const [{ lines }] = plan(input)
      return [lines[0].quantity, lines[0].rounding?.reason ?? null]
    }
    expect(
      lineOf({
        location_id: "sloc_shop",
        lines: [{ variant_id: "var_kettle", quantity: 7 }],
      })
    ).toEqual([12, "rounded from 7 to 12 (case pack 6)"])
    expect(
      lineOf({
        location_id: "sloc_shop",
        lines: [
          { variant_id: "var_kettle", quantity: 7, round_to_terms: false },
        ],
      })
    ).toEqual([7, null])
    expect(
      lineOf({
        location_id: "sloc_shop",
        round_to_terms: false,
        lines: [{ variant_id: "var_kettle", quantity: 2 }],
      })
    ).toEqual([2, null])
    expect(
      lineOf({
        location_id: "sloc_shop",
        lines: [{ variant_id: "var_kettle", quantity: 12 }],
      })
    ).toEqual([12, null])
  })

  it("takes the supplier asked over the preferred one, with that supplier's terms, cost and currency; a cost given wins", () => {
    const [po] = plan({
      supplier_id: "sup_nordic",
      location_id: "sloc_shop",
      expected_at: "2027-01-04T00:00:00.000Z",
      lines: [{ variant_id: "var_beans", quantity: 7, unit_cost: 8.25 }],
    })
    expect([
      po.supplier_id,
      po.currency_code,
      po.expected_at,
      po.lines.map((l) => [l.supplier_sku, l.quantity, l.unit_cost]),
    ]).toEqual([
      "sup_nordic",
      "nok",
      new Date("2027-01-04T00:00:00.000Z"),
      [["sup_nordic-var_beans", 7, 8.25]],
    ])
  })

  it("splits per supplier and destination: one purchase order each", () => {
    const plans = plan(
      { backorder_ids: ["bo_1", "bo_2", "bo_3"] },
      {
        backorders: [
          backorder("bo_1", "var_kettle", 2),
          backorder("bo_2", "var_kettle", 1, { location_id: "sloc_wh" }),
          backorder("bo_3", "var_beans", 10),
        ],
        terms: [
          term("var_kettle", "sup_bww"),
          term("var_beans", "sup_nordic", {
            minimum_order_quantity: 1,
            case_pack: 1,
            lead_time_days: null,
          }),
        ],
      }
    )
    expect(
      plans.map((p) => [
        p.supplier_id,
        p.location_id,
        p.backorder_ids,
        p.lines.map((l) => l.quantity),
        p.expected_at,
      ])
    ).toEqual([
      [
        "sup_bww",
        "sloc_shop",
        ["bo_1"],
        [6],
        new Date("2026-12-15T10:00:00.000Z"),
      ],
      [
        "sup_bww",
        "sloc_wh",
        ["bo_2"],
        [6],
        new Date("2026-12-15T10:00:00.000Z"),
      ],
      // No lead time on the term and none by default: no expected date.
      ["sup_nordic", "sloc_shop", ["bo_3"], [10], null],
    ])
  })

  it("merges into an open draft: backorder units fill the line's rounding extra, plain units come on top", () => {
    const draft = {
      id: "po_1",
      number: "PO-0001",
      status: "draft",
      supplier_id: "sup_bww",
      location_id: "sloc_shop",
      expected_at: "2026-12-20T00:00:00.000Z",
      lines: [
        {
          id: "pol_kettle",
          variant_id: "var_kettle",
          quantity: 6,
          linked_quantity: 2,
        },
      ],
    }
    const [forBackorder] = plan(
      { purchase_order_id: "po_1", backorder_ids: ["bo_9"] },
      { draft, backorders: [backorder("bo_9", "var_kettle", 3)] }
    )
    expect([
      forBackorder.purchase_order_id,
      forBackorder.expected_at,
      forBackorder.lines.map((l) => [
        l.purchase_order_line_id,
        l.requested_quantity,
        l.quantity,
        l.rounding,
      ]),
    ]).toEqual([
      "po_1",
      new Date("2026-12-20T00:00:00.000Z"),
      [["pol_kettle", 6, 6, null]],
    ])

    const [forStock] = plan(
      {
        purchase_order_id: "po_1",
        lines: [
          { variant_id: "var_kettle", quantity: 4 },
          { variant_id: "var_beans", quantity: 12 },
        ],
      },
      { draft }
    )
    expect(
      forStock.lines.map((l) => [
        l.purchase_order_line_id,
        l.requested_quantity,
        l.quantity,
      ])
    ).toEqual([
      ["pol_kettle", 10, 12],
      [null, 12, 15],
    ])
  })

  it("dropships exactly what one customer's order waits for, to its shipping address", () => {
    const [po] = plan(
      { dropship: true, backorder_ids: ["bo_1", "bo_2"] },
      {
        backorders: [
          backorder("bo_1", "var_kettle", 1),
          backorder("bo_2", "var_beans", 3),
        ],
        orders: [
          {
            id: "order_1",
            shipping_address: {
              id: "addr_1",
              created_at: "2026-11-30",
              updated_at: "2026-11-30",
              deleted_at: null,
              first_name: "Jane",
              city: "Utrecht",
            },
          },
        ],
      }
    )
    expect([
      po.is_dropship,
      po.location_id,
      po.dropship_customer_id,
      po.dropship_address,
      po.lines.map((l) => [l.quantity, l.rounding]),
    ]).toEqual([
      true,
      null,
      "cus_jane",
      { first_name: "Jane", city: "Utrecht" },
      [
        [1, null],
        [3, null],
      ],
    ])
  })

  it("refuses what cannot be planned, naming the ids and numbers", () => {
    expect(refusal(() => plan({}))).toEqual({
      type: "invalid_data",
      message: "A purchase order needs backorders or lines",
    })
    expect(refusal(() => plan({ backorder_ids: ["bo_1", "bo_x"] }))).toEqual({
      type: "not_found",
      message: "Backorder with id: bo_1, bo_x was not found",
    })
    expect(
      refusal(() =>
        plan(
          { backorder_ids: ["bo_1"] },
          {
            backorders: [
              backorder("bo_1", "var_kettle", 2, { status: "on_order" }),
            ],
          }
        )
      )
    ).toEqual({
      type: "not_allowed",
      message:
        "Backorder bo_1 is on_order: only new backorders can be put on a purchase order",
    })
    expect(
      refusal(() =>
        plan(
          { backorder_ids: ["bo_1"] },
          {
            backorders: [
              backorder("bo_1", "var_kettle", 2, {
                open_purchase_order_number: "PO-0004",
              }),
            ],
          }
        )
      )
    ).toEqual({
      type: "not_allowed",
      message: "Backorder bo_1 is already on purchase order PO-0004",
    })
    // On a draft transfer it is still new, but its units are about to come from another
    // own location: ordering them too would buy them twice.
    expect(
      refusal(() =>
        plan(
          { backorder_ids: ["bo_1"] },
          {
            backorders: [
              backorder("bo_1", "var_kettle", 2, {
                open_transfer_number: "TR-0002",
              }),
            ],
          }
        )
      )
    ).toEqual({
      type: "not_allowed",
      message: "Backorder bo_1 is already on transfer TR-0002",
    })
    expect(
      refusal(() =>
        plan({
          location_id: "sloc_shop",
          lines: [{ variant_id: "var_gone", quantity: 1 }],
        })
      )
    ).toEqual({ type: "not_found", message: "Variant var_gone was not found" })
    expect(
      refusal(() =>
        plan({
          purchase_order_id: "po_x",
          lines: [{ variant_id: "var_kettle", quantity: 1 }],
        })
      )
    ).toEqual({
      type: "not_found",
      message: "Purchase order with id: po_x was not found",
    })
    expect(
      refusal(() =>
        plan(
          {
            purchase_order_id: "po_1",
            lines: [{ variant_id: "var_kettle", quantity: 1 }],
          },
          {
            draft: {
              id: "po_1",
              number: "PO-0001",
              status: "ordered",
              supplier_id: "sup_bww",
              location_id: "sloc_shop",
              expected_at: null,
              lines: [],
            },
          }
        )
      )
    ).toEqual({
      type: "not_allowed",
      message:
        "Purchase order PO-0001 is ordered: only a draft can be added to",
    })
    expect(
      refusal(() =>
        plan(
          {
            location_id: "sloc_x",
            lines: [{ variant_id: "var_kettle", quantity: 1 }],
          },
          { location_found: false }
        )
      )
    ).toEqual({
      type: "not_found",
      message: "Stock location sloc_x was not found",
    })
    expect(
      refusal(() =>
        plan({ lines: [{ variant_id: "var_kettle", quantity: 1 }] })
      )
    ).toEqual({
      type: "invalid_data",
      message: "Plain purchase order lines need a location_id to deliver to",
    })
    expect(
      refusal(() =>
        plan({
          supplier_id: "sup_x",
          location_id: "sloc_shop",
          lines: [{ variant_id: "var_kettle", quantity: 1 }],
        })
      )
    ).toEqual({
      type: "not_found",
      message: "Supplier with id: sup_x was not found",
    })
    expect(
      refusal(() =>
        plan(
          {
            location_id: "sloc_shop",
            lines: [{ variant_id: "var_kettle", quantity: 999_999 }],
          },
          {}
        )
      )
    ).toEqual({
      type: "invalid_data",
      message:
        "Variant var_kettle: the purchase order line would order 1000002 units, more than the 1000000 a line can hold",
    })
  })

  it("refuses a dropship of several customers and one without a shipping address", () => {
    expect(
      refusal(() =>
        plan(
          { dropship: true, backorder_ids: ["bo_1", "bo_2"] },
          {
            backorders: [
              backorder("bo_1", "var_kettle", 1),
              backorder("bo_2", "var_kettle", 1, {
                customer_id: "cus_max",
                order_id: "order_2",
              }),
            ],
          }
        )
      )
    ).toEqual({
      type: "invalid_data",
      message:
        "A dropship purchase order ships the backorders of one customer: choose backorders of a single customer",
    })
    expect(
      refusal(() =>
        plan(
          { dropship: true, backorder_ids: ["bo_1"] },
          {
            backorders: [backorder("bo_1", "var_kettle", 1)],
            orders: [{ id: "order_1", shipping_address: null }],
          }
        )
      )
    ).toEqual({
      type: "invalid_data",
      message: "Order order_1 has no shipping address to dropship to",
    })
  })
})

describe("chooseSupplier", () => {
  it("takes the supplier asked, else the draft's, else the preferred one, else refuses", () => {
    const d = data()
    expect(chooseSupplier("var_beans", { supplier_id: "sup_x" }, d)).toBe(
      "sup_x"
    )
    expect(
      chooseSupplier(
        "var_beans",
        {},
        {
          ...d,
          draft: {
            id: "po_1",
            number: "PO-0001",
            status: "draft",
            supplier_id: "sup_nordic",
            location_id: null,
            expected_at: null,
            lines: [],
          },
        }
      )
    ).toBe("sup_nordic")
    expect(chooseSupplier("var_beans", {}, d)).toBe("sup_bww")
    expect(
      refusal(() =>
        chooseSupplier("var_beans", {}, { ...d, terms: d.terms.slice(2) })
      )
    ).toEqual({
      type: "invalid_data",
      message:
        "Variant var_beans (SKU BEANS-HOUSE-1KG) has no preferred supplier: choose a supplier",
    })
  })
})

describe("groupDemands", () => {
  const demand = (supplier_id: string, location_id: string | null) => ({
    variant_id: "var_kettle",
    location_id,
    supplier_id,
    customer_id: null,
    order_id: null,
    backorder_id: null,
    quantity: 1,
    round: true,
  })
  const draft = {
    id: "po_1",
    number: "PO-0001",
    status: "draft",
    supplier_id: "sup_bww",
    location_id: "sloc_shop",
    expected_at: null,
    lines: [],
  }

  it("refuses adding another supplier's or destination's units to a draft", () => {
    expect(
      refusal(() => groupDemands([demand("sup_nordic", "sloc_shop")], draft))
    ).toEqual({
      type: "not_allowed",
      message: "Purchase order PO-0001 is for supplier sup_bww, not sup_nordic",
    })
    expect(
      refusal(() => groupDemands([demand("sup_bww", "sloc_wh")], draft))
    ).toEqual({
      type: "not_allowed",
      message: "Purchase order PO-0001 delivers to sloc_shop, not sloc_wh",
    })
    expect(groupDemands([demand("sup_bww", "sloc_shop")], draft)).toEqual([
      [demand("sup_bww", "sloc_shop")],
    ])
  })
})

describe("planLine", () => {
  it("without terms orders what is asked, with no supplier SKU or cost, and no inventory item for a kit", () => {
    expect(
      planLine({
        variant: {
          id: "var_kit",
          sku: null,
          title: null,
          product_id: null,
          product_title: null,
          inventory_item_ids: ["iitem_a", "iitem_b"],
        },
        demands: [
          {
            variant_id: "var_kit",
            location_id: "sloc_shop",
            supplier_id: "sup_bww",
            customer_id: null,
            order_id: null,
            backorder_id: null,
            quantity: 3,
            round: true,
          },
        ],
        term: undefined,
        existing: undefined,
        dropship: false,
      })
    ).toEqual({
      purchase_order_line_id: null,
      variant_id: "var_kit",
      product_id: null,
      inventory_item_id: null,
      title: null,
      sku: null,
      supplier_sku: null,
      unit_cost: null,
      requested_quantity: 3,
      quantity: 3,
      rounding: null,
      backorders: [],
    })
  })
})
