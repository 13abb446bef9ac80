import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { deleteSupplierVariantsWorkflow } from "../../../../../../workflows/suppliers/workflows/delete-supplier-variants"
import { upsertSupplierVariantsWorkflow } from "../../../../../../workflows/suppliers/workflows/upsert-supplier-variants"
import { refetchSupplierVariant } from "../../../helpers"
import { AdminUpdateSupplierVariantType } from "../../../validators"
import { withConflictMessages } from "../../../../../utils/errors"
import type {
  AdminSupplierVariantDeleteResponse,
  AdminSupplierVariantResponse,
} from "../../../../../../types/http/suppliers"

export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminUpdateSupplierVariantType>,
  res: MedusaResponse<AdminSupplierVariantResponse>
) {
  await upsertSupplierVariantsWorkflow(req.scope).run({
    input: {
      supplier_id: req.params.id,
      update: [{ ...req.validatedBody, id: req.params.variant_terms_id }],
    },
  })
  const supplier_variant = await refetchSupplierVariant(
    req.scope,
    req.params.variant_terms_id
  )
  res.json({ supplier_variant })
})

export const DELETE = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminSupplierVariantDeleteResponse>
) {
  await deleteSupplierVariantsWorkflow(req.scope).run({
    input: { supplier_id: req.params.id, ids: [req.params.variant_terms_id] },
  })
  res.json({
    id: req.params.variant_terms_id,
    object: "supplier_variant",
    deleted: true,
  })
})
