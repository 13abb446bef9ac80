import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteSupplierVariantsStep } from "../steps/delete-supplier-variants"

export const deleteSupplierVariantsWorkflowId = "delete-supplier-variants"

/**
 * This workflow removes terms from a supplier.
 */
export const deleteSupplierVariantsWorkflow = createWorkflow(
  deleteSupplierVariantsWorkflowId,
  (input: WorkflowData<{ supplier_id: string; ids: string[] }>) => {
    deleteSupplierVariantsStep(input)
    return new WorkflowResponse(input.ids)
  }
)
