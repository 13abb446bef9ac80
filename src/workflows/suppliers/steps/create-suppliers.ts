import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { CreateSupplierInput } from "../../../types/supplier"

export const createSuppliersStepId = "create-suppliers-step"

/**
 * This step creates suppliers. Its compensation deletes them.
 */
export const createSuppliersStep = createStep(
  createSuppliersStepId,
  async (input: CreateSupplierInput[], { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const suppliers = await service.createSuppliers(input)
    return new StepResponse(
      suppliers,
      suppliers.map((s) => s.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.deleteSuppliers(ids)
  }
)
