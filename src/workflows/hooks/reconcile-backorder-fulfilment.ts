import {
  cancelOrderFulfillmentWorkflow,
  createOrderFulfillmentWorkflow,
} from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  BACKORDER_CAPTURE,
  BackorderCapture,
  recordPackedUnits,
  restoreBackorders,
  undoPackedUnits,
  unpackCanceledFulfilment,
} from "../fulfilment/utils/reconcile-fulfilment"

/**
 * Every Medusa order fulfilment (the plugin's fulfil, the admin's "Fulfill items", any API
 * client) is reconciled with the backorders inside Medusa's own workflow, so it rolls back
 * with it and cannot be missed the way an event can: the allocated units it packed are
 * counted as fulfilled, the ledger of the backorder says so, and the balance due for them is
 * captured through Medusa's capture workflow (`captureBalanceOn: "fulfilled"`). Packing
 * backordered units that are not allocated yet is refused, which rolls the whole fulfilment
 * back (stock, reservations, fulfilment). On rollback the capture is refunded and the
 * backorders restored.
 */
createOrderFulfillmentWorkflow.hooks.fulfillmentCreated(
  async ({ fulfillment, additional_data }, { container, eventGroupId }) => {
    const undo = await recordPackedUnits(container, fulfillment, {
      eventGroupId,
      deferCapture:
        additional_data?.[BACKORDER_CAPTURE] === BackorderCapture.DEFERRED,
    })
    return new StepResponse(void 0, undo)
  },
  async (undo, { container }) => {
    await undoPackedUnits(container, undo)
  }
)

/**
 * A cancelled Medusa fulfilment puts the backordered units it had packed back to allocated
 * (Medusa puts their stock and reservations back); what was paid stays paid.
 */
cancelOrderFulfillmentWorkflow.hooks.orderFulfillmentCanceled(
  async ({ fulfillment }, { container }) => {
    const previous = await unpackCanceledFulfilment(container, fulfillment)
    return new StepResponse(void 0, previous)
  },
  async (previous, { container }) => {
    await restoreBackorders(container, previous)
  }
)
