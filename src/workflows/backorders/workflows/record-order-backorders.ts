import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  parallelize,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BackorderSource } from "../../../types/enums"
import { BackorderEvents } from "../../../types/events"
import { recordOrderBackordersStep } from "../steps/record-order-backorders"
import { lockKeys } from "../../shared/locking"
import { toNumber } from "../../shared/money"
import { acquireWorkflowLock } from "../../shared/workflow-lock"
import { buildCandidates } from "../utils/recording"

export type RecordOrderBackordersWorkflowInput = {
  order_id: string
  /** How the order came in; by default `storefront` for an order from a cart, else `admin`. */
  source?: BackorderSource
}

export const recordOrderBackordersWorkflowId = "record-order-backorders"

/**
 * This workflow records the backorders of an order placed through Medusa's own flows (a
 * storefront checkout of variants that allow backorder, a converted draft order, a confirmed
 * order edit): for each line, the units Medusa reserved without stock at the location it
 * reserved from. Only the short quantity is recorded (3 ordered with 1 on hand: 2
 * backordered). It is idempotent: running it again for the same order records nothing new.
 *
 * @example
 * await recordOrderBackordersWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const recordOrderBackordersWorkflow = createWorkflow(
  recordOrderBackordersWorkflowId,
  (input: WorkflowData<RecordOrderBackordersWorkflowInput>) => {
    // The order and the backorders already recorded for it, side by side; then its lines'
    // reservations and preferred suppliers, side by side. All reads.
    const [{ data: orders }, { data: existing }] = parallelize(
      useQueryGraphStep({
        entity: "order",
        fields: [
          "id",
          "customer_id",
          "sales_channel_id",
          "currency_code",
          // Asking for a total makes the order module load the items' quantities and totals.
          "total",
          "cart.id",
          "items.id",
          "items.variant_id",
          "items.product_id",
          "items.title",
          "items.variant_sku",
          "items.quantity",
          "items.total",
        ],
        filters: { id: input.order_id },
        options: { throwIfKeyNotFound: true },
      }).config({ name: "order" }),
      useQueryGraphStep({
        entity: "backorder",
        fields: [
          "id",
          "line_item_id",
          "location_id",
          "quantity",
          "cancelled_quantity",
        ],
        filters: { order_id: input.order_id },
      }).config({ name: "existing-backorders" })
    )

    const lineItemIds = transform({ orders }, ({ orders }) =>
      (orders[0].items ?? []).filter(Boolean).map((item) => item!.id)
    )
    const variantIds = transform({ orders }, ({ orders }) =>
      (orders[0].items ?? [])
        .map((item) => item?.variant_id)
        .filter((id): id is string => !!id)
    )

    const [{ data: reservations }, { data: preferredSuppliers }] = parallelize(
      useQueryGraphStep({
        entity: "reservation",
        fields: [
          "id",
          "line_item_id",
          "inventory_item_id",
          "location_id",
          "quantity",
          "created_at",
        ],
        filters: { line_item_id: lineItemIds },
      }).config({ name: "reservations" }),
      useQueryGraphStep({
        entity: "supplier_variant",
        fields: ["variant_id", "supplier_id"],
        filters: { variant_id: variantIds, is_preferred: true },
      }).config({ name: "preferred-suppliers" })
    )

    const stepInput = transform(
      { input, orders, reservations, existing, preferredSuppliers },
      ({ input, orders, reservations, existing, preferredSuppliers }) => {
        const order = orders[0]
        return {
          order: {
            id: order.id,
            customer_id: order.customer_id ?? null,
            sales_channel_id: order.sales_channel_id ?? null,
            currency_code: order.currency_code,
            items: (order.items ?? []).filter(Boolean).map((item) => ({
              id: item!.id,
              variant_id: item!.variant_id ?? null,
              product_id: item!.product_id ?? null,
              title: item!.title,
              variant_sku: item!.variant_sku ?? null,
              quantity: toNumber(item!.quantity),
              total: toNumber(item!.total),
            })),
          },
          reservations: reservations.map((r) => ({
            line_item_id: r.line_item_id ?? null,
            inventory_item_id: r.inventory_item_id,
            location_id: r.location_id,
            quantity: toNumber(r.quantity),
            created_at: r.created_at,
          })),
          existing: existing.map((b) => ({
            id: b.id,
            line_item_id: b.line_item_id,
            location_id: b.location_id,
            quantity: toNumber(b.quantity),
            cancelled_quantity: toNumber(b.cancelled_quantity),
          })),
          supplier_ids: Object.fromEntries(
            preferredSuppliers.map((s) => [s.variant_id, s.supplier_id])
          ),
          source:
            input.source ??
            ((order as { cart?: { id: string } | null }).cart?.id
              ? BackorderSource.STOREFRONT
              : BackorderSource.ADMIN),
        }
      }
    )

    // The items of the lines that may be short, all at once, held only while recording.
    const lock = acquireWorkflowLock(
      transform({ stepInput }, ({ stepInput }) =>
        lockKeys(
          buildCandidates(
            stepInput.order,
            stepInput.reservations,
            stepInput.existing
          ).map((c) => c.inventory_item_id)
        )
      ),
      "record-order-backorders"
    )
    const recorded = recordOrderBackordersStep(stepInput)
    lock.release()

    const events = transform({ recorded, input }, ({ recorded, input }) =>
      recorded.created_ids.map((id) => ({ id, order_id: input.order_id }))
    )
    emitEventStep({ eventName: BackorderEvents.CREATED, data: events })

    return new WorkflowResponse(recorded)
  }
)
