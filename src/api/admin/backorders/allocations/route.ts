import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AdminGetAllocationsParamsType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"
import { withAllocationPurchaseOrderNumbers } from "../../../utils/purchase-order-numbers"
import type { AdminAllocationListResponse } from "../../../../types/http/backorders"

/**
 * The allocation ledger, newest first by default: every unit handed to or taken from a
 * backorder, where it came from and the rule that chose the backorder.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAllocationsParamsType>,
  res: MedusaResponse<AdminAllocationListResponse>
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: allocations, metadata } = await query.graph({
    entity: "allocation",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: {
      ...req.queryConfig.pagination,
      order: req.queryConfig.pagination?.order ?? { created_at: "DESC" },
    },
  })
  res.json({
    allocations: await withAllocationPurchaseOrderNumbers(
      req.scope,
      allocations
    ),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
})
