import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../../../modules/backorder"
import BackorderModuleService from "../../../../../modules/backorder/service"
import { recordOrderBackordersWorkflow } from "../../../../../workflows/backorders/workflows/record-order-backorders"
import { withExpectedAt } from "../../../backorders/expected-at"
import { withConflictMessages } from "../../../../utils/errors"

const JUST_PLACED_MS = 10 * 60 * 1000

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
    fields: ["id", "created_at"],
    filters: { id: req.params.id, is_draft_order: false },
  })
  if (!orders.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order with id: ${req.params.id} was not found`
    )
  }
  const list = () =>
    query.graph({
      entity: "backorder",
      fields: req.queryConfig.fields,
      filters: { order_id: req.params.id },
      pagination: { order: { created_at: "ASC" } },
    })
  let { data: backorders } = await list()
  // The confirmation page is read right after checkout, often before the `order.placed`
  // subscriber has recorded the order's backorders: record them now (the workflow is
  // idempotent and locks like the subscriber). Only for a just-placed order with nothing
  // recorded or checked yet, so reading any other order never runs a workflow.
  const backorderModule: BackorderModuleService =
    req.scope.resolve(BACKORDER_MODULE)
  if (
    !backorders.length &&
    Date.now() - new Date(orders[0].created_at as string | Date).getTime() <
      JUST_PLACED_MS &&
    !(
      await backorderModule.listShortageChecks(
        { order_id: req.params.id },
        { select: ["id"], take: 1 }
      )
    ).length
  ) {
    await recordOrderBackordersWorkflow(req.scope).run({
      input: { order_id: req.params.id },
    })
    ;({ data: backorders } = await list())
  }
  res.json({ backorders: await withExpectedAt(req.scope, backorders) })
})
