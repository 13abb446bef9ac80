import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { SupplierEvents } from "../../../types/events"
import { deleteSuppliersStep } from "../steps/delete-suppliers"
import { validateSupplierDeletionStep } from "../steps/validate-supplier-deletion"

export const deleteSuppliersWorkflowId = "delete-suppliers"

/**
 * This workflow deletes suppliers with their variant terms, refusing suppliers that still
 * have open purchase orders, and emits `supplier.deleted`.
 */
export const deleteSuppliersWorkflow = createWorkflow(
  deleteSuppliersWorkflowId,
  (input: WorkflowData<{ ids: string[] }>) => {
    validateSupplierDeletionStep(input.ids)
    deleteSuppliersStep(input.ids)
    emitEventStep({
      eventName: SupplierEvents.DELETED,
      data: transform({ input }, ({ input }) =>
        input.ids.map((id) => ({ id }))
      ),
    })
    return new WorkflowResponse(input.ids)
  }
)
