import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { SupplierEvents } from "../../../types/events"
import { UpdateSupplierInput } from "../../../types/supplier"
import { updateSuppliersStep } from "../steps/update-suppliers"
import { idEvents } from "../utils/events"

export const updateSuppliersWorkflowId = "update-suppliers"

/**
 * This workflow updates suppliers and emits `supplier.updated`.
 */
export const updateSuppliersWorkflow = createWorkflow(
  updateSuppliersWorkflowId,
  (input: WorkflowData<{ suppliers: UpdateSupplierInput[] }>) => {
    const suppliers = updateSuppliersStep(input.suppliers)
    emitEventStep({
      eventName: SupplierEvents.UPDATED,
      data: transform({ suppliers }, ({ suppliers }) => idEvents(suppliers)),
    })
    return new WorkflowResponse(suppliers)
  }
)
