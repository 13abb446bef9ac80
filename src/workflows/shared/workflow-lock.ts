import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  ContainerRegistrationKeys,
  generateEntityId,
} from "@medusajs/framework/utils"
import {
  createStep,
  StepResponse,
  transform,
  WorkflowData,
} from "@medusajs/framework/workflows-sdk"
import { acquireLocks, lockKeys, releaseLocks } from "./locking"

type LockHandle = { keys: string[]; owner_id: string }

export const acquireLocksStepId = "acquire-backorder-locks"

/**
 * This step takes the Locking module's lock on a set of keys, all at once or not at all (see
 * `acquireLocks`), for the steps that follow. Its compensation releases it, so a failing
 * workflow frees the keys at once instead of leaving them to their lease.
 */
export const acquireLocksStep = createStep(
  acquireLocksStepId,
  async (input: { keys: string[]; owner: string }, { container }) => {
    const handle: LockHandle = {
      keys: lockKeys(input.keys),
      owner_id: generateEntityId(undefined, input.owner),
    }
    await acquireLocks(container, handle.keys, handle.owner_id)
    return new StepResponse(handle, handle)
  },
  async (handle, { container }) => {
    if (!handle?.keys.length) {
      return
    }
    await releaseLocks(container, handle.keys, handle.owner_id)
  }
)

export const releaseLocksStepId = "release-backorder-locks"

/**
 * This step releases a lock taken by `acquireLocksStep`. Its compensation takes the same keys
 * back for the same owner (all at once, as `acquireLocks` does), so that the compensations of
 * the steps between acquiring and releasing run under the lock they assumed, like the steps
 * themselves; `acquireLocksStep`'s compensation then releases it again. Taking it back is
 * best effort: a rollback is never left unfinished for want of the lock.
 */
export const releaseLocksStep = createStep(
  releaseLocksStepId,
  async (handle: LockHandle, { container }) => {
    await releaseLocks(container, handle.keys, handle.owner_id)
    return new StepResponse(void 0, handle)
  },
  async (handle, { container }) => {
    if (!handle?.keys.length) {
      return
    }
    try {
      await acquireLocks(container, handle.keys, handle.owner_id)
    } catch (error) {
      // A rollback must finish: a compensation that throws stops Medusa from compensating the
      // steps before it, leaving the change half-done. Should other changes hold the keys for
      // the whole wait, the steps are put back without the lock instead.
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(
          `Compensating without the lock on ${handle.keys.join(", ")}: ${(error as Error).message}`
        )
    }
  }
)

/**
 * Inside a workflow's composition: takes the lock on `keys` for the steps that follow and
 * returns what releases it. Should a later step fail, the steps between are compensated under
 * the lock again (taken back by the release's compensation) and the lock is then released.
 *
 * @example
 * const lock = acquireWorkflowLock(keys, "receive")
 * // ...steps that change quantities...
 * lock.release()
 */
export function acquireWorkflowLock(
  keys: WorkflowData<string[]>,
  owner: string
) {
  // Whole values, not properties of a transform's result: those do not resolve as step input.
  const input = transform({ keys }, ({ keys }) => ({ keys, owner }))
  const handle = acquireLocksStep(input)
  return {
    release: () => releaseLocksStep(handle),
  }
}

/**
 * Inside a workflow's composition: locks a purchase order and the inventory items on its
 * lines (the keys Medusa's checkout and fulfilment also lock), for receiving and completing
 * it. Returns what releases the lock.
 */
export function acquirePurchaseOrderLock(
  purchaseOrderId: string,
  owner: string
) {
  const { data: lines } = useQueryGraphStep({
    entity: "purchase_order_line",
    fields: ["inventory_item_id"],
    filters: { purchase_order_id: purchaseOrderId },
  }).config({ name: "purchase-order-items" })
  const keys = transform(
    { purchaseOrderId, lines },
    ({ purchaseOrderId, lines }) =>
      lockKeys([
        `purchase_order:${purchaseOrderId}`,
        ...lines.map((l) => l.inventory_item_id),
      ])
  )
  return acquireWorkflowLock(keys, owner)
}
