import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { receiveTransferWorkflow } from "../../../../../workflows/transfers/workflows/receive-transfer"
import { withConflictMessages } from "../../../../utils/errors"
import { refetchTransfer } from "../../helpers"
import { AdminReceiveTransferType } from "../../validators"
import { readIdempotencyKey } from "../../../../utils/idempotency"
import { listReceiptAllocations } from "../../../../utils/receipt-allocations"
import type {
  AdminReceiveTransferResponse,
  AdminTransferAllocation,
} from "../../../../../types/http/transfers"

/**
 * Receives units of a transfer in transit at its destination and allocates them to the
 * waiting backorders, the linked ones first. The same idempotency key (body or
 * `Idempotency-Key` header) records the receipt once.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminReceiveTransferType>,
  res: MedusaResponse<AdminReceiveTransferResponse>
) {
  // The header is checked even when the body names a key: a bad one is refused, not ignored.
  const headerKey = readIdempotencyKey(req)
  const idempotencyKey = req.validatedBody.idempotency_key ?? headerKey
  const { result } = await receiveTransferWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      lines: req.validatedBody.lines,
      note: req.validatedBody.note,
      idempotency_key: idempotencyKey,
      received_by: req.auth_context.actor_id,
    },
  })

  const [transfer, { allocations, allocation_count }] = await Promise.all([
    refetchTransfer(req.scope, req.params.id, req.queryConfig.fields),
    listReceiptAllocations<AdminTransferAllocation>(
      req.scope,
      { transfer_receipt_id: result.receipt_id },
      ["id", "backorder_id", "quantity", "source", "rule", "reason"]
    ),
  ])
  res.json({
    transfer,
    receipt_id: result.receipt_id,
    replayed: result.replayed,
    allocations,
    allocation_count,
  })
})
