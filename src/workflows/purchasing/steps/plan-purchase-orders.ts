import { RemoteQueryFunction } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { BackorderStatus, PurchaseOrderStatus } from "../../../types/enums"
import {
  PlannedLine,
  PlannedPurchaseOrder,
  RequestStockInput,
} from "../../../types/purchasing"
import { toNumber } from "../../shared/money"
import { LIMITS } from "../../../api/utils/validators"
import { describeRounding, roundOrderQuantity } from "../utils/rounding"
import { addLeadTime, purchaseOrderLeadTime } from "../utils/lead-time"
import { retrievePurchaseOrder } from "../utils/retrieve-purchase-order"

export const planPurchaseOrdersStepId = "plan-purchase-orders"

const OPEN_PO_STATUSES: PurchaseOrderStatus[] = [
  PurchaseOrderStatus.DRAFT,
  PurchaseOrderStatus.ORDERED,
  PurchaseOrderStatus.PARTIALLY_RECEIVED,
]

type Demand = {
  variant_id: string
  location_id: string | null
  supplier_id: string
  customer_id: string | null
  order_id: string | null
  backorder_id: string | null
  quantity: number
  unit_cost?: number
  /** Whether this demand may be rounded up to the supplier's terms. */
  round: boolean
}

/**
 * This step works out the purchase orders for a stock request, changing nothing: the waiting
 * units of each backorder (or the plain lines given), grouped per supplier (the given one, or
 * each variant's preferred supplier) and destination (the given location, each backorder's
 * location, or the customer's address for a dropship), merged per variant, rounded up to the
 * supplier's minimum order quantity and case pack (unless `round_to_terms` is false for the
 * request or a line), with the supplier's SKU and cost and an expected date from its lead
 * time. It refuses unknown ids (backorders, variants, the supplier, the stock location, the
 * purchase order), backorders that are not waiting or already on an open purchase order,
 * variants without a supplier, a line beyond the quantity bound, and adding to a purchase
 * order that is not an open draft of the same supplier and destination.
 */
