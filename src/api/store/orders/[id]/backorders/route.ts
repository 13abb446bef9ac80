import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { withExpectedAt } from "../../../backorders/expected-at"
import { withConflictMessages } from "../../../../utils/errors"

/**
 * The backorder lines of an order with their promise dates, for whoever may read the order
 * through Medusa's store API (`GET /store/orders/:id` is readable by its id, so a guest's
 * order confirmation page can show what ships later and when). No supplier, cost or staff
 * fields.
 */
export const GET = withConflictMessages(async function (
  req: MedusaRequest,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { id: req.params.id, is_draft_order: false },
  })
  if (!orders.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order with id: ${req.params.id} was not found`
    )
  }
  const { data: backorders } = await query.graph({
    entity: "backorder",
    fields: req.queryConfig.fields,
    filters: { order_id: req.params.id },
    pagination: { order: { created_at: "ASC" } },
  })
  res.json({ backorders: await withExpectedAt(req.scope, backorders) })
})
