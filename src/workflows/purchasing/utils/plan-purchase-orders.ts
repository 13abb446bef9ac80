import { MedusaError } from "@medusajs/framework/utils"
import { LIMITS } from "../../../api/utils/validators"
import { BackorderStatus, PurchaseOrderStatus } from "../../../types/enums"
import {
  PlannedLine,
  PlannedPurchaseOrder,
  PurchaseOrderLeadTime,
  RequestStockInput,
} from "../../../types/purchasing"
import { addLeadTime, purchaseOrderLeadTime } from "./lead-time"
import { describeRounding, roundOrderQuantity } from "./rounding"

/**
 * The rules of a stock request, as pure functions over what `loadStockRequestStep` read:
 * which backorders may be ordered, which supplier each variant goes to, how demands group
 * into purchase orders, how a line merges into an open draft and rounds to the supplier's
 * terms. No container, no I/O: every number is plain.
 */

/** A backorder asked for, with the open purchase order it is already on, if any. */
export type StockRequestBackorder = {
  id: string
  status: string
  variant_id: string
  location_id: string
  customer_id: string | null
  order_id: string | null
  /** Units still waiting: quantity less allocated and cancelled. */
  waiting_quantity: number
  /** The number of an open purchase order serving it (`PO-0004`), or null. */
  open_purchase_order_number: string | null
  /** The number of an open transfer serving it (`TR-0002`, a draft too), or null. */
  open_transfer_number: string | null
}

export type StockRequestVariant = {
  id: string
  sku: string | null
  title: string | null
  product_id: string | null
  product_title: string | null
  inventory_item_ids: string[]
}

export type StockRequestTerm = {
  variant_id: string
  supplier_id: string
  is_preferred: boolean
  supplier_sku: string | null
  unit_cost: number | null
  lead_time_days: number | null
  minimum_order_quantity: number
  case_pack: number
}

export type StockRequestSupplier = {
  id: string
  currency_code: string | null
  default_lead_time_days: number | null
}

/** The open draft a request adds to. */
export type StockRequestDraft = {
  id: string
  number: string
  status: string
  supplier_id: string
  location_id: string | null
  expected_at: Date | string | null
  lines: {
    id: string
    variant_id: string
    quantity: number
    /** Units of the line's linked backorders. */
    linked_quantity: number
  }[]
}

/** Everything a stock request is planned from, read before planning. */
export type StockRequestData = {
  backorders: StockRequestBackorder[]
  variants: StockRequestVariant[]
  terms: StockRequestTerm[]
  suppliers: StockRequestSupplier[]
  /** The purchase order named by `purchase_order_id`; null when none was asked or found. */
  draft: StockRequestDraft | null
  /** Whether the stock location named by `location_id` exists (true when none was asked). */
  location_found: boolean
  /** For a dropship: the orders of the backorders with their shipping address. */
  orders: { id: string; shipping_address: Record<string, unknown> | null }[]
}

export type Demand = {
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
 * Refuses backorders that were not found, are not `new`, or are already on an open purchase
 * order or an open transfer (a draft one too: its units are about to come from another own
 * location), in the order asked.
 */
export function checkOrderableBackorders(
  ids: string[],
  backorders: StockRequestBackorder[]
): void {
  const missing = ids.filter((id) => !backorders.some((b) => b.id === id))
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
    if (backorder.open_purchase_order_number) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Backorder ${backorder.id} is already on purchase order ${backorder.open_purchase_order_number}`
      )
    }
    if (backorder.open_transfer_number) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Backorder ${backorder.id} is already on transfer ${backorder.open_transfer_number}`
      )
    }
  }
}

/**
 * The supplier a variant is ordered from: the one asked, else the draft's, else the
 * variant's preferred supplier; a variant with none of these is refused.
 */
