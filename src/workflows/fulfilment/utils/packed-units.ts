import { BigNumberInput } from "@medusajs/framework/types"
import { BackorderStatus } from "../../../types/enums"
import { nextStatus } from "../../../modules/backorder/utils/status"
import { roundAmount, toNumber } from "../../shared/money"

export type PackableBackorder = {
  id: string
  line_item_id: string
  status: BackorderStatus
  quantity: BigNumberInput
  allocated_quantity: BigNumberInput
  fulfilled_quantity: BigNumberInput
  cancelled_quantity: BigNumberInput
  unit_price: BigNumberInput | null
  paid_amount: BigNumberInput
  refunded_amount: BigNumberInput
  fulfilled_at: Date | null
  metadata: Record<string, unknown> | null
}

export type OrderPayment = {
  id: string
  /** Authorized amount. */
  amount: number
  captured: number
}

/** What one Medusa fulfilment did to a backorder, kept in `metadata.fulfillments[id]`. */
export type BackorderFulfilmentRecord = {
  /** Units of this backorder packed in that fulfilment. */
  quantity: number
  /** What that fulfilment captured on the order (0 when nothing was due or authorized). */
  captured: number
  /** The payment it was captured on. */
  payment_id: string | null
}

type BackorderState = {
  status: BackorderStatus
  fulfilled_quantity: number
  fulfilled_at: Date | null
  paid_amount: number
  metadata: Record<string, unknown> | null
}

export type BackorderUpdate = { id: string } & BackorderState

export type PackedUnitsPlan = {
  backorders: {
    id: string
    /** Units packed now. */
    quantity: number
    previous: BackorderUpdate
    next: BackorderUpdate
  }[]
  /** The balance to capture now (by `captureBalanceOn` and the sale's payment policy). */
  capture_amount: number
  payment_id: string | null
}

/** The fulfilment records of a backorder, by fulfilment id. */
export function fulfilmentRecords(
  metadata: Record<string, unknown> | null | undefined
): Record<string, BackorderFulfilmentRecord> {
  const records = metadata?.fulfillments
  return records && typeof records === "object"
    ? (records as Record<string, BackorderFulfilmentRecord>)
    : {}
}

/**
 * What units packed in one Medusa fulfilment mean for an order's backorders, whoever packed
 * them (the plugin's fulfil or Medusa's own "Fulfill items"): on each line, the backorder's
 * allocated units not packed yet count first (units are interchangeable on the shelf); each
 * backorder's share of its unpaid value is to be captured (`captureBalanceOn: "fulfilled"`),
 * and packing the order's last backordered units settles the whole authorized remainder
 * (ERPAG's "paid"). With nothing authorized left, or `captureBalanceOn: "manual"`, nothing is
 * captured and the balance stays due (SaleDock's payment reminder). A fulfilment already
 * recorded on a backorder is not counted again.
 */
