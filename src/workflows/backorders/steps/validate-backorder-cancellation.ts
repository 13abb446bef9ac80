import { BigNumberInput } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BackorderStatus } from "../../../types/enums"
import {
  nextStatus,
  waitingQuantity,
} from "../../../modules/backorder/utils/status"
import { roundAmount, toNumber } from "../../shared/money"

export type BackorderForCancellation = {
  id: string
  status: BackorderStatus
  order_id: string
  line_item_id: string
  inventory_item_id: string
  location_id: string
  quantity: BigNumberInput
  allocated_quantity: BigNumberInput
  fulfilled_quantity: BigNumberInput
  cancelled_quantity: BigNumberInput
  paid_amount: BigNumberInput
  refunded_amount: BigNumberInput
  available_at?: Date | string | null
}

export type BackorderCancellation = {
  id: string
  order_id: string
  line_item_id: string
  inventory_item_id: string
  location_id: string
  /** Units cancelled now. */
  quantity: number
  /** Allocated (not yet fulfilled) units given back to the location's stock. */
  freed_allocated: number
  /** The paid share of the cancelled units, to give back to the customer. */
  refund_amount: number
  /** The backorder as it was, to restore on rollback. */
  previous: {
    status: BackorderStatus
    allocated_quantity: number
    cancelled_quantity: number
    refunded_amount: number
    cancelled_at: Date | null
    cancel_reason: string | null
    available_at: Date | null
  }
  next: {
    status: BackorderStatus
    allocated_quantity: number
    cancelled_quantity: number
    refunded_amount: number
  }
}

export const validateBackorderCancellationStepId =
  "validate-backorder-cancellation"

/**
 * This step checks that the backorders can be cancelled by the quantities asked (all their
 * open units by default) and plans each cancellation: waiting units go first, then allocated
 * units that were not packed yet, which go back to the location's stock; the paid share of
 * the cancelled units is to be refunded. Unknown ids, fulfilled or cancelled backorders and
 * quantities over what is open are refused.
 */
export const validateBackorderCancellationStep = createStep(
  validateBackorderCancellationStepId,
  async (input: {
    requested: { id: string; quantity?: number }[]
    backorders: BackorderForCancellation[]
    refund: boolean
  }) => {
    const plan: BackorderCancellation[] = input.requested.map((request) => {
      const backorder = input.backorders.find((b) => b.id === request.id)
      if (!backorder) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Backorder with id: ${request.id} was not found`
        )
      }
      if (
        backorder.status === BackorderStatus.CANCELLED ||
        backorder.status === BackorderStatus.FULFILLED
      ) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Backorder ${backorder.id} is ${backorder.status} and cannot be cancelled`
        )
      }
      const quantity = toNumber(backorder.quantity)
      const allocated = toNumber(backorder.allocated_quantity)
      const fulfilled = toNumber(backorder.fulfilled_quantity)
      const cancelled = toNumber(backorder.cancelled_quantity)
      const paid = toNumber(backorder.paid_amount)
      const refunded = toNumber(backorder.refunded_amount)

      const open = quantity - cancelled - fulfilled
      const cancel = request.quantity ?? open
      if (cancel > open) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Backorder ${backorder.id}: cancelling ${cancel} exceeds the ${open} still open`
        )
      }
      const waiting = waitingQuantity(backorder)
      const freed = Math.max(0, cancel - waiting)
      const refund =
        input.refund && open > 0
          ? roundAmount(((paid - refunded) * cancel) / open)
          : 0

      const nextCancelled = cancelled + cancel
      const nextAllocated = allocated - freed
      return {
        id: backorder.id,
        order_id: backorder.order_id,
        line_item_id: backorder.line_item_id,
        inventory_item_id: backorder.inventory_item_id,
        location_id: backorder.location_id,
        quantity: cancel,
        freed_allocated: freed,
        refund_amount: refund,
        previous: {
          status: backorder.status,
          allocated_quantity: allocated,
          cancelled_quantity: cancelled,
          refunded_amount: refunded,
          cancelled_at: null,
          cancel_reason: null,
          available_at: backorder.available_at
            ? new Date(backorder.available_at)
            : null,
        },
        next: {
          status: nextStatus(
            quantity,
            nextAllocated,
            fulfilled,
            nextCancelled,
            backorder.status
          ),
          allocated_quantity: nextAllocated,
          cancelled_quantity: nextCancelled,
          refunded_amount: roundAmount(refunded + refund),
        },
      }
    })
    return new StepResponse(plan)
  }
)