export function chooseSupplier(
  variantId: string,
  input: Pick<RequestStockInput, "supplier_id">,
  data: Pick<StockRequestData, "draft" | "terms" | "variants">
): string {
  const chosen =
    input.supplier_id ??
    data.draft?.supplier_id ??
    data.terms.find((t) => t.variant_id === variantId && t.is_preferred)
      ?.supplier_id
  if (!chosen) {
    const variant = data.variants.find((v) => v.id === variantId)
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Variant ${variantId}${variant?.sku ? ` (SKU ${variant.sku})` : ""} has no preferred supplier: choose a supplier`
    )
  }
  return chosen
}

/**
 * One demand per backorder (its waiting units) and per plain line, each with its supplier
 * and destination: none for a dropship, else the location asked, the draft's, the
 * backorder's own.
 */
export function buildDemands(
  input: RequestStockInput,
  data: Pick<StockRequestData, "backorders" | "draft" | "terms" | "variants">
): Demand[] {
  const destination = (own: string | null) =>
    input.dropship
      ? null
      : (input.location_id ?? data.draft?.location_id ?? own)
  return [
    ...data.backorders.map((b) => ({
      variant_id: b.variant_id,
      location_id: destination(b.location_id),
      supplier_id: chooseSupplier(b.variant_id, input, data),
      customer_id: b.customer_id,
      order_id: b.order_id,
      backorder_id: b.id,
      quantity: b.waiting_quantity,
      round: input.round_to_terms !== false,
    })),
    ...(input.lines ?? []).map((l) => ({
      variant_id: l.variant_id,
      location_id: destination(null),
      supplier_id: chooseSupplier(l.variant_id, input, data),
      customer_id: null,
      order_id: null,
      backorder_id: null,
      quantity: l.quantity,
      unit_cost: l.unit_cost,
      round: (l.round_to_terms ?? input.round_to_terms) !== false,
    })),
  ]
}

/**
 * The address a dropship ships to: the shipping address of the one order of the one
 * customer whose backorders are asked for (without its ids and timestamps).
 */
export function dropshipAddressOf(
  demands: Demand[],
  orders: StockRequestData["orders"]
): Record<string, unknown> {
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
  const address = orders.find((o) => o.id === orderIds[0])?.shipping_address
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

/**
 * Demands grouped per supplier and destination, one group per purchase order. Adding to a
 * draft allows one group only: the draft's supplier and destination.
 */
export function groupDemands(
  demands: Demand[],
  draft: StockRequestDraft | null
): Demand[][] {
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
          ? `Purchase order ${draft.number} is for supplier ${draft.supplier_id}, not ${other.supplier_id}`
          : `Purchase order ${draft.number} delivers to ${draft.location_id ?? "a customer"}, not ${other?.location_id ?? "a customer"}`
      )
    }
  }
  return [...groups.values()]
}

/**
 * The line for one variant's demands of a group: merged into the draft's line of that
 * variant if there is one, rounded up to the supplier's minimum order quantity and case pack
 * (not for a dropship, nor when a demand asks for exact units), with the supplier's SKU and
 * the first cost given or the supplier's cost. A line beyond the quantity bound is refused.
 */
export function planLine(args: {
  variant: StockRequestVariant
  demands: Demand[]
  term: StockRequestTerm | undefined
  existing: StockRequestDraft["lines"][number] | undefined
  dropship: boolean
}): PlannedLine {
  const { variant, demands, term, existing } = args
  const forBackorders = demands
    .filter((d) => d.backorder_id)
    .reduce((sum, d) => sum + d.quantity, 0)
  const forStock = demands
    .filter((d) => !d.backorder_id)
    .reduce((sum, d) => sum + d.quantity, 0)
  // Backorder units may fit in what an existing line already orders (its rounding extra);
  // plain stock units come on top. A dropship goes to one customer: extra units to round up
  // to a case would have nowhere to go, so it orders exactly what is needed.
  const wanted =
    Math.max(
      existing?.quantity ?? 0,
      (existing?.linked_quantity ?? 0) + forBackorders
    ) + forStock
  const minimumOrderQuantity = term?.minimum_order_quantity ?? 1
  const casePack = term?.case_pack ?? 1
  const quantity =
    args.dropship || demands.some((d) => !d.round)
      ? wanted
      : roundOrderQuantity(wanted, minimumOrderQuantity, casePack)
  if (quantity > LIMITS.MAX_QUANTITY) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Variant ${variant.id}: the purchase order line would order ${quantity} units, more than the ${LIMITS.MAX_QUANTITY} a line can hold`
    )
  }
  return {
    purchase_order_line_id: existing?.id ?? null,
    variant_id: variant.id,
    product_id: variant.product_id,
    inventory_item_id:
      variant.inventory_item_ids.length === 1
        ? variant.inventory_item_ids[0]
        : null,
    title:
      `${variant.product_title ?? ""} ${variant.title ?? ""}`.trim() || null,
    sku: variant.sku,
    supplier_sku: term?.supplier_sku ?? null,
    unit_cost:
      demands.find((d) => d.unit_cost !== undefined)?.unit_cost ??
      term?.unit_cost ??
      null,
    requested_quantity: wanted,
    quantity,
    rounding: describeRounding(
      wanted,
      quantity,
      minimumOrderQuantity,
      casePack
    ),
    backorders: demands
      .filter((d) => d.backorder_id)
      .map((d) => ({ backorder_id: d.backorder_id!, quantity: d.quantity })),
  }
}