export function planPackedUnits(input: {
  fulfillment_id: string
  /** Units packed per order line. */
  packed: Record<string, number>
  /** All backorders of the order. */
  backorders: PackableBackorder[]
  payments: OrderPayment[]
  capture: boolean
}): PackedUnitsPlan {
  const plan: PackedUnitsPlan = {
    backorders: [],
    capture_amount: 0,
    payment_id: null,
  }
  const values = new Map<string, number>()
  for (const b of input.backorders) {
    const records = fulfilmentRecords(b.metadata)
    const open =
      b.status !== BackorderStatus.CANCELLED &&
      b.status !== BackorderStatus.FULFILLED
    const units = Math.min(
      input.packed[b.line_item_id] ?? 0,
      toNumber(b.allocated_quantity) - toNumber(b.fulfilled_quantity)
    )
    if (!open || units <= 0 || records[input.fulfillment_id]) {
      continue
    }
    const quantity = toNumber(b.quantity)
    const cancelled = toNumber(b.cancelled_quantity)
    const fulfilled = toNumber(b.fulfilled_quantity)
    const wanted = quantity - cancelled
    const remaining = wanted - fulfilled
    const value = roundAmount(toNumber(b.unit_price) * wanted)
    values.set(b.id, value)
    const unpaid = Math.max(
      0,
      value - (toNumber(b.paid_amount) - toNumber(b.refunded_amount))
    )
    const capture =
      input.capture && remaining > 0
        ? roundAmount((unpaid * units) / remaining)
        : 0
    plan.capture_amount = roundAmount(plan.capture_amount + capture)
    const previous: BackorderUpdate = {
      id: b.id,
      status: b.status,
      fulfilled_quantity: fulfilled,
      fulfilled_at: b.fulfilled_at,
      paid_amount: toNumber(b.paid_amount),
      metadata: b.metadata,
    }
    const status = nextStatus(
      quantity,
      toNumber(b.allocated_quantity),
      fulfilled + units,
      cancelled,
      b.status
    )
    plan.backorders.push({
      id: b.id,
      quantity: units,
      previous,
      next: {
        id: b.id,
        status,
        fulfilled_quantity: fulfilled + units,
        fulfilled_at:
          status === BackorderStatus.FULFILLED ? new Date() : b.fulfilled_at,
        paid_amount: roundAmount(toNumber(b.paid_amount) + capture),
        metadata: b.metadata,
      },
    })
  }

  const room = (p: OrderPayment) => Math.max(0, p.amount - p.captured)
  const settles =
    plan.backorders.length > 0 &&
    input.backorders.every(
      (b) =>
        b.status === BackorderStatus.CANCELLED ||
        (plan.backorders.find((p) => p.id === b.id)?.next.status ??
          b.status) === BackorderStatus.FULFILLED
    )
  if (input.capture && settles) {
    // Packing the order's last backordered units settles the whole order, including
    // in-stock units a deposit did not fully cover.
    plan.capture_amount = roundAmount(
      input.payments.reduce((sum, p) => sum + room(p), 0)
    )
    for (const b of plan.backorders) {
      b.next.paid_amount = Math.max(
        b.previous.paid_amount,
        values.get(b.id) ?? 0
      )
    }
  }
  const payment = input.payments.find((p) => room(p) >= plan.capture_amount)
  if (plan.capture_amount > 0 && payment) {
    plan.payment_id = payment.id
  } else {
    // Nothing authorized to capture from: the balance stays due (shown as unpaid).
    plan.capture_amount = 0
    for (const b of plan.backorders) {
      b.next.paid_amount = b.previous.paid_amount
    }
  }
  for (const b of plan.backorders) {
    b.next.metadata = {
      ...(b.previous.metadata ?? {}),
      fulfillments: {
        ...fulfilmentRecords(b.previous.metadata),
        [input.fulfillment_id]: {
          quantity: b.quantity,
          captured: plan.capture_amount,
          payment_id: plan.payment_id,
        },
      },
    }
  }
  return plan
}

/**
 * What cancelling a Medusa fulfilment means for the backorders it packed: the units it
 * recorded on each go back to allocated (status `available` or `partially_available`); the
 * money stays paid. Backorders it did not record are left alone.
 */
export function planUnpackedUnits(input: {
  fulfillment_id: string
  backorders: PackableBackorder[]
}): { previous: BackorderUpdate; next: BackorderUpdate }[] {
  return input.backorders.flatMap((b) => {
    const records = fulfilmentRecords(b.metadata)
    const record = records[input.fulfillment_id]
    if (!record) {
      return []
    }
    const { [input.fulfillment_id]: _removed, ...rest } = records
    const fulfilled = Math.max(
      0,
      toNumber(b.fulfilled_quantity) - record.quantity
    )
    const previous: BackorderUpdate = {
      id: b.id,
      status: b.status,
      fulfilled_quantity: toNumber(b.fulfilled_quantity),
      fulfilled_at: b.fulfilled_at,
      paid_amount: toNumber(b.paid_amount),
      metadata: b.metadata,
    }
    const status = nextStatus(
      toNumber(b.quantity),
      toNumber(b.allocated_quantity),
      fulfilled,
      toNumber(b.cancelled_quantity),
      b.status
    )
    return [
      {
        previous,
        next: {
          ...previous,
          status,
          fulfilled_quantity: fulfilled,
          fulfilled_at:
            status === BackorderStatus.FULFILLED ? b.fulfilled_at : null,
          metadata: { ...(b.metadata ?? {}), fulfillments: rest },
        },
      },
    ]
  })
}
