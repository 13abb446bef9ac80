import {
  freeIncomingSupply,
  IncomingSupply,
  promiseSchedule,
  scheduleCompletedAt,
} from "../utils/promise-schedule"

const po = (
  source_id: string,
  quantity: number,
  expected_at: string | null
): IncomingSupply => ({
  source: "purchase_order",
  source_id,
  quantity,
  expected_at,
})

const DEC_12 = "2026-12-12T00:00:00.000Z"
const DEC_20 = "2026-12-20T00:00:00.000Z"
const JAN_05 = "2027-01-05T00:00:00.000Z"

describe("promiseSchedule", () => {
  it("ships from stock first and dates the rest by the supply that serves it", () => {
    expect(
      promiseSchedule({
        in_stock: 1,
        waiting: 0,
        supply: [po("po_1", 5, DEC_12)],
        quantity: 3,
      })
    ).toEqual({ ships_now: 1, later: [{ quantity: 2, expected_at: DEC_12 }] })
  })

  it("skips the units earlier waiting orders hold: the date is the one of the supply that reaches this unit, not the first PO", () => {
    const schedule = promiseSchedule({
      in_stock: 0,
      waiting: 4,
      supply: [po("po_late", 10, JAN_05), po("po_early", 5, DEC_12)],
      quantity: 3,
    })
    expect(schedule).toEqual({
      ships_now: 0,
      later: [
        { quantity: 1, expected_at: DEC_12 },
        { quantity: 2, expected_at: JAN_05 },
      ],
    })
    expect(scheduleCompletedAt(schedule)).toBe(JAN_05)
  })

  it("gives no date to units no supply covers, and undated supply comes after dated supply", () => {
    const schedule = promiseSchedule({
      in_stock: 0,
      waiting: 1,
      supply: [po("po_undated", 1, null), po("po_1", 2, DEC_20)],
      quantity: 4,
    })
    expect(schedule).toEqual({
      ships_now: 0,
      later: [
        { quantity: 1, expected_at: DEC_20 },
        { quantity: 3, expected_at: null },
      ],
    })
    expect(scheduleCompletedAt(schedule)).toBeNull()
  })

  it("merges consecutive supply with the same date and breaks date ties by id", () => {
    expect(
      promiseSchedule({
        in_stock: 2,
        waiting: 1,
        supply: [po("po_b", 2, DEC_12), po("po_a", 1, DEC_12)],
        quantity: 4,
      })
    ).toEqual({ ships_now: 2, later: [{ quantity: 2, expected_at: DEC_12 }] })
  })

  it("ships everything now when stock is not tracked, and nothing for a quantity of 0", () => {
    expect(
      promiseSchedule({ in_stock: null, waiting: 9, supply: [], quantity: 7 })
    ).toEqual({ ships_now: 7, later: [] })
    expect(
      promiseSchedule({
        in_stock: 3,
        waiting: 0,
        supply: [po("po_1", 1, DEC_12)],
        quantity: 0,
      })
    ).toEqual({ ships_now: 0, later: [] })
  })

  it("never promises more than the stock on hand, and a negative stock counts as none", () => {
    expect(
      promiseSchedule({ in_stock: -2, waiting: 0, supply: [], quantity: 2 })
    ).toEqual({ ships_now: 0, later: [{ quantity: 2, expected_at: null }] })
  })
})

describe("freeIncomingSupply", () => {
  it("leaves out the units promised to earlier orders, in the order supply is handed out", () => {
    expect(
      freeIncomingSupply(
        [po("po_2", 4, JAN_05), po("po_1", 3, DEC_12), po("po_0", 0, DEC_12)],
        5
      )
    ).toEqual([{ quantity: 2, expected_at: JAN_05 }])
    expect(freeIncomingSupply([po("po_1", 3, DEC_12)], 0)).toEqual([
      { quantity: 3, expected_at: DEC_12 },
    ])
    expect(freeIncomingSupply([po("po_1", 3, DEC_12)], 3)).toEqual([])
  })
})
