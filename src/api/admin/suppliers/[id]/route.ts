import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { deleteSuppliersWorkflow } from "../../../../workflows/suppliers/workflows/delete-suppliers"
import { updateSuppliersWorkflow } from "../../../../workflows/suppliers/workflows/update-suppliers"
import { refetchSupplier } from "../helpers"
import { AdminUpdateSupplierType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"
import type {
  AdminSupplierDeleteResponse,
  AdminSupplierResponse,
} from "../../../../types/http/suppliers"

export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminSupplierResponse>
) {
  const supplier = await refetchSupplier(
    req.scope,
    req.params.id,
    req.queryConfig.fields
  )
  res.json({ supplier })
})

export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminUpdateSupplierType>,
  res: MedusaResponse<AdminSupplierResponse>
) {
  // Answers 404 for an unknown id before changing anything.
  await refetchSupplier(req.scope, req.params.id, ["id"])
  await updateSuppliersWorkflow(req.scope).run({
    input: { suppliers: [{ ...req.validatedBody, id: req.params.id }] },
  })
  const supplier = await refetchSupplier(
    req.scope,
    req.params.id,
    req.queryConfig.fields
  )
  res.json({ supplier })
})

export const DELETE = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminSupplierDeleteResponse>
) {
  await deleteSuppliersWorkflow(req.scope).run({
    input: { ids: [req.params.id] },
  })
  res.json({ id: req.params.id, object: "supplier", deleted: true })
})
