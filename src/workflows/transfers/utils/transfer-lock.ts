import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { transform } from "@medusajs/framework/workflows-sdk"
import { lockKeys } from "../../shared/locking"
import { acquireWorkflowLock } from "../../shared/workflow-lock"

/** The lock key of a transfer being sent, received or cancelled. */
export const transferLockKey = (id: string) => `transfer:${id}`

/**
 * Inside a workflow's composition: locks a transfer and the inventory items on its lines
 * (the keys receipts, checkout and fulfilment also lock), all at once. Returns what
 * releases the lock; should a later step fail, compensation releases it.
 */
export function acquireTransferLock(transferId: string, owner: string) {
  const { data: lines } = useQueryGraphStep({
    entity: "transfer_line",
    fields: ["inventory_item_id"],
    filters: { transfer_id: transferId },
  }).config({ name: "transfer-items" })
  const keys = transform({ transferId, lines }, ({ transferId, lines }) =>
    lockKeys([
      transferLockKey(transferId),
      ...lines.map((l) => l.inventory_item_id),
    ])
  )
  return acquireWorkflowLock(keys, owner)
}
