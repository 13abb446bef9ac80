import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  SupplierVariantInput,
  UpdateSupplierVariantInput,
} from "../../../types/supplier"
import { upsertSupplierVariantsStep } from "../steps/upsert-supplier-variants"
import { validateSupplierVariantsStep } from "../steps/validate-supplier-variants"

export const upsertSupplierVariantsWorkflowId = "upsert-supplier-variants"

/**
 * This workflow adds and changes a supplier's terms per variant (supplier SKU, unit cost,
 * lead time, minimum order quantity, case pack, preferred). Making terms preferred takes the
 * flag from the variant's other suppliers.
 */
export const upsertSupplierVariantsWorkflow = createWorkflow(
  upsertSupplierVariantsWorkflowId,
  (
    input: WorkflowData<{
      supplier_id: string
      create?: SupplierVariantInput[]
      update?: UpdateSupplierVariantInput[]
    }>
  ) => {
    const inventoryItemIds = validateSupplierVariantsStep(
      transform({ input }, ({ input }) => ({
        supplier_id: input.supplier_id,
        variant_ids: (input.create ?? []).map((c) => c.variant_id),
      }))
    )
    const rows = upsertSupplierVariantsStep(
      transform({ input, inventoryItemIds }, ({ input, inventoryItemIds }) => ({
        supplier_id: input.supplier_id,
        create: (input.create ?? []).map((c) => ({
          ...c,
          supplier_id: input.supplier_id,
          inventory_item_id: inventoryItemIds[c.variant_id] ?? null,
        })),
        update: input.update ?? [],
      }))
    )
    return new WorkflowResponse(rows)
  }
)
