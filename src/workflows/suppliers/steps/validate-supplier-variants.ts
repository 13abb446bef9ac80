import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"

export const validateSupplierVariantsStepId = "validate-supplier-variants"

/**
 * This step checks that the supplier and the variants exist, and returns each variant's
 * inventory item, stored with the terms so purchasing can work per inventory item.
 */
export const validateSupplierVariantsStep = createStep(
  validateSupplierVariantsStepId,
  async (
    input: { supplier_id: string; variant_ids: string[] },
    { container }
  ) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [suppliers, { data: variants }] = await Promise.all([
      service.listSuppliers({ id: input.supplier_id }, { select: ["id"] }),
      input.variant_ids.length
        ? query.graph({
            entity: "product_variant",
            fields: ["id", "inventory_items.inventory_item_id"],
            filters: { id: input.variant_ids },
          })
        : Promise.resolve({
            data: [] as {
              id: string
              inventory_items?: ({ inventory_item_id: string } | null)[] | null
            }[],
          }),
    ])
    if (!suppliers.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Supplier with id: ${input.supplier_id} was not found`
      )
    }
    const missing = input.variant_ids.filter(
      (id) => !variants.some((v) => v.id === id)
    )
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Variant ${missing.join(", ")} was not found`
      )
    }
    const inventoryItemIds: Record<string, string | null> = {}
    for (const variant of variants) {
      const items = (variant.inventory_items ?? []).filter(Boolean)
      inventoryItemIds[variant.id] =
        items.length === 1 ? items[0]!.inventory_item_id : null
    }
    return new StepResponse(inventoryItemIds)
  }
)
