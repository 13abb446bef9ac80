import {
  createOrderFulfillmentWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BackorderStatus } from "../../../types/enums"
import {
  FulfilBackordersInput,
  planBackorderFulfilmentStep,
} from "../steps/plan-backorder-fulfilment"
import { captureBackorderBalanceStep } from "../steps/capture-backorder-balance"
import { fulfilmentRecords } from "../utils/packed-units"
import {
  BACKORDER_CAPTURE,
  BackorderCapture,
} from "../utils/reconcile-fulfilment"

export const fulfilBackordersWorkflowId = "fulfil-backorders"

/**
 * This workflow packs the allocated units of an order's backorders, with the units of their
 * lines held back in stock, through Medusa's own order fulfilment (so stock and reservations
 * go down the normal way). Medusa's fulfilment reconciles the backorders itself (see
 * `workflows/hooks/reconcile-backorder-fulfilment.ts`): it marks them fulfilled, works out
 * the balance still due by the sale's payment policy (a deposit's remainder, a pay-on-receipt
 * sale, a storefront authorization) and emits `backorder.fulfilled`; this workflow then
 * captures that balance through Medusa's capture workflow, so the order's `paid_total` and
 * payment status follow. With everything packed already, it packs nothing and says so.
 *
 * @example
 * await fulfilBackordersWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const fulfilBackordersWorkflow = createWorkflow(
  fulfilBackordersWorkflowId,
  (input: WorkflowData<FulfilBackordersInput>) => {
    const plan = planBackorderFulfilmentStep(input)

    const packed = when(
      "pack-backorders",
      { plan },
      ({ plan }) => plan.items.length > 0
    ).then(() => {
      const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
        input: transform({ plan, input }, ({ plan, input }) => ({
          order_id: plan.order_id,
          location_id: plan.location_id!,
          shipping_option_id: plan.shipping_option_id!,
          items: plan.items,
          created_by: input.created_by,
          additional_data: { [BACKORDER_CAPTURE]: BackorderCapture.DEFERRED },
        })),
      })
      const { data: backorders } = useQueryGraphStep({
        entity: "backorder",
        fields: ["id", "status", "metadata"],
        filters: { id: plan.backorder_ids },
      }).config({ name: "fulfilled-backorders" })

      // What Medusa's fulfilment decided to capture, captured here (see
      // `recordPackedUnits` for why not inside it).
      const record = transform(
        { fulfillment, backorders },
        ({ fulfillment, backorders }) =>
          backorders
            .map((b) => fulfilmentRecords(b.metadata)[fulfillment.id])
            .find(Boolean)
      )
      captureBackorderBalanceStep(
        transform({ record, input }, ({ record, input }) => ({
          payment_id: record?.payment_id ?? null,
          amount: record?.captured ?? 0,
          captured_by: input.created_by,
        }))
      )
      return { fulfillment, backorders }
    })

    return new WorkflowResponse(
      transform({ plan, packed }, ({ plan, packed }) => {
        const fulfillment = packed?.fulfillment
        const backorders = packed?.backorders ?? []
        const records = backorders.map(
          (b) => fulfilmentRecords(b.metadata)[fulfillment?.id ?? ""]
        )
        return {
          order_id: plan.order_id,
          fulfillment_id: fulfillment?.id ?? null,
          captured: records.find(Boolean)?.captured ?? 0,
          fulfilled: backorders.map((b, i) => ({
            id: b.id,
            quantity: records[i]?.quantity ?? 0,
            fulfilled: b.status === BackorderStatus.FULFILLED,
          })),
          message: plan.message,
        }
      })
    )
  }
)
