import { assignShortages, splitSaleLine } from "../utils/shortages"

const key = "iitem_1:sloc_1"
const candidate = (line_item_id: string, quantity: number, recorded = 0) => ({
  line_item_id,
  inventory_item_id: "iitem_1",
  location_id: "sloc_1",
  quantity,
  recorded,
})

describe("assignShortages", () => {
  it("records only the short part: 3 ordered with 1 on hand backorders 2", () => {
    const shortages = assignShortages(
      [candidate("line_a", 3)],
      new Map([[key, { stocked: 1, reserved: 3 }]]),
      new Map()
    )
    expect([...shortages]).toEqual([["line_a", 2]])
  })

  it("does not count units already waiting on recorded backorders again", () => {
    // 2 waiting already; a new order reserved 4 more with nothing on the shelf.
    const shortages = assignShortages(
      [candidate("line_b", 4)],
      new Map([[key, { stocked: 0, reserved: 6 }]]),
      new Map([[key, 2]])
    )
    expect([...shortages]).toEqual([["line_b", 4]])
  })

  it("hands the gap to candidates in order, each at most what it reserved", () => {
    const shortages = assignShortages(
      [candidate("line_a", 2), candidate("line_b", 5)],
      new Map([[key, { stocked: 3, reserved: 7 }]]),
      new Map()
    )
    expect([...shortages]).toEqual([
      ["line_a", 2],
      ["line_b", 2],
    ])
  })

  it("records nothing when stock covers the reservations, and nothing twice for a recorded line", () => {
    expect(
      assignShortages(
        [candidate("line_a", 2)],
        new Map([[key, { stocked: 5, reserved: 2 }]]),
        new Map()
      ).size
    ).toBe(0)
    expect(
      assignShortages(
        [candidate("line_a", 3, 2)],
        new Map([[key, { stocked: 1, reserved: 3 }]]),
        new Map([[key, 2]])
      ).size
    ).toBe(0)
  })
})

describe("splitSaleLine", () => {
  it("ships what is available and backorders the rest", () => {
    expect(splitSaleLine(4, { stocked: 2, reserved: 0 })).toEqual({
      on_hand: 2,
      available: 2,
      ships_now: 2,
      held_back: 0,
      backordered: 2,
    })
  })

  it("backorders everything when other orders already hold the stock", () => {
    expect(splitSaleLine(2, { stocked: 3, reserved: 5 })).toEqual({
      on_hand: 3,
      available: -2,
      ships_now: 0,
      held_back: 0,
      backordered: 2,
    })
  })

  it("keeps in-stock units back when asked, without backordering them", () => {
    expect(splitSaleLine(3, { stocked: 5, reserved: 0 }, true)).toEqual({
      on_hand: 5,
      available: 5,
      ships_now: 0,
      held_back: 3,
      backordered: 0,
    })
  })
})
