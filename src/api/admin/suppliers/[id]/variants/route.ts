import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { upsertSupplierVariantsWorkflow } from "../../../../../workflows/suppliers/workflows/upsert-supplier-variants"
import { refetchSupplier, refetchSupplierVariant } from "../../helpers"
import {
  AdminCreateSupplierVariantType,
  AdminGetSupplierVariantsParamsType,
} from "../../validators"
import { withConflictMessages } from "../../../../utils/errors"
import type {
  AdminSupplierVariantListResponse,
  AdminSupplierVariantResponse,
} from "../../../../../types/http/suppliers"

/** A supplier's terms per variant. */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminGetSupplierVariantsParamsType>,
  res: MedusaResponse<AdminSupplierVariantListResponse>
) {
  await refetchSupplier(req.scope, req.params.id, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: supplier_variants, metadata } = await query.graph({
    entity: "supplier_variant",
    fields: req.queryConfig.fields,
    filters: { ...req.filterableFields, supplier_id: req.params.id },
    pagination: req.queryConfig.pagination,
  })
  res.json({
    supplier_variants,
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
})

export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminCreateSupplierVariantType>,
  res: MedusaResponse<AdminSupplierVariantResponse>
) {
  const { result } = await upsertSupplierVariantsWorkflow(req.scope).run({
    input: { supplier_id: req.params.id, create: [req.validatedBody] },
  })
  const supplier_variant = await refetchSupplierVariant(req.scope, result[0].id)
  res.json({ supplier_variant })
})
