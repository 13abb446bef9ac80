import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { beginToOrderSaleAttemptWorkflow } from "../../../workflows/backorders/workflows/begin-to-order-sale-attempt"
import { cancelToOrderSaleAttemptWorkflow } from "../../../workflows/backorders/workflows/cancel-to-order-sale-attempt"
import { createToOrderSaleWorkflow } from "../../../workflows/backorders/workflows/create-to-order-sale"
import { defaultAdminBackorderFields } from "../backorders/query-config"
import { AdminToOrderSaleType } from "./validators"
import { withConflictMessages } from "../../utils/errors"
import { toOrderSaleLockKey, withLock } from "../../../workflows/shared/locking"
import { hashRequestBody, readIdempotencyKey } from "../../utils/idempotency"
import type { AdminToOrderSaleResponse } from "../../../types/http/to-order-sales"

/**
 * Makes a to-order sale: creates the order, reserves at the shop, records the short units as
 * backorders and takes payment by the chosen policy. With an `Idempotency-Key` header the
 * sale is made once: the same key and body answer the same sale again (header
 * `Idempotent-Replayed: true`). The try is recorded before the order is made; should the
 * sale fail, what it made is cancelled at once, and should this process die, the scheduled
 * sweep cancels it as soon as the sale's lock lease has run out.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<AdminToOrderSaleType>,
  res: MedusaResponse<AdminToOrderSaleResponse>
) {
  const idempotencyKey = readIdempotencyKey(req)
  const {
    result: { attempt, replay },
  } = await beginToOrderSaleAttemptWorkflow(req.scope).run({
    input: {
      idempotency_key: idempotencyKey,
      request_hash: hashRequestBody(req.validatedBody),
      created_by: req.auth_context.actor_id,
    },
  })

  let dueNow = attempt.due_now ?? 0
  if (replay) {
    res.set("Idempotent-Replayed", "true")
  } else {
    try {
      // Held (and renewed) while the sale is made: should this process die, the lease runs
      // out within seconds and the sweep knows the sale was abandoned. This is not a lock on
      // stock (the workflow takes the inventory item locks itself, around reserving only): it
      // marks this try as alive across instances for the whole run, and past the workflow's
      // rollback until the try is marked failed below, so it stays here, around the run.
      const { result } = await withLock(
        req.scope,
        [toOrderSaleLockKey(attempt.id)],
        () =>
          createToOrderSaleWorkflow(req.scope).run({
            input: {
              ...req.validatedBody,
              created_by: req.auth_context.actor_id,
              attempt_id: attempt.id,
              order_id: attempt.order_id,
            },
          })
      )
      dueNow = result.due_now
    } catch (error) {
      await abandonAttempt(req, attempt.id, error)
      throw withRetryAdvice(error, idempotencyKey)
    }
  }

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

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
        filters: { id: attempt.order_id },
      },
      { throwIfKeyNotFound: true }
    ),
    query.graph({
      entity: "backorder",
      fields: defaultAdminBackorderFields,
      filters: { order_id: attempt.order_id },
    }),
  ])

  res.status(200).json({
    order: orders[0],
    backorders,
    due_now: dueNow,
  })
})

/**
 * The sale failed and its workflow rolled back: marks the try failed and cancels anything
 * that is still there (nothing, unless a compensation failed). Should this fail too, the try
 * stays pending and the scheduled sweep finishes the job; the sale's own error is answered.
 */
async function abandonAttempt(
  req: AuthenticatedMedusaRequest<AdminToOrderSaleType>,
  attemptId: string,
  error: unknown
) {
  const reason = (error as { message?: string } | null)?.message ?? "Failed"
  try {
    await cancelToOrderSaleAttemptWorkflow(req.scope).run({
      input: { attempt_id: attemptId, reason },
    })
  } catch (cleanupError) {
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(
        `To-order sale attempt ${attemptId} could not be cleaned up now, the sweep will: ${(cleanupError as Error).message}`
      )
  }
}

/** A conflict says the sale was not made and how to retry it safely. */
function withRetryAdvice(error: unknown, idempotencyKey: string | undefined) {
  const conflict = error as { type?: string; message?: string } | null
  if (conflict?.type !== MedusaError.Types.CONFLICT) {
    return error
  }
  const advice = idempotencyKey
    ? `retry with the same Idempotency-Key ${JSON.stringify(idempotencyKey)}`
    : "retry it, with an Idempotency-Key header so that a retry can never sell twice"
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `${conflict.message}. The sale was not made: ${advice}.`
  )
}
