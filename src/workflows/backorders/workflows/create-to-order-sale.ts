import {
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  createPaymentSessionsWorkflow,
  authorizePaymentSessionStep,
  capturePaymentWorkflow,
  emitEventStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createHook,
  createWorkflow,
  parallelize,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BackorderEvents } from "../../../types/events"
import { ToOrderSaleInput } from "../../../types/to-order-sale"
import { lockKeys } from "../../shared/locking"
import { toNumber } from "../../shared/money"
import { acquireWorkflowLock } from "../../shared/workflow-lock"
import { completeToOrderSaleAttemptStep } from "../steps/complete-to-order-sale-attempt"
import { reserveToOrderSaleStep } from "../steps/reserve-to-order-sale"
import { validateToOrderSaleStep } from "../steps/validate-to-order-sale"

export const createToOrderSaleWorkflowId = "create-to-order-sale"

const SYSTEM_PAYMENT_PROVIDER = "pp_system_default"

/**
 * This workflow makes a "to order" sale at the point of sale: a real Medusa order for the
 * customer in the shop's sales channel, every unit reserved at the shop, the units that are
 * not on hand recorded as backorders with status `new` (even for variants that do not allow
 * storefront backorders), and payment taken by the sale's policy through Medusa's payment
 * collections: everything now (`pay_now`), a deposit (`deposit`) or only the in-stock lines
 * (`pay_on_receipt`). The balance stays authorized and due, so the order's payment status
 * reads `captured`, `partially_captured` or `authorized`. Given the try recorded for it
 * (`attempt_id`, `order_id`), the order gets that id and the try is marked completed last.
 *
 * @example
 * const { result } = await createToOrderSaleWorkflow(container).run({
 *   input: {
 *     customer_id: "cus_123",
 *     location_id: "sloc_shop",
 *     lines: [{ variant_id: "variant_kettle", quantity: 2 }],
 *     payment_policy: "deposit",
 *     deposit_percent: 50,
 *   },
 * })
 */
