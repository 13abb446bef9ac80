import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { SupplierEvents } from "../../../types/events"
import { CreateSupplierInput } from "../../../types/supplier"
import { createSuppliersStep } from "../steps/create-suppliers"
import { idEvents } from "../utils/events"

export const createSuppliersWorkflowId = "create-suppliers"

/**
 * This workflow creates suppliers and emits `supplier.created`.
 */
export const createSuppliersWorkflow = createWorkflow(
  createSuppliersWorkflowId,
  (input: WorkflowData<{ suppliers: CreateSupplierInput[] }>) => {
    const suppliers = createSuppliersStep(input.suppliers)
    emitEventStep({
      eventName: SupplierEvents.CREATED,
      data: transform({ suppliers }, ({ suppliers }) => idEvents(suppliers)),
    })
    return new WorkflowResponse(suppliers)
  }
)
