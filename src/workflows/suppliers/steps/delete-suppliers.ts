import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"

export const deleteSuppliersStepId = "delete-suppliers-step"

/**
 * This step soft-deletes suppliers with their variant terms. Its compensation restores them.
 */
export const deleteSuppliersStep = createStep(
  deleteSuppliersStepId,
  async (ids: string[], { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.softDeleteSuppliers(ids)
    return new StepResponse(void 0, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.restoreSuppliers(ids)
  }
)
