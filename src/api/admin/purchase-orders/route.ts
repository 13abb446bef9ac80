import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { requestStockWorkflow } from "../../../workflows/purchasing/workflows/request-stock"
import { purchaseOrderTotals, refetchPurchaseOrders } from "./helpers"
import {
  AdminCreatePurchaseOrderType,
  AdminGetPurchaseOrdersParamsType,
} from "./validators"
import { withConflictMessages } from "../../utils/errors"
import type {
  AdminPurchaseOrderListResponse,
  AdminPurchaseOrderResponse,
} from "../../../types/http/purchase-orders"

export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminGetPurchaseOrdersParamsType>,
  res: MedusaResponse<AdminPurchaseOrderListResponse>
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const service: BackorderModuleService = req.scope.resolve(BACKORDER_MODULE)
  const { data, metadata } = await query.graph({
    entity: "purchase_order",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  const totals = await purchaseOrderTotals(
    req.scope,
    data.map((po) => po.id)
  )
  res.json({
    purchase_orders: data.map((po) => ({
      ...po,
      number: po.display_id
        ? service.formatPurchaseOrderNumber(po.display_id)
        : undefined,
      total: totals[po.id] ?? null,
    })),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
})

/**
 * Creates a draft purchase order with plain replenishment lines, not tied to backorders.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminCreatePurchaseOrderType>,
  res: MedusaResponse<AdminPurchaseOrderResponse>
) {
  const { result } = await requestStockWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  const [purchase_order] = await refetchPurchaseOrders(
    req.scope,
    result,
    req.queryConfig.fields
  )
  res.json({ purchase_order })
})