/**
 * The expected date of a purchase order: the one asked, else the draft's, else `now` plus
 * its lead time (see `purchaseOrderLeadTime`); null without any.
 */
export function expectedDate(args: {
  expected_at?: Date | string
  draft: StockRequestDraft | null
  leadTime: PurchaseOrderLeadTime | null
  now: Date
}): Date | null {
  if (args.expected_at) {
    return new Date(args.expected_at)
  }
  if (args.draft?.expected_at) {
    return new Date(args.draft.expected_at)
  }
  return args.leadTime
    ? addLeadTime(args.now.getTime(), args.leadTime.days)
    : null
}

/**
 * This works out the purchase orders for a stock request, changing nothing: the waiting
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
export function planPurchaseOrders(
  input: RequestStockInput,
  data: StockRequestData,
  now: Date
): PlannedPurchaseOrder[] {
  const backorderIds = input.backorder_ids ?? []
  const manualLines = input.lines ?? []
  if (!backorderIds.length && !manualLines.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "A purchase order needs backorders or lines"
    )
  }
  checkOrderableBackorders(backorderIds, data.backorders)

  const variantIds = [
    ...new Set([
      ...data.backorders.map((b) => b.variant_id),
      ...manualLines.map((l) => l.variant_id),
    ]),
  ]
  const unknownVariants = variantIds.filter(
    (id) => !data.variants.some((v) => v.id === id)
  )
  if (unknownVariants.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Variant ${unknownVariants.join(", ")} was not found`
    )
  }
  const { draft } = data
  if (input.purchase_order_id) {
    if (!draft) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Purchase order with id: ${input.purchase_order_id} was not found`
      )
    }
    if (draft.status !== PurchaseOrderStatus.DRAFT) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase order ${draft.number} is ${draft.status}: only a draft can be added to`
      )
    }
  }
  if (input.location_id && !data.location_found) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Stock location ${input.location_id} was not found`
    )
  }
  if (!input.dropship && !input.location_id && !draft && manualLines.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Plain purchase order lines need a location_id to deliver to"
    )
  }

  const demands = buildDemands(input, data)
  for (const supplierId of new Set(demands.map((d) => d.supplier_id))) {
    if (!data.suppliers.some((s) => s.id === supplierId)) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Supplier with id: ${supplierId} was not found`
      )
    }
  }
  const dropshipAddress = input.dropship
    ? dropshipAddressOf(demands, data.orders)
    : null

  return groupDemands(demands, draft).map((group) => {
    const supplier = data.suppliers.find((s) => s.id === group[0].supplier_id)!
    const lineLeadTimes: {
      variant_id: string
      lead_time_days: number | null
    }[] = []
    const lines = [...new Set(group.map((d) => d.variant_id))].map(
      (variantId) => {
        const term = data.terms.find(
          (t) => t.variant_id === variantId && t.supplier_id === supplier.id
        )
        lineLeadTimes.push({
          variant_id: variantId,
          lead_time_days: term?.lead_time_days ?? null,
        })
        return planLine({
          variant: data.variants.find((v) => v.id === variantId)!,
          demands: group.filter((d) => d.variant_id === variantId),
          term,
          existing: draft?.lines.find((l) => l.variant_id === variantId),
          dropship: !!input.dropship,
        })
      }
    )
    const leadTime =
      input.expected_at || draft?.expected_at
        ? null
        : purchaseOrderLeadTime(supplier.default_lead_time_days, lineLeadTimes)
    return {
      purchase_order_id: draft?.id ?? null,
      supplier_id: supplier.id,
      location_id: group[0].location_id,
      is_dropship: !!input.dropship,
      dropship_customer_id: input.dropship ? group[0].customer_id : null,
      dropship_address: dropshipAddress,
      currency_code: supplier.currency_code,
      expected_at: expectedDate({
        expected_at: input.expected_at,
        draft,
        leadTime,
        now,
      }),
      lead_time: leadTime,
      notes: input.notes ?? null,
      created_by: input.created_by ?? null,
      lines,
      backorder_ids: group
        .filter((d) => d.backorder_id)
        .map((d) => d.backorder_id!),
    }
  })
}
