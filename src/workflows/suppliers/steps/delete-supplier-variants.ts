import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"

export const deleteSupplierVariantsStepId = "delete-supplier-variants-step"

/**
 * This step soft-deletes a supplier's variant terms. Terms of another supplier are refused.
 * Its compensation restores them.
 */
export const deleteSupplierVariantsStep = createStep(
  deleteSupplierVariantsStepId,
  async (input: { supplier_id: string; ids: string[] }, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const rows = await service.listSupplierVariants(
      { id: input.ids, supplier_id: input.supplier_id },
      { select: ["id"] }
    )
    const missing = input.ids.filter((id) => !rows.some((r) => r.id === id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Supplier ${input.supplier_id} has no variant terms with id: ${missing.join(", ")}`
      )
    }
    await service.softDeleteSupplierVariants(input.ids)
    return new StepResponse(void 0, input.ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.restoreSupplierVariants(ids)
  }
)
