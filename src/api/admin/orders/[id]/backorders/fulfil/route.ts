import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { fulfilBackordersWorkflow } from "../../../../../../workflows/fulfilment/workflows/fulfil-backorders"
import { previewBackorderFulfilmentWorkflow } from "../../../../../../workflows/fulfilment/workflows/preview-backorder-fulfilment"
import { previewPackedUnits } from "../../../../../../workflows/fulfilment/utils/reconcile-fulfilment"
import { AdminFulfilBackordersType } from "../../../../backorders/validators"
import { withConflictMessages } from "../../../../../utils/errors"
import type {
  AdminFulfilBackordersResponse,
  AdminFulfilPreviewResponse,
} from "../../../../../../types/http/backorders"

/**
 * Packs the allocated units of the order's backorders through Medusa's fulfilment and
 * captures the balance due for them. With everything packed already it packs nothing and
 * answers with a message saying so. With preview, nothing changes: the answer is what would
 * be packed (per backorder, its units) and the amount that would be captured.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminFulfilBackordersType>,
  res: MedusaResponse<
    AdminFulfilBackordersResponse | AdminFulfilPreviewResponse
  >
) {
  if (req.validatedBody.preview) {
    res.json({ preview: await previewFulfilment(req) })
    return
  }
  const { result } = await fulfilBackordersWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      backorder_ids: req.validatedBody.backorder_ids,
      created_by: req.auth_context.actor_id,
    },
  })
  if (result.message) {
    res.json({ backorders: [], captured: 0, message: result.message })
    return
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: backorders } = await query.graph({
    entity: "backorder",
    fields: req.queryConfig.fields,
    filters: { id: result.fulfilled.map((f) => f.id) },
  })
  res.json({ backorders, captured: result.captured })
})

async function previewFulfilment(
  req: AuthenticatedMedusaRequest<AdminFulfilBackordersType>
) {
  const { result: plan } = await previewBackorderFulfilmentWorkflow(
    req.scope
  ).run({
    input: {
      order_id: req.params.id,
      backorder_ids: req.validatedBody.backorder_ids,
    },
  })
  if (plan.message) {
    return { backorders: [], capture_amount: 0, message: plan.message }
  }
  const packed: Record<string, number> = {}
  for (const item of plan.items) {
    packed[item.id] = (packed[item.id] ?? 0) + item.quantity
  }
  const units = await previewPackedUnits(req.scope, req.params.id, packed)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: backorders } = await query.graph({
    entity: "backorder",
    fields: ["id", "sku", "title", "currency_code"],
    filters: { id: units.backorders.map((b) => b.id) },
  })
  return {
    backorders: units.backorders.map((b) => {
      const backorder = backorders.find((x) => x.id === b.id)
      return {
        id: b.id,
        sku: backorder?.sku ?? null,
        title: backorder?.title ?? null,
        quantity: b.quantity,
      }
    }),
    capture_amount: units.capture_amount,
    currency_code: backorders[0]?.currency_code ?? null,
    message: null,
  }
}
