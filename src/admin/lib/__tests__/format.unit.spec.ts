import { backorderCustomerName, orderPayment } from "../format"

const eur = (amount: number) =>
  new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: "EUR",
  }).format(amount)

const collection = (figures: {
  status?: string
  amount: number
  authorized_amount?: number
  captured_amount?: number
  refunded_amount?: number
}) => ({
  status: "not_paid",
  authorized_amount: 0,
  captured_amount: 0,
  refunded_amount: 0,
  ...figures,
})

describe("orderPayment", () => {
  it("reads Medusa's payment collections: not paid, authorised, partly paid, paid, refunded", () => {
    expect(orderPayment([], "eur")).toBeNull()
    expect(orderPayment([collection({ amount: 24 })], "eur")).toEqual({
      label: "Not paid",
      color: "red",
      detail: `nothing paid of ${eur(24)}`,
    })
    expect(
      orderPayment(
        [
          collection({
            status: "authorized",
            amount: 24,
            authorized_amount: 24,
          }),
        ],
        "eur"
      )
    ).toEqual({
      label: "Authorised",
      color: "blue",
      detail: `authorised ${eur(24)} of ${eur(24)}, nothing captured`,
    })
    expect(
      orderPayment(
        [
          collection({
            status: "partially_captured",
            amount: 100,
            authorized_amount: 100,
            captured_amount: 30,
          }),
        ],
        "eur"
      )
    ).toEqual({
      label: "Partly paid",
      color: "orange",
      detail: `paid ${eur(30)} of ${eur(100)}`,
    })
    expect(
      orderPayment(
        [
          collection({
            status: "completed",
            amount: 100,
            authorized_amount: 100,
            captured_amount: 100,
          }),
          collection({ status: "canceled", amount: 50 }),
        ],
        "eur"
      )
    ).toEqual({ label: "Paid", color: "green", detail: `paid ${eur(100)}` })
    expect(
      orderPayment(
        [
          collection({
            amount: 100,
            captured_amount: 100,
            refunded_amount: 40,
          }),
        ],
        "eur"
      )
    ).toEqual({
      label: "Partly refunded",
      color: "orange",
      detail: `paid ${eur(60)} of ${eur(100)}, refunded ${eur(40)}`,
    })
    expect(
      orderPayment(
        [
          collection({
            amount: 100,
            captured_amount: 100,
            refunded_amount: 100,
          }),
        ],
        "eur"
      )
    ).toEqual({
      label: "Refunded",
      color: "grey",
      detail: `refunded ${eur(100)}`,
    })
  })
})

describe("backorderCustomerName", () => {
  it("names the customer, else a guest by the order's shipping name, else the email", () => {
    const guest = {
      email: "gus@example.com",
      first_name: null,
      last_name: null,
    }
    expect(
      backorderCustomerName({
        customer: { ...guest, first_name: "Jane", last_name: "Doe" },
        order: { shipping_address: { first_name: "Sam", last_name: "S" } },
      })
    ).toBe("Jane Doe")
    expect(
      backorderCustomerName({
        customer: guest,
        order: { shipping_address: { first_name: "Gus", last_name: "Guest" } },
      })
    ).toBe("Gus Guest")
    expect(
      backorderCustomerName({
        customer: guest,
        order: { shipping_address: null },
      })
    ).toBe("gus@example.com")
    expect(backorderCustomerName({})).toBe("-")
  })
})
