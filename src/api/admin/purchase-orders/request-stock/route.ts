import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BackorderStatus, PurchaseOrderStatus } from "../../../../types/enums"
import { previewStockRequestWorkflow } from "../../../../workflows/purchasing/workflows/preview-stock-request"
import { requestStockWorkflow } from "../../../../workflows/purchasing/workflows/request-stock"
import { refetchPurchaseOrders } from "../helpers"
import { AdminRequestStockType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"
import {
  describePlans,
  SkippedBackorder,
  splitOrderableBackorders,
} from "./helpers"
import type {
  AdminRequestStockPreviewResponse,
  AdminRequestStockResponse,
} from "../../../../types/http/purchase-orders"

/**
 * Requests stock for backorders: new draft purchase orders (one per supplier and
 * destination), or the units added to an open draft. With all_open_backorders_of_supplier,
 * every new backorder of the supplier that is not on order yet is pulled in. With
 * skip_unavailable, backorders that cannot be ordered are left out and answered in `skipped`
 * (why, in names and numbers). With preview, nothing changes: the answer is what would be
 * created or added to (`preview.purchase_orders`).
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminRequestStockType>,
  res: MedusaResponse<
    AdminRequestStockResponse | AdminRequestStockPreviewResponse
  >
) {
  const {
    all_open_backorders_of_supplier,
    preview,
    skip_unavailable,
    ...body
  } = req.validatedBody
  let backorderIds = body.backorder_ids ?? []
  if (all_open_backorders_of_supplier) {
    backorderIds = await openBackordersOfSupplier(
      req,
      body.supplier_id!,
      body.location_id
    )
  }
  let skipped: SkippedBackorder[] | undefined
  if (skip_unavailable) {
    const split = await splitOrderableBackorders(req.scope, backorderIds)
    backorderIds = split.orderable
    skipped = split.skipped
  }
  const input = {
    ...body,
    backorder_ids: backorderIds,
    created_by: req.auth_context.actor_id,
  }
  const nothingLeft = !!skipped && !backorderIds.length

  if (preview) {
    const plans = nothingLeft
      ? []
      : (await previewStockRequestWorkflow(req.scope).run({ input })).result
    res.json({
      preview: { purchase_orders: await describePlans(req.scope, plans) },
      ...(skipped ? { skipped } : {}),
    })
    return
  }
  const ids = nothingLeft
    ? []
    : (await requestStockWorkflow(req.scope).run({ input })).result
  const purchase_orders = ids.length
    ? await refetchPurchaseOrders(req.scope, ids, req.queryConfig.fields)
    : []
  res.json({ purchase_orders, ...(skipped ? { skipped } : {}) })
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
