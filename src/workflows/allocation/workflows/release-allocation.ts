import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BackorderEvents } from "../../../types/events"
import {
  MoveAllocationInput,
  moveAllocationStep,
} from "../steps/move-allocation"
import { acquireWorkflowLock } from "../../shared/workflow-lock"

export const releaseAllocationWorkflowId = "release-allocation"

/**
 * This workflow releases allocated units from one backorder to another waiting for the same
 * item at the same location (POSitive's override: a customer who needs it more gets it
 * first), under the inventory item lock, with both sides in the allocation ledger.
 * Emits `backorder.allocated` for the backorder that receives the units.
 */
export const releaseAllocationWorkflow = createWorkflow(
  releaseAllocationWorkflowId,
  (input: WorkflowData<MoveAllocationInput>) => {
    const { data: backorders } = useQueryGraphStep({
      entity: "backorder",
      fields: ["inventory_item_id"],
      filters: { id: input.from_backorder_id },
    }).config({ name: "released-backorder" })
    const lockKeys = transform({ backorders }, ({ backorders }) =>
      backorders.map((b) => b.inventory_item_id)
    )
    const lock = acquireWorkflowLock(lockKeys, "release")

    const moved = moveAllocationStep(input)
    emitEventStep({
      eventName: BackorderEvents.ALLOCATED,
      data: transform({ input }, ({ input }) => ({
        id: input.to_backorder_id,
        quantity: input.quantity,
        reason: input.reason,
        released_from: input.from_backorder_id,
      })),
    })

    lock.release()
    return new WorkflowResponse(moved)
  }
)
