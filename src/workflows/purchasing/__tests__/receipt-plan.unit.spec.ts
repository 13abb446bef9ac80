import {
  LineToReceive,
  planDropshipDeliveries,
  planReceiptLines,
  statusAfterReceipt,
} from "../utils/receipt-plan"
import { refusal } from "../../__tests__/refusal"

const line = (
  id: string,
  extra: Partial<LineToReceive> = {}
): LineToReceive => ({
  id,
  inventory_item_id: `iitem_${id}`,
  quantity: 10,
  received_quantity: 4,
  cancelled_quantity: 1,
  over_received_quantity: 0,
  stocked_quantity: 4,
  backorders: [],
  ...extra,
})

const waiting = (
  id: string,
  order_id: string,
  quantity: number,
  extra: Partial<NonNullable<LineToReceive["backorders"][0]["backorder"]>> = {}
) => ({
  backorder: {
    id,
    status: "on_order",
    order_id,
    line_item_id: `item_${id}`,
    inventory_item_id: "iitem_kettle",
    location_id: "sloc_shop",
    quantity,
    allocated_quantity: 0,
    cancelled_quantity: 0,
    ...extra,
  },
})

describe("planReceiptLines", () => {
  it("plans what each line receives, and what an explicit over-receipt adds to the line", () => {
    expect(
      planReceiptLines(
        "PO-0001",
        [line("pol_1"), line("pol_2")],
        [
          { purchase_order_line_id: "pol_2", quantity: 7, over_receive: true },
          { purchase_order_line_id: "pol_1", quantity: 5 },
        ]
      )
    ).toEqual([
      {
        purchase_order_line_id: "pol_2",
        inventory_item_id: "iitem_pol_2",
        quantity: 7,
        over_received: 2,
        previous: {
          quantity: 10,
          received_quantity: 4,
          over_received_quantity: 0,
          stocked_quantity: 4,
        },
        next: {
          quantity: 12,
          received_quantity: 11,
          over_received_quantity: 2,
        },
        cancelled_quantity: 1,
      },
      {
        purchase_order_line_id: "pol_1",
        inventory_item_id: "iitem_pol_1",
        quantity: 5,
        over_received: 0,
        previous: {
          quantity: 10,
          received_quantity: 4,
          over_received_quantity: 0,
          stocked_quantity: 4,
        },
        next: { quantity: 10, received_quantity: 9, over_received_quantity: 0 },
        cancelled_quantity: 1,
      },
    ])
  })

  it("refuses a line of another purchase order, a line twice, more than is open, and a line beyond the bound", () => {
    const lines = [line("pol_1")]
    expect(
      refusal(() =>
        planReceiptLines("PO-0001", lines, [
          { purchase_order_line_id: "pol_x", quantity: 1 },
        ])
      )
    ).toEqual({
      type: "not_found",
      message: "Purchase order PO-0001 has no line pol_x",
    })
    expect(
      refusal(() =>
        planReceiptLines("PO-0001", lines, [
          { purchase_order_line_id: "pol_1", quantity: 1 },
          { purchase_order_line_id: "pol_1", quantity: 1 },
        ])
      )
    ).toEqual({
      type: "invalid_data",
      message: "Purchase order PO-0001 line pol_1 appears twice in the receipt",
    })
    expect(
      refusal(() =>
        planReceiptLines("PO-0001", lines, [
          { purchase_order_line_id: "pol_1", quantity: 6 },
        ])
      )
    ).toEqual({
      type: "invalid_data",
      message:
        "Purchase order PO-0001 line pol_1: receiving 6 exceeds the 5 still open",
    })
    expect(
      refusal(() =>
        planReceiptLines("PO-0001", lines, [
          {
            purchase_order_line_id: "pol_1",
            quantity: 999_996,
            over_receive: true,
          },
        ])
      )
    ).toEqual({
      type: "invalid_data",
      message:
        "Purchase order PO-0001 line pol_1: receiving 999996 over the 5 still open would make the line 1000001 units, more than the 1000000 a line can hold",
    })
  })
})

describe("statusAfterReceipt", () => {
  it("is received once every line has received or cancelled all it orders", () => {
    const lines = [line("pol_1"), line("pol_2", { received_quantity: 9 })]
    const receive = (quantity: number) =>
      planReceiptLines("PO-0001", lines, [
        { purchase_order_line_id: "pol_1", quantity },
      ])
    expect(statusAfterReceipt(lines, receive(4))).toBe("partially_received")
    expect(statusAfterReceipt(lines, receive(5))).toBe("received")
    expect(
      statusAfterReceipt(
        [line("pol_1"), line("pol_2", { received_quantity: 8 })],
        receive(5)
      )
    ).toBe("partially_received")
  })
})

describe("planDropshipDeliveries", () => {
  it("hands the units to the line's waiting backorders, oldest link first, each up to what it waits for", () => {
    const lines = [
      line("pol_1", {
        received_quantity: 0,
        cancelled_quantity: 0,
        backorders: [
          waiting("bo_done", "order_1", 2, { status: "fulfilled" }),
          waiting("bo_1", "order_1", 3, { allocated_quantity: 1 }),
          { backorder: null },
          waiting("bo_2", "order_1", 4),
          waiting("bo_3", "order_1", 4),
        ],
      }),
    ]
    expect(
      planDropshipDeliveries(
        "PO-0001",
        lines,
        planReceiptLines("PO-0001", lines, [
          { purchase_order_line_id: "pol_1", quantity: 5 },
        ])
      )
    ).toEqual([
      {
        backorder_id: "bo_1",
        order_id: "order_1",
        line_item_id: "item_bo_1",
        inventory_item_id: "iitem_kettle",
        location_id: "sloc_shop",
        purchase_order_line_id: "pol_1",
        quantity: 2,
      },
      {
        backorder_id: "bo_2",
        order_id: "order_1",
        line_item_id: "item_bo_2",
        inventory_item_id: "iitem_kettle",
        location_id: "sloc_shop",
        purchase_order_line_id: "pol_1",
        quantity: 3,
      },
    ])
  })

  it("refuses units that would reach several orders", () => {
    const lines = [
      line("pol_1", {
        received_quantity: 0,
        cancelled_quantity: 0,
        backorders: [
          waiting("bo_1", "order_1", 1),
          waiting("bo_2", "order_2", 1),
        ],
      }),
    ]
    expect(
      refusal(() =>
        planDropshipDeliveries(
          "PO-0001",
          lines,
          planReceiptLines("PO-0001", lines, [
            { purchase_order_line_id: "pol_1", quantity: 2 },
          ])
        )
      )
    ).toEqual({
      type: "not_allowed",
      message:
        "Dropship purchase order PO-0001 serves several orders (order_1, order_2): a dropship receipt fulfils one order",
    })
  })
})
