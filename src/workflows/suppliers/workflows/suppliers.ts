import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { SupplierEvents } from "../../../types/events"
import {
  CreateSupplierInput,
  SupplierVariantInput,
  UpdateSupplierInput,
  UpdateSupplierVariantInput,
} from "../../../types/supplier"
import { createSuppliersStep } from "../steps/create-suppliers"
import { deleteSupplierVariantsStep } from "../steps/delete-supplier-variants"
import { deleteSuppliersStep } from "../steps/delete-suppliers"
import { updateSuppliersStep } from "../steps/update-suppliers"
import { upsertSupplierVariantsStep } from "../steps/upsert-supplier-variants"
import { validateSupplierDeletionStep } from "../steps/validate-supplier-deletion"
import { validateSupplierVariantsStep } from "../steps/validate-supplier-variants"

const idEvents = (rows: { id: string }[]) => rows.map(({ id }) => ({ id }))

/**
 * This workflow creates suppliers and emits `supplier.created`.
 */
export const createSuppliersWorkflow = createWorkflow(
  "create-suppliers",
  (input: WorkflowData<{ suppliers: CreateSupplierInput[] }>) => {
    const suppliers = createSuppliersStep(input.suppliers)
    emitEventStep({
      eventName: SupplierEvents.CREATED,
      data: transform({ suppliers }, ({ suppliers }) => idEvents(suppliers)),
    })
    return new WorkflowResponse(suppliers)
  }
)

/**
 * This workflow updates suppliers and emits `supplier.updated`.
 */
export const updateSuppliersWorkflow = createWorkflow(
  "update-suppliers",
  (input: WorkflowData<{ suppliers: UpdateSupplierInput[] }>) => {
    const suppliers = updateSuppliersStep(input.suppliers)
    emitEventStep({
      eventName: SupplierEvents.UPDATED,
      data: transform({ suppliers }, ({ suppliers }) => idEvents(suppliers)),
    })
    return new WorkflowResponse(suppliers)
  }
)

/**
 * This workflow deletes suppliers with their variant terms, refusing suppliers that still
 * have open purchase orders, and emits `supplier.deleted`.
 */
export const deleteSuppliersWorkflow = createWorkflow(
  "delete-suppliers",
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

/**
 * This workflow adds and changes a supplier's terms per variant (supplier SKU, unit cost,
 * lead time, minimum order quantity, case pack, preferred). Making terms preferred takes the
 * flag from the variant's other suppliers.
 */
export const upsertSupplierVariantsWorkflow = createWorkflow(
  "upsert-supplier-variants",
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

/**
 * This workflow removes terms from a supplier.
 */
export const deleteSupplierVariantsWorkflow = createWorkflow(
  "delete-supplier-variants",
  (input: WorkflowData<{ supplier_id: string; ids: string[] }>) => {
    deleteSupplierVariantsStep(input)
    return new WorkflowResponse(input.ids)
  }
)
