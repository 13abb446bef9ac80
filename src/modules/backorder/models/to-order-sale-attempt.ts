import { model } from "@medusajs/framework/utils"
import { ToOrderSaleAttemptStatus } from "../../../types/enums"

/**
 * One try at a to-order sale, recorded in its own transaction before the order is made: the
 * client's idempotency key and a hash of the request, the id the order gets, and whether the
 * sale was made. A try left `pending` by a process that died is found by the scheduled sweep,
 * which cancels whatever order it left behind.
 */
const ToOrderSaleAttempt = model
  .define("to_order_sale_attempt", {
    id: model.id({ prefix: "tosa" }).primaryKey(),
    idempotency_key: model.text().nullable(),
    request_hash: model.text(),
    status: model
      .enum(Object.values(ToOrderSaleAttemptStatus))
      .default(ToOrderSaleAttemptStatus.PENDING),
    // Chosen before the order is created, so a half-made sale can always be found.
    order_id: model.text(),
    due_now: model.bigNumber().nullable(),
    started_at: model.dateTime(),
    failure_reason: model.text().nullable(),
    created_by: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_to_order_sale_attempt_idempotency_key_unique",
      on: ["idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL AND idempotency_key IS NOT NULL",
    },
    {
      name: "IDX_to_order_sale_attempt_status_started_at",
      on: ["status", "started_at"],
      where: "deleted_at IS NULL",
    },
  ])

export default ToOrderSaleAttempt
