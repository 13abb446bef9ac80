import { assignShortages, splitSaleLine } from "../utils/shortages"

const key = "iitem_1:sloc_1"
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 12, minute))
const candidate = (
  line_item_id: string,
  quantity: number,
  checked = 0,
  minute = 0
) => ({
  line_item_id,
  inventory_item_id: "iitem_1",
  location_id: "sloc_1",
  quantity,
  checked,
  reserved_at: at(minute),
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

  it("hands the gap to the lines reserved last first, each at most what it reserved", () => {
    const shortages = assignShortages(
      [candidate("line_a", 2, 0, 1), candidate("line_b", 5, 0, 2)],
      new Map([[key, { stocked: 3, reserved: 7 }]]),
      new Map()
    )
    expect([...shortages]).toEqual([["line_b", 4]])
  })

  it("leaves the gap to unchecked lines reserved after the candidate", () => {
    // 2 on hand, 4 orders of 1; the 2nd is checked while the 3rd and 4th wait unchecked.
    const shortages = assignShortages(
      [candidate("line_2", 1, 0, 2)],
      new Map([[key, { stocked: 2, reserved: 4 }]]),
      new Map(),
      [
        { ...candidate("line_3", 1, 0, 3), unchecked: 1 },
        { ...candidate("line_4", 1, 0, 4), unchecked: 1 },
      ]
    )
    expect(shortages.size).toBe(0)
  })

  it("records nothing when stock covers the reservations, and nothing twice for a checked line", () => {
    expect(
      assignShortages(
        [candidate("line_a", 2)],
        new Map([[key, { stocked: 5, reserved: 2 }]]),
        new Map()
      ).size
    ).toBe(0)
    expect(
      assignShortages(
        [candidate("line_a", 3, 3)],
        new Map([[key, { stocked: 1, reserved: 3 }]]),
        new Map([[key, 2]])
      ).size
    ).toBe(0)
  })

  // 2 on hand, 8 checkouts of 1 placed one after the other while no worker recorded them,
  // then checked in every order a queue might deliver them: the 6 placed last are short.
  it.each([
    ["placed order", [1, 2, 3, 4, 5, 6, 7, 8]],
    ["reverse order", [8, 7, 6, 5, 4, 3, 2, 1]],
    ["mixed order", [1, 2, 6, 7, 3, 8, 5, 4]],
    ["another mixed order", [5, 1, 8, 2, 7, 3, 6, 4]],
  ])(
    "records the orders placed after the stock ran out, checked in %s",
    (_, sequence) => {
      const lines = [1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
        candidate(`line_${n}`, 1, 0, n)
      )
      const checked = new Set<string>()
      let waiting = 0
      const short: string[] = []
      for (const n of sequence) {
        const line = lines[n - 1]
        const unchecked = lines
          .filter((l) => l !== line && !checked.has(l.line_item_id))
          .map((l) => ({ ...l, unchecked: 1 }))
        const result = assignShortages(
          [line],
          new Map([[key, { stocked: 2, reserved: 8 }]]),
          new Map([[key, waiting]]),
          unchecked
        )
        checked.add(line.line_item_id)
        waiting += result.get(line.line_item_id) ?? 0
        if (result.get(line.line_item_id)) {
          short.push(line.line_item_id)
        }
      }
      expect(short.sort()).toEqual([
        "line_3",
        "line_4",
        "line_5",
        "line_6",
        "line_7",
        "line_8",
      ])
    }
  )
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