export const planPurchaseOrdersStep = createStep(
  planPurchaseOrdersStepId,
  async (input: RequestStockInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const backorderIds = input.backorder_ids ?? []
    const manualLines = input.lines ?? []
    if (!backorderIds.length && !manualLines.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "A purchase order needs backorders or lines"
      )
    }

    const backorders = backorderIds.length
      ? await service.listBackorders(
          { id: backorderIds },
          {
            relations: [
              "purchase_order_lines.purchase_order_line.purchase_order",
            ],
          }
        )
      : []
    const missing = backorderIds.filter(
      (id) => !backorders.some((b) => b.id === id)
    )
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Backorder with id: ${missing.join(", ")} was not found`
      )
    }
    for (const backorder of backorders) {
      if (backorder.status !== BackorderStatus.NEW) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Backorder ${backorder.id} is ${backorder.status}: only new backorders can be put on a purchase order`
        )
      }
      const onOrder = backorder.purchase_order_lines
        .map((link) => link.purchase_order_line?.purchase_order)
        .find((po) => po && OPEN_PO_STATUSES.includes(po.status))
      if (onOrder) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Backorder ${backorder.id} is already on purchase order ${service.formatPurchaseOrderNumber(
            onOrder.display_id
          )}`
        )
      }
    }

    const variantIds = [
      ...new Set([
        ...backorders.map((b) => b.variant_id),
        ...manualLines.map((l) => l.variant_id),
      ]),
    ]
    const [{ data: variants }, terms] = await Promise.all([
      query.graph({
        entity: "product_variant",
        fields: [
          "id",
          "sku",
          "title",
          "product_id",
          "product.title",
          "inventory_items.inventory_item_id",
        ],
        filters: { id: variantIds },
      }),
      service.listSupplierVariants({ variant_id: variantIds }),
    ])
    const unknownVariants = variantIds.filter(
      (id) => !variants.some((v) => v.id === id)
    )
    if (unknownVariants.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Variant ${unknownVariants.join(", ")} was not found`
      )
    }

    const draft = input.purchase_order_id
      ? await loadDraft(service, input.purchase_order_id)
      : null
    if (input.location_id) {
      const { data: locations } = await query.graph({
        entity: "stock_location",
        fields: ["id"],
        filters: { id: input.location_id },
      })
      if (!locations.length) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Stock location ${input.location_id} was not found`
        )
      }
    }
    const supplierFor = (variantId: string) => {
      const chosen =
        input.supplier_id ??
        draft?.supplier_id ??
        terms.find((t) => t.variant_id === variantId && t.is_preferred)
          ?.supplier_id
      if (!chosen) {
        const variant = variants.find((v) => v.id === variantId)!
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Variant ${variantId}${variant.sku ? ` (SKU ${variant.sku})` : ""} has no preferred supplier: choose a supplier`
        )
      }
      return chosen
    }

    if (!input.dropship && !input.location_id && !draft && manualLines.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Plain purchase order lines need a location_id to deliver to"
      )
    }
    const demands: Demand[] = [
      ...backorders.map((b) => ({
        variant_id: b.variant_id,
        location_id: input.dropship
          ? null
          : (input.location_id ?? draft?.location_id ?? b.location_id),
        supplier_id: supplierFor(b.variant_id),
        customer_id: b.customer_id,
        order_id: b.order_id,
        backorder_id: b.id,
        quantity:
          toNumber(b.quantity) -
          toNumber(b.allocated_quantity) -
          toNumber(b.cancelled_quantity),
        round: input.round_to_terms !== false,
      })),
      ...manualLines.map((l) => ({
        variant_id: l.variant_id,
        location_id: input.dropship
          ? null
          : (input.location_id ?? draft?.location_id ?? null),
        supplier_id: supplierFor(l.variant_id),
        customer_id: null,
        order_id: null,
        backorder_id: null,
        quantity: l.quantity,
        unit_cost: l.unit_cost,
        round: (l.round_to_terms ?? input.round_to_terms) !== false,
      })),
    ]

    const suppliers = await service.listSuppliers({
      id: [...new Set(demands.map((d) => d.supplier_id))],
    })
    for (const supplierId of new Set(demands.map((d) => d.supplier_id))) {
      if (!suppliers.some((s) => s.id === supplierId)) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Supplier with id: ${supplierId} was not found`
        )
      }
    }

    const dropshipAddress = input.dropship
      ? await resolveDropshipAddress(query, demands)
      : null

    const groups = new Map<string, Demand[]>()
    for (const demand of demands) {
      const key = `${demand.supplier_id}|${demand.location_id ?? "dropship"}`
      groups.set(key, [...(groups.get(key) ?? []), demand])
    }
    if (draft) {
      const [key] = groups.keys()
      if (
        groups.size > 1 ||
        key !== `${draft.supplier_id}|${draft.location_id ?? "dropship"}`
      ) {
        const [other] = demands.filter(
          (d) =>
            d.supplier_id !== draft.supplier_id ||
            d.location_id !== draft.location_id
        )
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          other && other.supplier_id !== draft.supplier_id
            ? `Purchase order ${service.formatPurchaseOrderNumber(draft.display_id)} is for supplier ${draft.supplier_id}, not ${other.supplier_id}`
            : `Purchase order ${service.formatPurchaseOrderNumber(draft.display_id)} delivers to ${draft.location_id ?? "a customer"}, not ${other?.location_id ?? "a customer"}`
        )
      }
    }

    const plans: PlannedPurchaseOrder[] = []
    for (const group of groups.values()) {
      const supplier = suppliers.find((s) => s.id === group[0].supplier_id)!
      const lines: PlannedLine[] = []
      const lineLeadTimes: {
        variant_id: string
        lead_time_days: number | null
      }[] = []
      for (const variantId of new Set(group.map((d) => d.variant_id))) {
        const variant = variants.find((v) => v.id === variantId)!
        const variantDemand = group.filter((d) => d.variant_id === variantId)
        const term = terms.find(
          (t) => t.variant_id === variantId && t.supplier_id === supplier.id
        )
        lineLeadTimes.push({
          variant_id: variantId,
          lead_time_days: term?.lead_time_days ?? null,
        })
        const existing = draft?.lines.find((l) => l.variant_id === variantId)
        const linked = existing
          ? existing.backorders.reduce(
              (sum, b) => sum + toNumber(b.quantity),
              0
            )
          : 0
        const forBackorders = variantDemand
          .filter((d) => d.backorder_id)
          .reduce((sum, d) => sum + d.quantity, 0)
        const forStock = variantDemand
          .filter((d) => !d.backorder_id)
          .reduce((sum, d) => sum + d.quantity, 0)
        // Backorder units may fit in what an existing line already orders (its rounding
        // extra); plain stock units come on top. A dropship goes to one customer: extra units
        // to round up to a case would have nowhere to go, so it orders exactly what is needed.
        const wanted =
          Math.max(
            existing ? toNumber(existing.quantity) : 0,
            linked + forBackorders
          ) + forStock
        const minimumOrderQuantity = toNumber(term?.minimum_order_quantity ?? 1)
        const casePack = toNumber(term?.case_pack ?? 1)
        const rounded =
          input.dropship || variantDemand.some((d) => !d.round)
            ? wanted
            : roundOrderQuantity(wanted, minimumOrderQuantity, casePack)
        if (rounded > LIMITS.MAX_QUANTITY) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Variant ${variantId}: the purchase order line would order ${rounded} units, more than the ${LIMITS.MAX_QUANTITY} a line can hold`
          )
        }
        const items = (variant.inventory_items ?? []).filter(Boolean)
        lines.push({
          purchase_order_line_id: existing?.id ?? null,
          variant_id: variantId,
          product_id: variant.product_id ?? null,
          inventory_item_id:
            items.length === 1 ? items[0]!.inventory_item_id : null,
          title:
            `${variant.product?.title ?? ""} ${variant.title ?? ""}`.trim() ||
            null,
          sku: variant.sku ?? null,
          supplier_sku: term?.supplier_sku ?? null,
          unit_cost:
            variantDemand.find((d) => d.unit_cost !== undefined)?.unit_cost ??
            (term?.unit_cost !== null && term?.unit_cost !== undefined
              ? toNumber(term.unit_cost)
              : null),
          requested_quantity: wanted,
          quantity: rounded,
          rounding: describeRounding(
            wanted,
            rounded,
            minimumOrderQuantity,
            casePack
          ),
          backorders: variantDemand
            .filter((d) => d.backorder_id)
            .map((d) => ({
              backorder_id: d.backorder_id!,
              quantity: d.quantity,
            })),
        })
      }
      const leadTime =
        input.expected_at || draft?.expected_at
          ? null
          : purchaseOrderLeadTime(
              supplier.default_lead_time_days,
              lineLeadTimes
            )
      const expectedAt = input.expected_at
        ? new Date(input.expected_at)
        : draft?.expected_at
          ? new Date(draft.expected_at)
          : leadTime
            ? addLeadTime(Date.now(), leadTime.days)
            : null
      plans.push({
        purchase_order_id: draft?.id ?? null,
        supplier_id: supplier.id,
        location_id: group[0].location_id,
        is_dropship: !!input.dropship,
        dropship_customer_id: input.dropship ? group[0].customer_id : null,
        dropship_address: dropshipAddress,
        currency_code: supplier.currency_code ?? null,
        expected_at: expectedAt,
        lead_time: leadTime,
        notes: input.notes ?? null,
        created_by: input.created_by ?? null,
        lines,
        backorder_ids: group
          .filter((d) => d.backorder_id)
          .map((d) => d.backorder_id!),
      })
    }
    return new StepResponse(plans)
  }
)

async function loadDraft(service: BackorderModuleService, id: string) {
  const { purchaseOrder: draft, number } = await retrievePurchaseOrder(
    service,
    id,
    ["lines", "lines.backorders"]
  )
  if (draft.status !== PurchaseOrderStatus.DRAFT) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Purchase order ${number} is ${draft.status}: only a draft can be added to`
    )
  }
  return draft
}

async function resolveDropshipAddress(
  query: Omit<RemoteQueryFunction, symbol>,
  demands: Demand[]
): Promise<Record<string, unknown>> {
  const orderIds = [...new Set(demands.map((d) => d.order_id))]
  const customers = new Set(demands.map((d) => d.customer_id))
  if (
    orderIds.length === 0 ||
    orderIds.includes(null) ||
    customers.size !== 1
  ) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "A dropship purchase order ships the backorders of one customer: choose backorders of a single customer"
    )
  }
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "shipping_address.*"],
    filters: { id: orderIds[0] },
  })
  const address = orders[0]?.shipping_address
  if (!address) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Order ${orderIds[0]} has no shipping address to dropship to`
    )
  }
  const {
    id: _id,
    created_at: _c,
    updated_at: _u,
    deleted_at: _d,
    ...fields
  } = address
  return fields
}
