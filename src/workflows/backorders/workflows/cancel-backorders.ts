import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { BigNumberInput } from "@medusajs/framework/types"
import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { AllocationSource } from "../../../types/enums"
import { BackorderEvents } from "../../../types/events"
import {
  allocateArrivedStockStep,
  availableEvents,
  emitAllocationEvents,
} from "../../allocation"
import { lockKeys } from "../../shared/locking"
import { acquireWorkflowLock } from "../../shared/workflow-lock"
import {
  becameAvailable,
  cancelBackordersStep,
} from "../steps/cancel-backorders"
import { refundBackorderPaymentsStep } from "../steps/refund-backorder-payments"
import { releaseBackorderReservationsStep } from "../steps/release-backorder-reservations"
import { validateBackorderCancellationStep } from "../steps/validate-backorder-cancellation"
import { toNumber } from "../../shared/money"

export type CancelBackordersWorkflowInput = {
  /** The backorders, each with the units to cancel (all its open units by default). */
  backorders: { id: string; quantity?: number }[]
  reason?: string
  cancelled_by?: string
  /** Give back the paid share of the cancelled units (not when Medusa refunds the whole order). */
  refund?: boolean
  /** Lower the order lines' reservations (not when Medusa already deleted them). */
  release_reservations?: boolean
}

export const cancelBackordersWorkflowId = "cancel-backorders"

/**
 * This workflow cancels backorders, wholly or by some units: waiting units first, then
 * allocated units not yet packed (they go back to the location, recorded in the allocation
 * ledger), lowers the order lines' reservations by the cancelled units, refunds what the
 * customer paid for them (a deposit or a full prepayment) through Medusa's refunds, and emits
 * `backorder.cancelled`.
 *
 * @example
 * await cancelBackordersWorkflow(container).run({
 *   input: { backorders: [{ id: "bo_123" }], reason: "Customer changed their mind" },
 * })
 */
