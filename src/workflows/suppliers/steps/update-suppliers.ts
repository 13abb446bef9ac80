import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { UpdateSupplierInput } from "../../../types/supplier"

export const updateSuppliersStepId = "update-suppliers-step"

const FIELDS = [
  "id",
  "name",
  "code",
  "email",
  "phone",
  "contact_name",
  "address",
  "currency_code",
  "default_lead_time_days",
  "notes",
  "metadata",
] as const

/**
 * This step updates suppliers. Its compensation restores the fields it changed.
 */
export const updateSuppliersStep = createStep(
  updateSuppliersStepId,
  async (input: UpdateSupplierInput[], { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const previous = await service.listSuppliers(
      { id: input.map((s) => s.id) },
      { select: [...FIELDS] }
    )
    const suppliers = await service.updateSuppliers(input)
    const snapshot: UpdateSupplierInput[] = previous.map(
      ({ purchase_orders: _po, variants: _v, ...fields }) => fields
    )
    return new StepResponse(suppliers, snapshot)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.updateSuppliers(previous)
  }
)
