import { BackorderStatus } from "../../../../types/enums"
import { orderBackorderStatus, withPaymentReminder } from "../order-backorders"

const statuses = (...list: BackorderStatus[]) =>
  orderBackorderStatus(list.map((status) => ({ status })))

describe("orderBackorderStatus", () => {
  it("is none without backorders and cancelled when every line was cancelled", () => {
    expect(statuses()).toBe("none")
    expect(statuses(BackorderStatus.CANCELLED, BackorderStatus.CANCELLED)).toBe(
      "cancelled"
    )
  })

  it("is backordered until every open line is available, ignoring cancelled lines", () => {
    expect(statuses(BackorderStatus.NEW)).toBe("backordered")
    expect(
      statuses(BackorderStatus.AVAILABLE, BackorderStatus.PARTIALLY_AVAILABLE)
    ).toBe("backordered")
    expect(statuses(BackorderStatus.ON_ORDER, BackorderStatus.FULFILLED)).toBe(
      "backordered"
    )
    expect(
      statuses(
        BackorderStatus.AVAILABLE,
        BackorderStatus.FULFILLED,
        BackorderStatus.CANCELLED
      )
    ).toBe("available")
    expect(statuses(BackorderStatus.FULFILLED, BackorderStatus.CANCELLED)).toBe(
      "fulfilled"
    )
  })
})

describe("withPaymentReminder", () => {
  it("says what is unpaid of the units not cancelled, to the cent, and reminds only for a fulfilled line", () => {
    expect(
      withPaymentReminder({
        id: "bo_1",
        status: BackorderStatus.FULFILLED,
        unit_price: 19.99,
        quantity: 3,
        cancelled_quantity: 1,
        paid_amount: 20,
        refunded_amount: 5,
      })
    ).toEqual({
      id: "bo_1",
      status: BackorderStatus.FULFILLED,
      unit_price: 19.99,
      quantity: 3,
      cancelled_quantity: 1,
      paid_amount: 20,
      refunded_amount: 5,
      unpaid_amount: 24.98,
      payment_reminder: true,
    })
    expect(
      withPaymentReminder({
        status: BackorderStatus.AVAILABLE,
        unit_price: "79",
        quantity: "2",
      })
    ).toEqual({
      status: BackorderStatus.AVAILABLE,
      unit_price: "79",
      quantity: "2",
      unpaid_amount: 158,
      payment_reminder: false,
    })
  })

  it("never goes below 0 when more was paid, and leaves a line without a price as it is", () => {
    expect(
      withPaymentReminder({
        status: BackorderStatus.FULFILLED,
        unit_price: 10,
        quantity: 1,
        paid_amount: 12,
      })
    ).toEqual({
      status: BackorderStatus.FULFILLED,
      unit_price: 10,
      quantity: 1,
      paid_amount: 12,
      unpaid_amount: 0,
      payment_reminder: false,
    })
    const unpriced = { status: BackorderStatus.FULFILLED, quantity: 1 }
    expect(withPaymentReminder(unpriced)).toBe(unpriced)
  })
})
