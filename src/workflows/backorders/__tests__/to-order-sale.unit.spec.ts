import {
  checkOneLinePerVariant,
  chooseSalesChannel,
  depositOf,
  saleTotals,
  shortageWarnings,
  singleInventoryItemOf,
} from "../utils/to-order-sale"

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return { type: (e as { type: string }).type, message: (e as Error).message }
  }
  throw new Error("expected a refusal")
}

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
