import {
  checkOneLinePerVariant,
  chooseSalesChannel,
  depositOf,
  saleTotals,
  shortageWarnings,
  singleInventoryItemOf,
  toOrderSaleBackorders,
  ToOrderSaleBackordersInput,
} from "../utils/to-order-sale"
import { refusal } from "../../__tests__/refusal"

describe("to-order sale rules", () => {
  it("refuses a variant on two lines", () => {
    expect(() => checkOneLinePerVariant(["var_1", "var_2"])).not.toThrow()
    expect(
      refusal(() => checkOneLinePerVariant(["var_1", "var_2", "var_1"]))
    ).toEqual({
      type: "invalid_data",
      message:
        "Variant var_1 appears on more than one line: put all its units on one line.",
    })
  })

  it("sells in the channel asked if the location serves it, else in the location's only channel", () => {
    const two = [{ id: "sc_pos" }, { id: "sc_web" }]
    expect(chooseSalesChannel("sloc_shop", two, "sc_web")).toBe("sc_web")
    expect(chooseSalesChannel("sloc_shop", [{ id: "sc_pos" }])).toBe("sc_pos")
    expect(refusal(() => chooseSalesChannel("sloc_shop", two, "sc_x"))).toEqual(
      {
        type: "invalid_data",
        message: "Stock location sloc_shop is not linked to sales channel sc_x",
      }
    )
    expect(refusal(() => chooseSalesChannel("sloc_shop", two))).toEqual({
      type: "invalid_data",
      message:
        "Stock location sloc_shop serves several sales channels (sc_pos, sc_web): give sales_channel_id",
    })
    expect(refusal(() => chooseSalesChannel("sloc_shop", []))).toEqual({
      type: "invalid_data",
      message: "Stock location sloc_shop is not linked to any sales channel",
    })
  })

  it("sells a managed variant from its one inventory item and refuses kits", () => {
    expect(
      singleInventoryItemOf({
        id: "var_1",
        inventory_items: [
          { inventory_item_id: "iitem_1", required_quantity: 1 },
        ],
      })
    ).toBe("iitem_1")
    expect(
      refusal(() =>
        singleInventoryItemOf({
          id: "var_1",
          inventory_items: [
            { inventory_item_id: "iitem_1", required_quantity: 2 },
          ],
        })
      )
    ).toEqual({
      type: "not_allowed",
      message:
        "Variant var_1 is an inventory kit (1 inventory items): to-order sales support variants with one inventory item",
    })
  })

  it("takes the deposit amount given, else a percentage of the total to the cent, never over the total under the deposit policy", () => {
    expect(
      depositOf({ payment_policy: "deposit", deposit_amount: 50 }, 158, 30)
    ).toBe(50)
    expect(
      depositOf({ payment_policy: "deposit", deposit_percent: 33 }, 99.99, 30)
    ).toBe(33)
    expect(depositOf({ payment_policy: "pay_now" }, 158, 30)).toBe(47.4)
    expect(
      depositOf({ payment_policy: "pay_now", deposit_amount: 200 }, 158, 30)
    ).toBe(200)
    expect(
      refusal(() =>
        depositOf(
          { payment_policy: "deposit", deposit_amount: 158.01 },
          158,
          30
        )
      )
    ).toEqual({
      type: "invalid_data",
      message: "Deposit 158.01 exceeds the sale total 158",
    })
  })

  it("adds up the sale and what is due now under each policy", () => {
    expect(
      saleTotals(
        [
          { total: 158, unit_price: 79, backordered: 1 },
          { total: 35.97, unit_price: 11.99, backordered: 3 },
        ],
        { payment_policy: "deposit", deposit_percent: 25 },
        30
      )
    ).toEqual({
      total: 193.97,
      backordered_total: 114.97,
      due_now: { pay_now: 193.97, deposit: 48.49, pay_on_receipt: 79 },
    })
  })

  it("warns about each line sold short, never with a negative availability", () => {
    expect(
      shortageWarnings(
        [
          {
            sku: "KETTLE-MATTE",
            title: "Kettle",
            quantity: 3,
            available: -2,
            backordered: 3,
          },
          {
            sku: null,
            title: "Beans 1 kg",
            quantity: 5,
            available: 2,
            backordered: 3,
          },
          {
            sku: "MUG",
            title: "Mug",
            quantity: 1,
            available: 4,
            backordered: 0,
          },
        ],
        "Shop"
      )
    ).toEqual([
      "Not enough KETTLE-MATTE at Shop: 3 ordered, 0 available, 3 to order",
      "Not enough Beans 1 kg at Shop: 5 ordered, 2 available, 3 to order",
    ])
  })
})

describe("toOrderSaleBackorders", () => {
  const items = [
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
      id: "item_beans",
      variant_id: "var_beans",
      product_id: "prod_beans",
      title: "Beans",
      variant_sku: "BEANS",
      quantity: 2,
      total: 22,
    },
  ]
  const input = (
    payment_policy: ToOrderSaleBackordersInput["payment_policy"],
    deposit_amount = 0
  ): ToOrderSaleBackordersInput => ({
    order: {
      id: "order_1",
      customer_id: "cus_jane",
      sales_channel_id: "sc_pos",
      currency_code: "eur",
      total: 122,
    },
    location_id: "sloc_shop",
    inventory_item_ids: {
      var_kettle: "iitem_kettle",
      var_beans: "iitem_beans",
    },
    supplier_ids: { var_kettle: "sup_bww" },
    payment_policy,
    deposit_amount,
    priority: 2,
    created_by: "user_1",
  })
  const shortages = new Map([["item_kettle", 2]])
  const paid = (
    policy: ToOrderSaleBackordersInput["payment_policy"],
    deposit = 0
  ) => {
    const { dueNow, rows } = toOrderSaleBackorders(
      input(policy, deposit),
      items,
      shortages
    )
    return [dueNow, rows.map((r) => r.paid_amount)]
  }

  it("makes one backorder per line sold short, with its unit price and its share of what is paid now", () => {
    expect(toOrderSaleBackorders(input("pay_now"), items, shortages)).toEqual({
      dueNow: 122,
      rows: [
        {
          source: "pos",
          order_id: "order_1",
          line_item_id: "item_kettle",
          customer_id: "cus_jane",
          sales_channel_id: "sc_pos",
          product_id: "prod_kettle",
          variant_id: "var_kettle",
          inventory_item_id: "iitem_kettle",
          location_id: "sloc_shop",
          supplier_id: "sup_bww",
          sku: "KETTLE-MATTE",
          title: "Kettle",
          quantity: 2,
          priority: 2,
          payment_policy: "pay_now",
          currency_code: "eur",
          unit_price: 33.33,
          paid_amount: 66.66,
          created_by: "user_1",
        },
      ],
    })
    // The deposit is spread over the order's value: 61 x 66.66 / 122.
    expect(paid("deposit", 61)).toEqual([61, [33.33]])
    // Pay on receipt: the in-stock units now, nothing on the backorder.
    expect(paid("pay_on_receipt")).toEqual([55.34, [0]])
  })

  it("refuses a deposit over the order's total", () => {
    expect(refusal(() => paid("deposit", 122.01))).toEqual({
      type: "invalid_data",
      message: "Deposit 122.01 exceeds the order total 122 of order order_1",
    })
  })
})
