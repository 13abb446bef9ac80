import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createSuppliersWorkflow } from "../../../workflows/suppliers/workflows/create-suppliers"
import { escapeLikePattern } from "../../utils/validators"
import { refetchSupplier } from "./helpers"
import {
  AdminCreateSupplierType,
  AdminGetSuppliersParamsType,
} from "./validators"
import { withConflictMessages } from "../../utils/errors"
import type {
  AdminSupplierListResponse,
  AdminSupplierResponse,
} from "../../../types/http/suppliers"

export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminGetSuppliersParamsType>,
  res: MedusaResponse<AdminSupplierListResponse>
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, ...filters } = req.filterableFields
  const { data: suppliers, metadata } = await query.graph({
    entity: "supplier",
    fields: req.queryConfig.fields,
    // Medusa's free-text search puts `q` into ILIKE patterns: search what was typed, literally.
    filters: q ? { ...filters, q: escapeLikePattern(q as string) } : filters,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    suppliers,
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
})

export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminCreateSupplierType>,
  res: MedusaResponse<AdminSupplierResponse>
) {
  const { result } = await createSuppliersWorkflow(req.scope).run({
    input: { suppliers: [req.validatedBody] },
  })
  const supplier = await refetchSupplier(
    req.scope,
    result[0].id,
    req.queryConfig.fields
  )
  res.status(200).json({ supplier })
})