export const cancelBackordersWorkflow = createWorkflow(
  cancelBackordersWorkflowId,
  (input: WorkflowData<CancelBackordersWorkflowInput>) => {
    const ids = transform({ input }, ({ input }) =>
      input.backorders.map((b) => b.id)
    )
    const { data: backorders } = useQueryGraphStep({
      entity: "backorder",
      fields: [
        "id",
        "status",
        "order_id",
        "line_item_id",
        "inventory_item_id",
        "location_id",
        "quantity",
        "allocated_quantity",
        "fulfilled_quantity",
        "cancelled_quantity",
        "paid_amount",
        "refunded_amount",
        "available_at",
      ],
      filters: { id: ids },
    }).config({ name: "backorders" })

    const cancellations = validateBackorderCancellationStep(
      transform({ input, backorders }, ({ input, backorders }) => ({
        requested: input.backorders,
        backorders,
        refund: input.refund ?? true,
      }))
    )

    cancelBackordersStep(
      transform({ input, cancellations }, ({ input, cancellations }) => ({
        cancellations,
        reason: input.reason,
        cancelled_by: input.cancelled_by,
      }))
    )

    // Reservations and freed units are quantity arithmetic on the items: under their lock, all
    // keys at once.
    const lock = acquireWorkflowLock(
      transform({ input, cancellations }, ({ input, cancellations }) =>
        lockKeys(
          cancellations
            .filter(
              (c) =>
                ((input.release_reservations ?? true) && c.quantity > 0) ||
                c.freed_allocated > 0
            )
            .map((c) => c.inventory_item_id)
        )
      ),
      "cancel-backorders"
    )

    when(
      "release-reservations",
      { input },
      ({ input }) => input.release_reservations ?? true
    ).then(() => {
      releaseBackorderReservationsStep(
        transform({ cancellations }, ({ cancellations }) =>
          cancellations.map((c) => ({
            line_item_id: c.line_item_id,
            inventory_item_id: c.inventory_item_id,
            location_id: c.location_id,
            quantity: c.quantity,
          }))
        )
      )
    })

    // Units taken back from cancelled backorders go to the next customers waiting for them.
    const reallocated = allocateArrivedStockStep(
      transform({ cancellations, input }, ({ cancellations, input }) =>
        cancellations
          .filter((c) => c.freed_allocated > 0)
          .map((c) => ({
            inventory_item_id: c.inventory_item_id,
            location_id: c.location_id,
            source: AllocationSource.RELEASE,
            created_by: input.cancelled_by ?? null,
          }))
      )
    )
    lock.release()
    emitAllocationEvents(
      transform({ reallocated }, ({ reallocated }) => ({
        allocations: reallocated,
      }))
    )

    const events = transform({ cancellations }, ({ cancellations }) =>
      cancellations.map((c) => ({
        id: c.id,
        order_id: c.order_id,
        quantity: c.quantity,
        status: c.next.status,
        freed_allocated: c.freed_allocated,
        refund_amount: c.refund_amount,
      }))
    )
    emitEventStep({ eventName: BackorderEvents.CANCELLED, data: events })
    // A backorder whose waiting units were cancelled and whose allocated ones are all it
    // still wants is ready now, as if its last unit had arrived: the same event.
    emitEventStep({
      eventName: BackorderEvents.AVAILABLE,
      data: transform({ cancellations }, ({ cancellations }) =>
        availableEvents(cancellations.filter(becameAvailable).map((c) => c.id))
      ),
    }).config({ name: "emit-backorder-available-after-cancellation" })

    // Last: money handed back cannot be taken back if a later step failed.
    const refundOrderIds = transform({ cancellations }, ({ cancellations }) => [
      ...new Set(
        cancellations.filter((c) => c.refund_amount > 0).map((c) => c.order_id)
      ),
    ])
    when(
      "refund-paid-share",
      { refundOrderIds },
      ({ refundOrderIds }) => !!refundOrderIds.length
    ).then(() => {
      const { data: orders } = useQueryGraphStep({
        entity: "order",
        fields: [
          "id",
          "payment_collections.payments.id",
          "payment_collections.payments.captured_at",
          "payment_collections.payments.captures.amount",
          "payment_collections.payments.refunds.amount",
        ],
        filters: { id: refundOrderIds },
      }).config({ name: "orders-to-refund" })

      const refunds = transform(
        { orders, cancellations, input },
        ({ orders, cancellations, input }) =>
          planRefunds(
            orders as OrderPayments[],
            cancellations,
            input.cancelled_by
          )
      )
      refundBackorderPaymentsStep(refunds)
    })

    return new WorkflowResponse(cancellations)
  }
)

/**
 * Spreads each order's refund over its captured payments, each at most what it can still
 * give back.
 */
type AmountRow = { amount: BigNumberInput } | null
type OrderPayments = {
  id: string
  payment_collections?:
    | ({
        payments?:
          | ({
              id: string
              captures?: AmountRow[] | null
              refunds?: AmountRow[] | null
            } | null)[]
          | null
      } | null)[]
    | null
}

function planRefunds(
  orders: OrderPayments[],
  cancellations: { order_id: string; refund_amount: number }[],
  createdBy?: string
) {
  const refunds: {
    payment_id: string
    amount: number
    created_by?: string
    note: string
  }[] = []
  for (const order of orders) {
    let due = cancellations
      .filter((c) => c.order_id === order.id)
      .reduce((sum, c) => sum + c.refund_amount, 0)
    const payments = (order.payment_collections ?? [])
      .flatMap((collection) => collection?.payments ?? [])
      .filter((payment): payment is NonNullable<typeof payment> => !!payment)
    for (const payment of payments) {
      if (due <= 0) {
        break
      }
      const captured = (payment.captures ?? []).reduce(
        (sum, capture) => sum + toNumber(capture?.amount),
        0
      )
      const refunded = (payment.refunds ?? []).reduce(
        (sum, refund) => sum + toNumber(refund?.amount),
        0
      )
      const refundable = captured - refunded
      const amount = Math.min(due, refundable)
      if (amount > 0) {
        refunds.push({
          payment_id: payment.id,
          amount,
          created_by: createdBy,
          note: "Backorder cancelled",
        })
        due -= amount
      }
    }
  }
  return refunds
}
