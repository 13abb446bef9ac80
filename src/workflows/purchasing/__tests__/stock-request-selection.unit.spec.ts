import {
  BackorderToOrder,
  describePlans,
  splitOrderableBackorders,
} from "../utils/stock-request-selection"

const backorder = (
  id: string,
  extra: Partial<BackorderToOrder> = {}
): BackorderToOrder => ({
  id,
  status: "new",
  sku: "KETTLE-MATTE",
  title: "Kettle",
  customer: { first_name: "Jane", last_name: "Doe", email: "jane@example.com" },
  order_display_id: 12,
  waiting_quantity: 3,
  open_purchase_order: null,
  open_transfer: null,
  ...extra,
})

describe("splitOrderableBackorders", () => {
  it("keeps new backorders on no open purchase order or transfer, in the order asked, and says why each other one is left out", () => {
    expect(
      splitOrderableBackorders(
        ["bo_4", "bo_1", "bo_gone", "bo_2", "bo_3", "bo_5"],
        [
          backorder("bo_1"),
          backorder("bo_2", {
            open_purchase_order: { id: "po_4", number: "PO-0004" },
          }),
          backorder("bo_3", {
            status: "partially_available",
            sku: null,
            customer: { email: "max@example.com" },
            order_display_id: null,
            waiting_quantity: 1,
          }),
          backorder("bo_4"),
          // Still new, but on a draft transfer: its units come from another own location.
          backorder("bo_5", {
            open_transfer: { id: "trf_2", number: "TR-0002" },
          }),
        ]
      )
    ).toEqual({
      orderable: ["bo_4", "bo_1"],
      skipped: [
        {
          backorder_id: "bo_gone",
          sku: null,
          title: null,
          customer: null,
          order_display_id: null,
          waiting_quantity: 0,
          reason: "not_found",
          status: null,
          purchase_order_id: null,
          purchase_order_number: null,
          transfer_id: null,
          transfer_number: null,
          message: "Backorder bo_gone was not found",
        },
        {
          backorder_id: "bo_2",
          sku: "KETTLE-MATTE",
          title: "Kettle",
          customer: "Jane Doe",
          order_display_id: 12,
          waiting_quantity: 3,
          reason: "on_purchase_order",
          status: "new",
          purchase_order_id: "po_4",
          purchase_order_number: "PO-0004",
          transfer_id: null,
          transfer_number: null,
          message:
            "KETTLE-MATTE × 3 for Jane Doe (order #12) is already on PO-0004",
        },
        {
          backorder_id: "bo_3",
          sku: null,
          title: "Kettle",
          customer: "max@example.com",
          order_display_id: null,
          waiting_quantity: 1,
          reason: "not_new",
          status: "partially_available",
          purchase_order_id: null,
          purchase_order_number: null,
          transfer_id: null,
          transfer_number: null,
          message:
            "Kettle × 1 for max@example.com is partially available: only new backorders can be ordered",
        },
        {
          backorder_id: "bo_5",
          sku: "KETTLE-MATTE",
          title: "Kettle",
          customer: "Jane Doe",
          order_display_id: 12,
          waiting_quantity: 3,
          reason: "on_transfer",
          status: "new",
          purchase_order_id: null,
          purchase_order_number: null,
          transfer_id: "trf_2",
          transfer_number: "TR-0002",
          message:
            "KETTLE-MATTE × 3 for Jane Doe (order #12) is already on TR-0002",
        },
      ],
    })
  })

  it("names a backorder without SKU, title or customer plainly", () => {
    expect(
      splitOrderableBackorders(
        ["bo_1"],
        [
          backorder("bo_1", {
            status: "on_order",
            sku: null,
            title: null,
            customer: null,
            order_display_id: 7,
          }),
        ]
      ).skipped[0].message
    ).toBe(
      "Backorder × 3 (order #7) is on order: only new backorders can be ordered"
    )
  })
})

describe("describePlans", () => {
  const plan = {
    purchase_order_id: "po_1",
    supplier_id: "sup_bww",
    location_id: "sloc_shop",
    is_dropship: false,
    dropship_customer_id: null,
    dropship_address: null,
    currency_code: "eur",
    expected_at: new Date("2026-12-15T10:00:00.000Z"),
    lead_time: {
      days: 14,
      source: "variant_terms" as const,
      variant_id: "var_kettle",
    },
    notes: null,
    created_by: null,
    backorder_ids: ["bo_1"],
    lines: [
      {
        purchase_order_line_id: "pol_1",
        variant_id: "var_kettle",
        product_id: "prod_kettle",
        inventory_item_id: "iitem_kettle",
        title: "Kettle",
        sku: "KETTLE-MATTE",
        supplier_sku: "BW-KTL",
        unit_cost: 38.35,
        requested_quantity: 5,
        quantity: 6,
        rounding: null,
        backorders: [{ backorder_id: "bo_1", quantity: 3 }],
      },
      {
        purchase_order_line_id: null,
        variant_id: "var_beans",
        product_id: "prod_beans",
        inventory_item_id: "iitem_beans",
        title: "Beans",
        sku: "BEANS",
        supplier_sku: null,
        unit_cost: 10.5,
        requested_quantity: 3,
        quantity: 3,
        rounding: null,
        backorders: [],
      },
    ],
  }
  const data = {
    suppliers: [{ id: "sup_bww", name: "BrewWare", currency_code: "eur" }],
    locations: [{ id: "sloc_shop", name: "Shop" }],
    drafts: [
      { id: "po_1", number: "PO-0001", lines: [{ id: "pol_1", quantity: 4 }] },
    ],
  }

  it("describes each line's current and new quantity and total, and the order's total", () => {
    expect(describePlans([plan], data)).toEqual([
      {
        purchase_order_id: "po_1",
        number: "PO-0001",
        supplier: { id: "sup_bww", name: "BrewWare", currency_code: "eur" },
        location: { id: "sloc_shop", name: "Shop" },
        is_dropship: false,
        expected_at: "2026-12-15T10:00:00.000Z",
        lead_time: {
          days: 14,
          source: "variant_terms",
          variant_id: "var_kettle",
          sku: "KETTLE-MATTE",
        },
        currency_code: "eur",
        lines: [
          {
            purchase_order_line_id: "pol_1",
            variant_id: "var_kettle",
            sku: "KETTLE-MATTE",
            title: "Kettle",
            supplier_sku: "BW-KTL",
            current_quantity: 4,
            requested_quantity: 5,
            quantity: 6,
            rounding: null,
            backorder_ids: ["bo_1"],
            unit_cost: 38.35,
            total: 230.1,
          },
          {
            purchase_order_line_id: null,
            variant_id: "var_beans",
            sku: "BEANS",
            title: "Beans",
            supplier_sku: null,
            current_quantity: null,
            requested_quantity: 3,
            quantity: 3,
            rounding: null,
            backorder_ids: [],
            unit_cost: 10.5,
            total: 31.5,
          },
        ],
        total: 261.6,
      },
    ])
  })

  it("has no total when a line has no cost, and no number for a new purchase order", () => {
    const [described] = describePlans(
      [
        {
          ...plan,
          purchase_order_id: null,
          location_id: null,
          expected_at: null,
          lead_time: null,
          lines: [{ ...plan.lines[1], unit_cost: null }],
        },
      ],
      data
    )
    expect([
      described.number,
      described.location,
      described.expected_at,
      described.lead_time,
      described.lines[0].total,
      described.total,
    ]).toEqual([null, null, null, null, null, null])
  })
})
