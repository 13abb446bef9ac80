import {
  acquireLockStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { generateEntityId } from "@medusajs/framework/utils"
import { transform, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { LOCK_TIMEOUT_SECONDS } from "./locking"

/**
 * Inside a workflow's composition: takes the Locking module's lock on `keys` for the steps
 * that follow, with an owner of its own so parallel runs queue up, and returns what releases
 * it. Should a later step fail, the acquiring step's compensation releases the lock.
 *
 * @example
 * const lock = acquireWorkflowLock(lockKeys, "receive")
 * // ...steps that change quantities...
 * lock.release()
 */
export function acquireWorkflowLock(
  keys: WorkflowData<string[]>,
  owner: string
) {
  // Whole values, not properties of a transform's result: those do not resolve as step input.
  const ownerId = transform({ keys }, () => generateEntityId(undefined, owner))
  acquireLockStep({
    key: keys,
    ownerId,
    timeout: LOCK_TIMEOUT_SECONDS,
    ttl: 120,
  })
  return {
    release: () => releaseLockStep({ key: keys, ownerId }),
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
    ({ purchaseOrderId, lines }) => [
      `purchase_order:${purchaseOrderId}`,
      ...new Set(
        lines.map((l) => l.inventory_item_id).filter((id): id is string => !!id)
      ),
    ]
  )
  return acquireWorkflowLock(keys, owner)
}
