import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import {
  SupplierVariantInput,
  UpdateSupplierVariantInput,
} from "../../../types/supplier"

export type UpsertSupplierVariantsStepInput = {
  supplier_id: string
  create: (SupplierVariantInput & {
    supplier_id: string
    inventory_item_id: string | null
  })[]
  update: UpdateSupplierVariantInput[]
}

export const upsertSupplierVariantsStepId = "upsert-supplier-variants-step"

const FIELDS = [
  "id",
  "supplier_sku",
  "unit_cost",
  "currency_code",
  "lead_time_days",
  "minimum_order_quantity",
  "case_pack",
  "is_preferred",
  "metadata",
] as const

/**
 * This step creates and updates supplier terms per variant. A variant has one preferred
 * supplier at most: making terms preferred takes the flag from the variant's other terms.
 * Terms the supplier already has for a variant are refused before anything changes. Its
 * compensation, and a write that fails, delete what it created and restore what it changed.
 */
export const upsertSupplierVariantsStep = createStep(
  upsertSupplierVariantsStepId,
  async (input: UpsertSupplierVariantsStepInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)

    const updateIds = input.update.map((u) => u.id)
    const current = updateIds.length
      ? await service.listSupplierVariants(
          { id: updateIds, supplier_id: input.supplier_id },
          { select: [...FIELDS, "variant_id"] }
        )
      : []
    const missing = updateIds.filter((id) => !current.some((c) => c.id === id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Supplier ${input.supplier_id} has no variant terms with id: ${missing.join(", ")}`
      )
    }

    // Terms the supplier already has for a variant are changed, not added again. Refused
    // here, before anything changes: the unique index on (supplier, variant) refuses them only
    // once the preferred flag has been taken from the variant's other terms.
    const createVariantIds = input.create.map((c) => c.variant_id)
    const repeated = createVariantIds.find(
      (id, i) => createVariantIds.indexOf(id) !== i
    )
    if (repeated) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Terms of supplier ${input.supplier_id} for variant ${repeated} are given more than once`
      )
    }
    const [existing] = createVariantIds.length
      ? await service.listSupplierVariants(
          { supplier_id: input.supplier_id, variant_id: createVariantIds },
          { select: ["id", "variant_id"], take: 1 }
        )
      : []
    if (existing) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Supplier ${input.supplier_id} already has terms for variant ${existing.variant_id} (${existing.id}); change them with POST /admin/suppliers/${input.supplier_id}/variants/${existing.id}`
      )
    }

    const preferredVariantIds = [
      ...input.create.filter((c) => c.is_preferred).map((c) => c.variant_id),
      ...input.update
        .filter((u) => u.is_preferred)
        .map((u) => current.find((c) => c.id === u.id)?.variant_id)
        .filter((id): id is string => !!id),
    ]
    const demoted = preferredVariantIds.length
      ? (
          await service.listSupplierVariants(
            { variant_id: preferredVariantIds, is_preferred: true },
            { select: ["id"] }
          )
        ).filter((row) => !updateIds.includes(row.id))
      : []
    if (demoted.length) {
      await service.updateSupplierVariants(
        demoted.map((row) => ({ id: row.id, is_preferred: false }))
      )
    }

    let created: Awaited<ReturnType<typeof service.createSupplierVariants>> = []
    let updated: typeof created = []
    try {
      created = input.create.length
        ? await service.createSupplierVariants(input.create)
        : []
      updated = input.update.length
        ? await service.updateSupplierVariants(input.update)
        : []
    } catch (error) {
      // A step that fails is not compensated, and the flag has been taken already: give it
      // back (and remove the terms created) before failing. The update is one transaction:
      // it changed nothing.
      await undo(service, {
        createdIds: created.map((row) => row.id),
        previous: [],
        demotedIds: demoted.map((row) => row.id),
      }).catch((undoError) =>
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .error(
            `Supplier ${input.supplier_id}: could not give the preferred flag back to terms ${demoted.map((row) => row.id).join(", ")} after a failed write: ${undoError.message}`
          )
      )
      throw error
    }

    return new StepResponse([...created, ...updated], {
      createdIds: created.map((row) => row.id),
      previous: current.map(
        ({ variant_id: _v, supplier: _s, ...fields }) => fields
      ),
      demotedIds: demoted.map((row) => row.id),
    })
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    await undo(container.resolve(BACKORDER_MODULE), data)
  }
)

/** Deletes the terms created, restores the terms changed and gives the flag back. */
async function undo(
  service: BackorderModuleService,
  data: {
    createdIds: string[]
    previous: UpdateSupplierVariantInput[]
    demotedIds: string[]
  }
) {
  if (data.createdIds.length) {
    await service.deleteSupplierVariants(data.createdIds)
  }
  if (data.previous.length) {
    await service.updateSupplierVariants(data.previous)
  }
  if (data.demotedIds.length) {
    await service.updateSupplierVariants(
      data.demotedIds.map((id) => ({ id, is_preferred: true }))
    )
  }
}
