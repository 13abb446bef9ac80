import { resolveBackorderPluginOptions } from "../../../modules/backorder/options"
import { BackorderSource, BackorderStatus } from "../../../types/enums"
import {
  buildCustomerNotifications,
  NotifiableBackorder,
} from "../utils/customer-notifications"

const options = resolveBackorderPluginOptions({}).notifications

const backorder: NotifiableBackorder = {
  id: "bo_1",
  status: BackorderStatus.AVAILABLE,
  source: BackorderSource.STOREFRONT,
  order_id: "order_1",
  order_display_id: 12,
  customer_id: "cus_1",
  email: "sam@example.com",
  phone: "+31 6 12345678",
  title: "Gooseneck Kettle",
  sku: "KETTLE-MATTE",
  quantity: 3,
  cancelled_quantity: 1,
  promised_at: "2026-12-20T00:00:00.000Z",
  late_promised_at: null,
  currency_code: "eur",
}

describe("buildCustomerNotifications", () => {
  it("tells a storefront customer their units are being shipped, once per transition", () => {
    expect(buildCustomerNotifications("ready", [backorder], options)).toEqual([
      {
        to: "sam@example.com",
        channel: "email",
        template: "backorder-ready",
        trigger_type: "backorder.ready",
        resource_id: "bo_1",
        resource_type: "backorder",
        receiver_id: "cus_1",
        idempotency_key: "backorder:bo_1:ready",
        data: {
          kind: "ready",
          backorder_id: "bo_1",
          order_id: "order_1",
          order_display_id: 12,
          title: "Gooseneck Kettle",
          sku: "KETTLE-MATTE",
          quantity: 2,
          promised_at: "2026-12-20T00:00:00.000Z",
          ready_for: "shipping",
        },
      },
    ])
  })

  it("sends nothing for a kind that is switched off", () => {
    const off = { ...options, send: { ...options.send, ready: false } }
    expect(buildCustomerNotifications("ready", [backorder], off)).toEqual([])
    expect(
      buildCustomerNotifications(
        "fulfilled",
        [{ ...backorder, status: BackorderStatus.FULFILLED }],
        off
      )
    ).toHaveLength(1)
  })

  it("sends nothing to a customer without an address on the channel", () => {
    expect(
      buildCustomerNotifications(
        "ready",
        [{ ...backorder, email: null }],
        options
      )
    ).toEqual([])
    const sms = { ...options, channel: "sms" }
    expect(
      buildCustomerNotifications(
        "ready",
        [{ ...backorder, email: null }],
        sms
      )[0].to
    ).toBe("+31 6 12345678")
  })

  it("announces only what is true now: no ready notice for a backorder no longer available", () => {
    expect(
      buildCustomerNotifications(
        "ready",
        [{ ...backorder, status: BackorderStatus.PARTIALLY_AVAILABLE }],
        options
      )
    ).toEqual([])
  })

  it("confirms a backorder only while it is open: not once it is cancelled or fulfilled", () => {
    const confirmed = (status: BackorderStatus) =>
      buildCustomerNotifications(
        "confirmed",
        [{ ...backorder, status }],
        options
      ).map((n) => n.idempotency_key)
    expect(confirmed(BackorderStatus.NEW)).toEqual(["backorder:bo_1:confirmed"])
    expect(confirmed(BackorderStatus.ON_ORDER)).toEqual([
      "backorder:bo_1:confirmed",
    ])
    expect(confirmed(BackorderStatus.AVAILABLE)).toEqual([
      "backorder:bo_1:confirmed",
    ])
    expect(confirmed(BackorderStatus.CANCELLED)).toEqual([])
    expect(confirmed(BackorderStatus.FULFILLED)).toEqual([])
  })

  it("keys a moved promise by both dates, so each move is told once", () => {
    const [moved] = buildCustomerNotifications(
      "eta_changed",
      [{ ...backorder, previous_promised_at: "2026-12-10T00:00:00.000Z" }],
      options
    )
    expect(moved.idempotency_key).toBe(
      "backorder:bo_1:eta_changed:2026-12-10T00:00:00.000Z:2026-12-20T00:00:00.000Z"
    )
    expect(moved.data).toEqual(
      expect.objectContaining({
        previous_promised_at: "2026-12-10T00:00:00.000Z",
        promised_at: "2026-12-20T00:00:00.000Z",
      })
    )
  })
})