export const createToOrderSaleWorkflow = createWorkflow(
  createToOrderSaleWorkflowId,
  (input: WorkflowData<ToOrderSaleInput>) => {
    const variantIds = transform({ input }, ({ input }) =>
      input.lines.map((l) => l.variant_id)
    )
    // The reads for the order, side by side with the checks (they change nothing, so a sale
    // refused by the checks has nothing to undo). Without a customer the sale is refused:
    // the addresses are then read for no customer at all.
    const customerFilter = transform({ input }, ({ input }) => ({
      id: input.customer_id ? [input.customer_id] : [],
    }))
    const [preview, { data: preferredSuppliers }, { data: customers }] =
      parallelize(
        validateToOrderSaleStep(input),
        useQueryGraphStep({
          entity: "supplier_variant",
          fields: ["variant_id", "supplier_id"],
          filters: { variant_id: variantIds, is_preferred: true },
        }).config({ name: "preferred-suppliers" }),
        useQueryGraphStep({
          entity: "customer",
          fields: [
            "addresses.first_name",
            "addresses.last_name",
            "addresses.company",
            "addresses.address_1",
            "addresses.address_2",
            "addresses.city",
            "addresses.postal_code",
            "addresses.province",
            "addresses.country_code",
            "addresses.phone",
            "addresses.is_default_shipping",
            "addresses.is_default_billing",
          ],
          filters: customerFilter,
        }).config({ name: "customer-addresses" })
      )

    const orderInput = transform(
      { input, preview, customers },
      ({ input, preview, customers }) => ({
        ...(input.order_id ? { id: input.order_id } : {}),
        customer_id: preview.customer_id,
        // The customer's default addresses, so a dropship or a later delivery has one.
        ...defaultAddresses(customers[0]?.addresses ?? []),
        region_id: preview.region_id,
        sales_channel_id: preview.sales_channel_id,
        currency_code: preview.currency_code,
        status: "pending" as const,
        items: input.lines.map((line) => {
          const planned = preview.lines.find(
            (l) => l.variant_id === line.variant_id
          )!
          return {
            variant_id: line.variant_id,
            title: planned.product_title,
            quantity: line.quantity,
            // Medusa prices the line itself (price breaks by quantity) unless staff overrode it.
            unit_price: planned.unit_price,
            is_custom_price: line.unit_price !== undefined,
            // The till may sell short whatever the variant allows the storefront.
            allow_backorder: true,
            ...(line.hold_back ? { metadata: { hold_back: true } } : {}),
          }
        }),
        metadata: {
          to_order_sale: {
            location_id: preview.location_id,
            payment_policy: input.payment_policy,
            ...(input.note ? { note: input.note } : {}),
            ...(input.attempt_id ? { attempt_id: input.attempt_id } : {}),
          },
        },
      })
    )
    const order = createOrderWorkflow.runAsStep({ input: orderInput })

    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "total",
        "currency_code",
        "customer_id",
        "sales_channel_id",
        "items.id",
        "items.variant_id",
        "items.product_id",
        "items.title",
        "items.variant_sku",
        "items.quantity",
        "items.total",
      ],
      filters: { id: order.id },
    }).config({ name: "created-order" })

    const reserveInput = transform(
      { input, preview, orders, preferredSuppliers },
      ({ input, preview, orders, preferredSuppliers }) => {
        const order = orders[0]
        return {
          order: {
            id: order.id,
            customer_id: order.customer_id!,
            sales_channel_id: order.sales_channel_id!,
            currency_code: order.currency_code,
            total: toNumber(order.total),
            items: (order.items ?? []).filter(Boolean).map((item) => ({
              id: item!.id,
              variant_id: item!.variant_id!,
              product_id: item!.product_id ?? null,
              title: item!.title,
              variant_sku: item!.variant_sku ?? null,
              quantity: toNumber(item!.quantity),
              total: toNumber(item!.total),
            })),
          },
          location_id: preview.location_id,
          inventory_item_ids: Object.fromEntries(
            preview.lines
              .filter((l) => l.inventory_item_id)
              .map((l) => [l.variant_id, l.inventory_item_id!])
          ),
          supplier_ids: Object.fromEntries(
            preferredSuppliers.map((s) => [s.variant_id, s.supplier_id])
          ),
          payment_policy: input.payment_policy,
          deposit_amount: preview.due_now.deposit,
          priority: input.priority,
          created_by: input.created_by,
        }
      }
    )
    // The sale's inventory items, all at once, held only while reserving and recording (not
    // around the order creation before nor the payment after).
    const lock = acquireWorkflowLock(
      transform({ reserveInput }, ({ reserveInput }) =>
        lockKeys(
          reserveInput.order.items.map(
            (item) => reserveInput.inventory_item_ids[item.variant_id]
          )
        )
      ),
      "to-order-sale"
    )
    const sale = reserveToOrderSaleStep(reserveInput)
    lock.release()

    // The collection covers the whole order; what is due now is captured and the balance
    // stays authorized until the backordered units arrive.
    const paymentCollections = createOrderPaymentCollectionWorkflow.runAsStep({
      input: transform({ reserveInput }, ({ reserveInput }) => ({
        order_id: reserveInput.order.id,
        amount: reserveInput.order.total,
      })),
    })
    const paymentSession = createPaymentSessionsWorkflow.runAsStep({
      input: transform(
        { paymentCollections, reserveInput },
        ({ paymentCollections, reserveInput }) => ({
          payment_collection_id: paymentCollections[0].id,
          provider_id: SYSTEM_PAYMENT_PROVIDER,
          // No customer here: with one, Medusa creates the customer's account holder at the
          // provider, and parallel first sales of a customer race on that (unique) record.
          // The manual provider needs no account holder.
          data: {},
          context: {},
        })
      ),
    })
    const payment = authorizePaymentSessionStep({
      id: paymentSession.id,
      context: {},
    })

    when("capture-due-now", { sale }, ({ sale }) => sale.due_now > 0).then(
      () => {
        capturePaymentWorkflow.runAsStep({
          input: transform(
            { payment, sale, input },
            ({ payment, sale, input }) => ({
              payment_id: payment!.id,
              amount: sale.due_now,
              captured_by: input.created_by,
            })
          ),
        })
      }
    )

    const createdEvents = transform(
      { sale, reserveInput },
      ({ sale, reserveInput }) =>
        sale.backorder_ids.map((id) => ({
          id,
          order_id: reserveInput.order.id,
        }))
    )
    emitEventStep({
      eventName: BackorderEvents.CREATED,
      data: createdEvents,
    })

    // Last: only a sale made in full is answered again for the same idempotency key.
    when("complete-attempt", { input }, ({ input }) => !!input.attempt_id).then(
      () => {
        completeToOrderSaleAttemptStep(
          transform({ input, sale }, ({ input, sale }) => ({
            attempt_id: input.attempt_id!,
            due_now: sale.due_now,
          }))
        )
      }
    )

    const result = transform(
      { sale, reserveInput },
      ({ sale, reserveInput }) => ({
        order_id: reserveInput.order.id,
        backorder_ids: sale.backorder_ids,
        due_now: sale.due_now,
      })
    )
    const toOrderSaleCreated = createHook("toOrderSaleCreated", result)

    return new WorkflowResponse(result, { hooks: [toOrderSaleCreated] })
  }
)

type CustomerAddress = {
  is_default_shipping?: boolean | null
  is_default_billing?: boolean | null
  [field: string]: unknown
} | null

function defaultAddresses(addresses: CustomerAddress[]) {
  const pick = (flag: "is_default_shipping" | "is_default_billing") => {
    const address = addresses.find((a) => a?.[flag]) ?? addresses[0]
    if (!address) {
      return undefined
    }
    const {
      is_default_shipping: _s,
      is_default_billing: _b,
      ...fields
    } = address
    return fields
  }
  const shipping_address = pick("is_default_shipping")
  const billing_address = pick("is_default_billing")
  return {
    ...(shipping_address ? { shipping_address } : {}),
    ...(billing_address ? { billing_address } : {}),
  }
}

export const previewToOrderSaleWorkflowId = "preview-to-order-sale"

/**
 * This workflow answers what a to-order sale would do without doing it: per line what is on
 * hand at the shop, what ships now, what is held back and what would be backordered, the
 * totals and what is due now under each payment policy, with the shortage warnings.
 */
export const previewToOrderSaleWorkflow = createWorkflow(
  previewToOrderSaleWorkflowId,
  (input: WorkflowData<ToOrderSaleInput>) => {
    return new WorkflowResponse(validateToOrderSaleStep(input))
  }
)
