import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createToOrderSaleWorkflow } from "../../../workflows/backorders/workflows/create-to-order-sale"
import { defaultAdminBackorderFields } from "../backorders/query-config"
import { AdminToOrderSaleType } from "./validators"

/**
 * Makes a to-order sale: creates the order, reserves at the shop, records the short units as
 * backorders and takes payment by the chosen policy.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminToOrderSaleType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { result } = await createToOrderSaleWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })

  const [{ data: orders }, { data: backorders }] = await Promise.all([
    query.graph(
      {
        entity: "order",
        fields: [
          "id",
          "display_id",
          "status",
          "customer_id",
          "sales_channel_id",
          "currency_code",
          "total",
          "items.id",
          "items.variant_id",
          "items.quantity",
          "items.unit_price",
          "items.total",
          "items.metadata",
        ],
        filters: { id: result.order_id },
      },
      { throwIfKeyNotFound: true }
    ),
    query.graph({
      entity: "backorder",
      fields: defaultAdminBackorderFields,
      filters: { order_id: result.order_id },
    }),
  ])

  res.status(200).json({
    order: orders[0],
    backorders,
    due_now: result.due_now,
  })
}
