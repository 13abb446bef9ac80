import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { receivePurchaseOrderWorkflow } from "../../../../../workflows/purchasing/workflows/receive-purchase-order"
import { refetchPurchaseOrders } from "../../helpers"
import { AdminReceivePurchaseOrderType } from "../../validators"
import { withConflictMessages } from "../../../../utils/errors"
import { readIdempotencyKey } from "../../../../utils/idempotency"
import { listReceiptAllocations } from "../../../../utils/receipt-allocations"
import type {
  AdminReceiptAllocation,
  AdminReceivePurchaseOrderResponse,
} from "../../../../../types/http/purchase-orders"

/**
 * Receives units of a sent purchase order and allocates them to waiting backorders. The
 * same idempotency key (body or `Idempotency-Key` header) records the receipt once.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminReceivePurchaseOrderType>,
  res: MedusaResponse<AdminReceivePurchaseOrderResponse>
) {
  // The header is checked even when the body names a key: a bad one is refused, not ignored.
  const headerKey = readIdempotencyKey(req)
  const idempotencyKey = req.validatedBody.idempotency_key ?? headerKey
  const { result } = await receivePurchaseOrderWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      lines: req.validatedBody.lines,
      note: req.validatedBody.note,
      idempotency_key: idempotencyKey,
      received_by: req.auth_context.actor_id,
    },
  })

  const [[purchase_order], { allocations, allocation_count }] =
    await Promise.all([
      refetchPurchaseOrders(req.scope, [req.params.id], req.queryConfig.fields),
      listReceiptAllocations<AdminReceiptAllocation>(
        req.scope,
        { receipt_id: result.receipt_id },
        [
          "id",
          "backorder_id",
          "quantity",
          "source",
          "rule",
          "reason",
          "receipt_line_id",
        ]
      ),
    ])
  res.json({
    purchase_order,
    receipt_id: result.receipt_id,
    replayed: result.replayed,
    allocations,
    allocation_count,
  })
})
