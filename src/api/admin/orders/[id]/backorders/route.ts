import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AdminGetBackorderParamsType } from "../../../backorders/validators"
import { withConflictMessages } from "../../../../utils/errors"
import type { AdminOrderBackordersResponse } from "../../../../../types/http/backorders"
import { retrieveOrderBackorders } from "./helpers"

/**
 * The backorder lines of one order, with the order-level view ERPAG shows: `backordered`
 * ("No quantity") until every open line is available, then `available`; `fulfilled` once
 * all are packed; `none` without backorders.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<unknown, AdminGetBackorderParamsType>,
  res: MedusaResponse<AdminOrderBackordersResponse>
) {
  res.json(
    await retrieveOrderBackorders(
      req.scope,
      req.params.id,
      req.queryConfig.fields
    )
  )
})
