import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../../modules/backorder"
import BackorderModuleService from "../../../../modules/backorder/service"
import { BackorderStatus, PurchaseOrderStatus } from "../../../../types/enums"
import { PlannedPurchaseOrder } from "../../../../types/purchasing"
import { roundAmount, toNumber } from "../../../../workflows/shared/money"

const OPEN_PO_STATUSES = new Set<string>([
  PurchaseOrderStatus.DRAFT,
  PurchaseOrderStatus.ORDERED,
  PurchaseOrderStatus.PARTIALLY_RECEIVED,
])

/** A backorder left out of a stock request, said in names and numbers. */
export type SkippedBackorder = {
  backorder_id: string
  sku: string | null
  title: string | null
  customer: string | null
  order_display_id: number | null
  waiting_quantity: number
  reason: "on_purchase_order" | "not_new" | "not_found"
  status: string | null
  purchase_order_id: string | null
  purchase_order_number: string | null
  message: string
}

/**
 * Splits the backorders of a stock request into those that can be ordered (new, on no open
 * purchase order) and those that cannot, each with why in the words staff read: "KETTLE-MATTE
 * × 3 for Jane Doe (order #12) is already on PO-0004".
 */
export async function splitOrderableBackorders(
  container: MedusaContainer,
  ids: string[]
): Promise<{ orderable: string[]; skipped: SkippedBackorder[] }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  const { data } = await query.graph({
    entity: "backorder",
    fields: [
      "id",
      "status",
      "sku",
      "title",
      "quantity",
      "allocated_quantity",
      "cancelled_quantity",
      "customer.first_name",
      "customer.last_name",
      "customer.email",
      "order.display_id",
      "purchase_order_lines.purchase_order_line.purchase_order.id",
      "purchase_order_lines.purchase_order_line.purchase_order.status",
      "purchase_order_lines.purchase_order_line.purchase_order.display_id",
    ],
    filters: { id: ids },
  })
  const orderable: string[] = []
  const skipped: SkippedBackorder[] = []
  for (const id of ids) {
    const backorder = data.find((b) => b.id === id)
    if (!backorder) {
      skipped.push({
        backorder_id: id,
        sku: null,
        title: null,
        customer: null,
        order_display_id: null,
        waiting_quantity: 0,
        reason: "not_found",
        status: null,
        purchase_order_id: null,
        purchase_order_number: null,
        message: `Backorder ${id} was not found`,
      })
      continue
    }
    const onOrder = (backorder.purchase_order_lines ?? [])
      .map((link) => link?.purchase_order_line?.purchase_order)
      .find((po) => po && OPEN_PO_STATUSES.has(po.status))
    if (backorder.status === BackorderStatus.NEW && !onOrder) {
      orderable.push(id)
      continue
    }
    const customer = backorder.customer
      ? [backorder.customer.first_name, backorder.customer.last_name]
          .filter(Boolean)
          .join(" ") ||
        backorder.customer.email ||
        null
      : null
    const waiting =
      toNumber(backorder.quantity) -
      toNumber(backorder.allocated_quantity) -
      toNumber(backorder.cancelled_quantity)
    const orderDisplayId = backorder.order?.display_id ?? null
    const what = [
      `${backorder.sku ?? backorder.title ?? "Backorder"} × ${waiting}`,
      customer ? `for ${customer}` : null,
      orderDisplayId !== null ? `(order #${orderDisplayId})` : null,
    ]
      .filter(Boolean)
      .join(" ")
    const number = onOrder
      ? service.formatPurchaseOrderNumber(onOrder.display_id)
      : null
    skipped.push({
      backorder_id: id,
      sku: backorder.sku ?? null,
      title: backorder.title ?? null,
      customer,
      order_display_id: orderDisplayId,
      waiting_quantity: waiting,
      reason: onOrder ? "on_purchase_order" : "not_new",
      status: backorder.status,
      purchase_order_id: onOrder?.id ?? null,
      purchase_order_number: number,
      message: onOrder
        ? `${what} is already on ${number}`
        : `${what} is ${backorder.status.replace(/_/g, " ")}: only new backorders can be ordered`,
    })
  }
  return { orderable, skipped }
}

/**
 * What a stock request would create or add to, for staff to check before confirming: per
 * purchase order the supplier (name, currency), destination, expected date (and the lead time
 * it was counted from: a variant's term, naming its SKU, or the supplier's default), and per
 * line the units asked, ordered (with the rounding reason), its unit cost and total; the
 * order's total when every line has a cost.
 */
export async function describePlans(
  container: MedusaContainer,
  plans: PlannedPurchaseOrder[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  const supplierIds = [...new Set(plans.map((p) => p.supplier_id))]
  const locationIds = [
    ...new Set(plans.map((p) => p.location_id).filter(Boolean)),
  ] as string[]
  const draftIds = plans
    .map((p) => p.purchase_order_id)
    .filter(Boolean) as string[]
  const [suppliers, { data: locations }, drafts] = await Promise.all([
    service.listSuppliers({ id: supplierIds }),
    locationIds.length
      ? query.graph({
          entity: "stock_location",
          fields: ["id", "name"],
          filters: { id: locationIds },
        })
      : Promise.resolve({ data: [] as { id: string; name: string }[] }),
    draftIds.length
      ? service.listPurchaseOrders({ id: draftIds }, { relations: ["lines"] })
      : Promise.resolve([]),
  ])
  return plans.map((plan) => {
    const supplier = suppliers.find((s) => s.id === plan.supplier_id)
    const location = locations.find((l) => l.id === plan.location_id)
    const draft = drafts.find((d) => d.id === plan.purchase_order_id)
    const lines = plan.lines.map((line) => {
      const current = draft?.lines.find(
        (l) => l.id === line.purchase_order_line_id
      )
      return {
        purchase_order_line_id: line.purchase_order_line_id,
        variant_id: line.variant_id,
        sku: line.sku,
        title: line.title,
        supplier_sku: line.supplier_sku,
        current_quantity: current ? toNumber(current.quantity) : null,
        requested_quantity: line.requested_quantity,
        quantity: line.quantity,
        rounding: line.rounding,
        backorder_ids: line.backorders.map((b) => b.backorder_id),
        unit_cost: line.unit_cost,
        total:
          line.unit_cost === null
            ? null
            : roundAmount(MathBN.mult(line.unit_cost, line.quantity)),
      }
    })
    return {
      purchase_order_id: plan.purchase_order_id,
      number: draft
        ? service.formatPurchaseOrderNumber(draft.display_id)
        : null,
      supplier: {
        id: plan.supplier_id,
        name: supplier?.name ?? null,
        currency_code: supplier?.currency_code ?? null,
      },
      location: location ? { id: location.id, name: location.name } : null,
      is_dropship: plan.is_dropship,
      expected_at: plan.expected_at
        ? new Date(plan.expected_at).toISOString()
        : null,
      lead_time: plan.lead_time
        ? {
            days: plan.lead_time.days,
            source: plan.lead_time.source,
            variant_id: plan.lead_time.variant_id,
            sku:
              plan.lines.find(
                (l) => l.variant_id === plan.lead_time!.variant_id
              )?.sku ?? null,
          }
        : null,
      currency_code: plan.currency_code,
      lines,
      total: lines.every((l) => l.total !== null)
        ? roundAmount(
            lines.reduce(
              (sum, l) => MathBN.add(sum, l.total!),
              MathBN.convert(0)
            )
          )
        : null,
    }
  })
}
