import { emitEventStep } from "@medusajs/medusa/core-flows"
import { transform, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { BackorderStatus } from "../../../types/enums"
import {
  BackorderAllocatedEventData,
  BackorderAvailableEventData,
  BackorderEvents,
} from "../../../types/events"

/**
 * Backorders per `backorder.allocated` / `backorder.available` event. One event per backorder
 * made a receipt of 10,000 emit 20,000 events and start 10,000 notification workflows that
 * competed with it; a batch keeps each event's payload small (about 100 kB) and the number of
 * events a hundredth of the number of backorders.
 */
export const ALLOCATION_EVENT_BATCH = 1000

/** One handing-out of units to a backorder, as every allocation path returns it. */
export type AllocatedUnits = {
  backorder_id: string
  quantity: number
  reason: string
  /** The backorder's status after the allocation. */
  status: BackorderStatus | string
}

/** What handed the units out, carried on every event of the allocation. */
export type AllocationEventContext = {
  purchase_order_id?: string
  transfer_id?: string
  released_from?: string
}

export type AllocationEventsInput = {
  allocations: AllocatedUnits[]
  context?: AllocationEventContext
}

/**
 * The events of one allocation: per backorder the units it got (several ledger rows of one
 * backorder, e.g. two lines of one receipt, are summed), in batches of
 * `ALLOCATION_EVENT_BATCH`; and the backorders it made fully available. Allocation only
 * reaches backorders still waiting for units, so `available` after it means it became
 * available then.
 */
export function buildAllocationEvents({
  allocations,
  context = {},
}: AllocationEventsInput): {
  allocated: BackorderAllocatedEventData[]
  available: BackorderAvailableEventData[]
} {
  const byBackorder = new Map<
    string,
    { id: string; quantity: number; reasons: string[]; available: boolean }
  >()
  for (const a of allocations) {
    const entry = byBackorder.get(a.backorder_id) ?? {
      id: a.backorder_id,
      quantity: 0,
      reasons: [],
      available: false,
    }
    entry.quantity += a.quantity
    if (!entry.reasons.includes(a.reason)) {
      entry.reasons.push(a.reason)
    }
    // The last row of a backorder carries its final status.
    entry.available = a.status === BackorderStatus.AVAILABLE
    byBackorder.set(a.backorder_id, entry)
  }
  const given = givenContext(context)
  const backorders = [...byBackorder.values()]
  const available = backorders.filter((b) => b.available).map((b) => b.id)
  return {
    allocated: chunk(backorders).map((batch) => ({
      ids: batch.map((b) => b.id),
      backorders: batch.map((b) => ({
        id: b.id,
        quantity: b.quantity,
        reason: b.reasons.join("; "),
      })),
      ...given,
    })),
    available: availableEvents(available, context),
  }
}

/**
 * The `backorder.available` events of backorders that became fully available, in batches of
 * `ALLOCATION_EVENT_BATCH`: those an allocation made available, or those whose waiting
 * units were cancelled so that what they had allocated is all they still want.
 */
export function availableEvents(
  ids: string[],
  context: AllocationEventContext = {}
): BackorderAvailableEventData[] {
  const given = givenContext(context)
  return chunk(ids).map((batch) => ({ ids: batch, ...given }))
}

function givenContext(context: AllocationEventContext) {
  return Object.fromEntries(
    Object.entries(context).filter(([, value]) => value != null)
  ) as AllocationEventContext
}

function chunk<T>(items: T[]): T[][] {
  const batches: T[][] = []
  for (let i = 0; i < items.length; i += ALLOCATION_EVENT_BATCH) {
    batches.push(items.slice(i, i + ALLOCATION_EVENT_BATCH))
  }
  return batches
}

/**
 * Emits `backorder.allocated` and `backorder.available` for the units an allocation handed
 * out, through Medusa's event bus with the workflow's event group (sent when the workflow
 * succeeds). Every path that hands out units calls it: receipts of purchase orders and
 * transfers, completing a purchase order, stock added in Medusa, units freed by a
 * cancellation, a release / override. Call it once per workflow.
 *
 * @example
 * emitAllocationEvents(
 *   transform({ allocations }, ({ allocations }) => ({ allocations }))
 * )
 */
export function emitAllocationEvents(
  input: WorkflowData<AllocationEventsInput>
) {
  const events = transform({ input }, ({ input }) =>
    buildAllocationEvents(input)
  )
  emitEventStep({
    eventName: BackorderEvents.ALLOCATED,
    data: transform({ events }, ({ events }) => events.allocated),
  }).config({ name: "emit-backorder-allocated" })
  emitEventStep({
    eventName: BackorderEvents.AVAILABLE,
    data: transform({ events }, ({ events }) => events.available),
  }).config({ name: "emit-backorder-available" })
}
