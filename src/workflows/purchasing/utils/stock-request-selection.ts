import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { BackorderStatus } from "../../../types/enums"
import { PlannedPurchaseOrder } from "../../../types/purchasing"
import { roundAmount } from "../../shared/money"

/** A backorder left out of a stock request, said in names and numbers. */
export type SkippedBackorder = {
  backorder_id: string
  sku: string | null
  title: string | null
  customer: string | null
  order_display_id: number | null
  waiting_quantity: number
  reason: "on_purchase_order" | "on_transfer" | "not_new" | "not_found"
  status: string | null
  purchase_order_id: string | null
  purchase_order_number: string | null
  transfer_id: string | null
  transfer_number: string | null
  message: string
}

/** A backorder asked for in a stock request, as read for choosing whether it can be ordered. */
export type BackorderToOrder = {
  id: string
  status: string
  sku: string | null
  title: string | null
  customer: {
    first_name?: string | null
    last_name?: string | null
    email?: string | null
  } | null
  order_display_id: number | null
  waiting_quantity: number
  /** The open purchase order serving it, if any. */
  open_purchase_order: { id: string; number: string } | null
  /** The open transfer serving it (a draft too), if any. */
  open_transfer: { id: string; number: string } | null
}

/**
 * Splits the backorders of a stock request, in the order asked, into those that can be
 * ordered (new, on no open purchase order or transfer) and those that cannot, each with why
 * in the words staff read: "KETTLE-MATTE × 3 for Jane Doe (order #12) is already on PO-0004".
 */
export function splitOrderableBackorders(
  ids: string[],
  backorders: BackorderToOrder[]
): { orderable: string[]; skipped: SkippedBackorder[] } {
  const orderable: string[] = []
  const skipped: SkippedBackorder[] = []
  for (const id of ids) {
    const backorder = backorders.find((b) => b.id === id)
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
        transfer_id: null,
        transfer_number: null,
        message: `Backorder ${id} was not found`,
      })
      continue
    }
    const onOrder = backorder.open_purchase_order
    const onTransfer = backorder.open_transfer
    if (backorder.status === BackorderStatus.NEW && !onOrder && !onTransfer) {
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
    const waiting = backorder.waiting_quantity
    const orderDisplayId = backorder.order_display_id
    const what = [
      `${backorder.sku ?? backorder.title ?? "Backorder"} × ${waiting}`,
      customer ? `for ${customer}` : null,
      orderDisplayId !== null ? `(order #${orderDisplayId})` : null,
    ]
      .filter(Boolean)
      .join(" ")
    skipped.push({
      backorder_id: id,
      sku: backorder.sku,
      title: backorder.title,
      customer,
      order_display_id: orderDisplayId,
      waiting_quantity: waiting,
      reason: onOrder
        ? "on_purchase_order"
        : onTransfer
          ? "on_transfer"
          : "not_new",
      status: backorder.status,
      purchase_order_id: onOrder?.id ?? null,
      purchase_order_number: onOrder?.number ?? null,
      transfer_id: onTransfer?.id ?? null,
      transfer_number: onTransfer?.number ?? null,
      message:
        onOrder || onTransfer
          ? `${what} is already on ${(onOrder ?? onTransfer)!.number}`
          : `${what} is ${backorder.status.replace(/_/g, " ")}: only new backorders can be ordered`,
    })
  }
  return { orderable, skipped }
}

/** What a preview is described with, read for the plans' suppliers, locations and drafts. */
export type PlanDescriptionData = {
  suppliers: { id: string; name: string; currency_code: string | null }[]
  locations: { id: string; name: string }[]
  drafts: {
    id: string
    number: string
    lines: { id: string; quantity: number }[]
  }[]
}

/**
 * What a stock request would create or add to, for staff to check before confirming: per
 * purchase order the supplier (name, currency), destination, expected date (and the lead time
 * it was counted from: a variant's term, naming its SKU, or the supplier's default), and per
 * line the units asked, ordered (with the rounding reason), its unit cost and total; the
 * order's total when every line has a cost.
 */
export function describePlans(
  plans: PlannedPurchaseOrder[],
  data: PlanDescriptionData
) {
  return plans.map((plan) => {
    const supplier = data.suppliers.find((s) => s.id === plan.supplier_id)
    const location = data.locations.find((l) => l.id === plan.location_id)
    const draft = data.drafts.find((d) => d.id === plan.purchase_order_id)
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
        current_quantity: current ? current.quantity : null,
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
      number: draft ? draft.number : null,
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
              (sum: BigNumberInput, l) => MathBN.add(sum, l.total!),
              MathBN.convert(0)
            )
          )
        : null,
    }
  })
}

export type StockRequestPreview = ReturnType<typeof describePlans>
