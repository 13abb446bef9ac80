import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BackorderStatus, PurchaseOrderStatus } from "../../../../types/enums"
import { requestStockWorkflow } from "../../../../workflows/purchasing/workflows/request-stock"
import { refetchPurchaseOrders } from "../helpers"
import { AdminRequestStockType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"

/**
 * Requests stock for backorders: new draft purchase orders (one per supplier and
 * destination), or the units added to an open draft. With all_open_backorders_of_supplier,
 * every new backorder of the supplier that is not on order yet is pulled in.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminRequestStockType>,
  res: MedusaResponse
) {
  const { all_open_backorders_of_supplier, ...body } = req.validatedBody
  let backorderIds = body.backorder_ids ?? []
  if (all_open_backorders_of_supplier) {
    backorderIds = await openBackordersOfSupplier(
      req,
      body.supplier_id!,
      body.location_id
    )
  }
  const { result } = await requestStockWorkflow(req.scope).run({
    input: {
      ...body,
      backorder_ids: backorderIds,
      created_by: req.auth_context.actor_id,
    },
  })
  const purchase_orders = await refetchPurchaseOrders(
    req.scope,
    result,
    req.queryConfig.fields
  )
  res.json({ purchase_orders })
})

async function openBackordersOfSupplier(
  req: AuthenticatedMedusaRequest,
  supplierId: string,
  locationId?: string
): Promise<string[]> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "backorder",
    fields: [
      "id",
      "purchase_order_lines.purchase_order_line.purchase_order.status",
    ],
    filters: {
      supplier_id: supplierId,
      status: BackorderStatus.NEW,
      ...(locationId ? { location_id: locationId } : {}),
    },
  })
  const open = new Set<string>([
    PurchaseOrderStatus.DRAFT,
    PurchaseOrderStatus.ORDERED,
    PurchaseOrderStatus.PARTIALLY_RECEIVED,
  ])
  return data
    .filter(
      (b) =>
        !(b.purchase_order_lines ?? []).some((link) =>
          open.has(link?.purchase_order_line?.purchase_order?.status ?? "")
        )
    )
    .map((b) => b.id)
}
