import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { AllocationSource } from "../../../types/enums"
import { BackorderEvents } from "../../../types/events"
import { lockKeys } from "../../shared/locking"
import { acquireWorkflowLock } from "../../shared/workflow-lock"
import { allocateArrivedStockStep } from "../steps/allocate-arrived-stock"
import { allocationEvents } from "../utils/events"

export const allocateFreeStockWorkflowId = "allocate-free-stock"

/**
 * This workflow hands stock that became free at inventory levels outside a receipt (stock
 * added by hand in Medusa, a stock count) to the waiting backorders of those items and
 * locations, with source `stock` in the ledger. Only units that no order holds are handed
 * out, so running it after any level change is safe, and running it twice hands out nothing
 * new.
 */
export const allocateFreeStockWorkflow = createWorkflow(
  allocateFreeStockWorkflowId,
  (input: WorkflowData<{ inventory_level_ids: string[] }>) => {
    const { data: levels } = useQueryGraphStep({
      entity: "inventory_level",
      fields: ["inventory_item_id", "location_id"],
      filters: { id: input.inventory_level_ids },
    })
    const lock = acquireWorkflowLock(
      transform({ levels }, ({ levels }) =>
        lockKeys(levels.map((level) => level.inventory_item_id))
      ),
      "allocate-free-stock"
    )
    const allocations = allocateArrivedStockStep(
      transform({ levels }, ({ levels }) =>
        levels.map((level) => ({
          inventory_item_id: level.inventory_item_id,
          location_id: level.location_id,
          source: AllocationSource.STOCK,
        }))
      )
    )
    lock.release()
    emitEventStep({
      eventName: BackorderEvents.ALLOCATED,
      data: transform(
        { allocations },
        ({ allocations }) => allocationEvents(allocations).allocated
      ),
    })
    return new WorkflowResponse(allocations)
  }
)
