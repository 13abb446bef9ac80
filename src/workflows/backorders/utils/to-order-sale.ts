import { MedusaError } from "@medusajs/framework/utils"
import { BackorderSource, PaymentPolicy } from "../../../types/enums"
import {
  ToOrderSaleInput,
  ToOrderSalePreviewLine,
} from "../../../types/to-order-sale"
import { roundAmount } from "../../shared/money"

/**
 * The rules of a to-order sale that need no I/O: one line per variant, the sales channel the
 * sale is made in, one inventory item per variant, the totals and what is due now under each
 * payment policy, and the shortage warnings staff see before confirming.
 */

/** Refuses a variant on more than one line. */
export function checkOneLinePerVariant(variantIds: string[]): void {
  const duplicate = variantIds.find((id, i) => variantIds.indexOf(id) !== i)
  if (duplicate) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Variant ${duplicate} appears on more than one line: put all its units on one line.`
    )
  }
}

/**
 * The sales channel of the sale: the one asked, which the location must serve, else the
 * location's only channel; a location serving several (or none) needs it asked.
 */
export function chooseSalesChannel(
  locationId: string,
  channels: { id: string }[],
  requested?: string
): string {
  if (requested) {
    if (!channels.some((c) => c.id === requested)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Stock location ${locationId} is not linked to sales channel ${requested}`
      )
    }
    return requested
  }
  if (channels.length === 1) {
    return channels[0].id
  }
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    channels.length
      ? `Stock location ${locationId} serves several sales channels (${channels
          .map((c) => c.id)
          .join(", ")}): give sales_channel_id`
      : `Stock location ${locationId} is not linked to any sales channel`
  )
}

/**
 * The inventory item a managed variant is sold from; an inventory kit (several items, or
 * one item several times) is refused.
 */
export function singleInventoryItemOf(variant: {
  id: string
  inventory_items: { inventory_item_id: string; required_quantity: number }[]
}): string {
  const items = variant.inventory_items
  if (items.length !== 1 || items[0].required_quantity !== 1) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Variant ${variant.id} is an inventory kit (${items.length} inventory items): to-order sales support variants with one inventory item`
    )
  }
  return items[0].inventory_item_id
}

/**
 * The deposit: the amount given, else the percentage given (or the default) of the total,
 * to the cent; under the deposit policy it may not exceed the total.
 */
export function depositOf(
  input: Pick<
    ToOrderSaleInput,
    "deposit_amount" | "deposit_percent" | "payment_policy"
  >,
  total: number,
  defaultPercent: number
): number {
  const percent = input.deposit_percent ?? defaultPercent
  const deposit = roundAmount(input.deposit_amount ?? (total * percent) / 100)
  if (input.payment_policy === PaymentPolicy.DEPOSIT && deposit > total) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Deposit ${deposit} exceeds the sale total ${total}`
    )
  }
  return deposit
}

/**
 * The sale's total, the part sold short, and what is due now under each policy: everything
 * (`pay_now`), the deposit (`deposit`), or the lines that ship now (`pay_on_receipt`).
 */
export function saleTotals(
  lines: Pick<ToOrderSalePreviewLine, "total" | "unit_price" | "backordered">[],
  input: Pick<
    ToOrderSaleInput,
    "deposit_amount" | "deposit_percent" | "payment_policy"
  >,
  defaultDepositPercent: number
): {
  total: number
  backordered_total: number
  due_now: Record<PaymentPolicy, number>
} {
  const total = roundAmount(lines.reduce((sum, l) => sum + l.total, 0))
  const backorderedTotal = roundAmount(
    lines.reduce((sum, l) => sum + l.unit_price * l.backordered, 0)
  )
  return {
    total,
    backordered_total: backorderedTotal,
    due_now: {
      pay_now: total,
      deposit: depositOf(input, total, defaultDepositPercent),
      pay_on_receipt: roundAmount(total - backorderedTotal),
    },
  }
}

/** The shortage warning of each line sold short ("Backorders Found"). */
export function shortageWarnings(
  lines: Pick<
    ToOrderSalePreviewLine,
    "sku" | "title" | "quantity" | "available" | "backordered"
  >[],
  locationName: string
): string[] {
  return lines
    .filter((l) => l.backordered > 0)
    .map(
      (l) =>
        `Not enough ${l.sku ?? l.title} at ${locationName}: ${l.quantity} ordered, ${Math.max(
          0,
          l.available
        )} available, ${l.backordered} to order`
    )
}

type SaleItem = {
  id: string
  variant_id: string
  product_id: string | null
  title: string
  variant_sku: string | null
  quantity: number
  total: number
}

/** What a to-order sale's backorders are made from: the order and how it is paid. */
export type ToOrderSaleBackordersInput = {
  order: {
    id: string
    customer_id: string
    sales_channel_id: string
    currency_code: string
    total: number
  }
  location_id: string
  inventory_item_ids: Record<string, string>
  supplier_ids: Record<string, string>
  payment_policy: PaymentPolicy
  deposit_amount: number
  priority?: number
  created_by?: string
}

/**
 * What is due now under the payment policy, and the backorder rows with each one's share of
 * it: everything (`pay_now`), the deposit spread over the order's value (`deposit`), nothing
 * (`pay_on_receipt`: the in-stock lines are what is paid now). A due amount over the order's
 * total is refused.
 */
export function toOrderSaleBackorders(
  input: ToOrderSaleBackordersInput,
  managed: SaleItem[],
  shortages: Map<string, number>
) {
  const total = input.order.total
  const shortItems = managed.filter((item) => shortages.has(item.id))
  const unitPrice = (item: SaleItem) => roundAmount(item.total / item.quantity)
  const backorderedTotal = roundAmount(
    shortItems.reduce(
      (sum, item) => sum + unitPrice(item) * shortages.get(item.id)!,
      0
    )
  )
  const dueNow =
    input.payment_policy === PaymentPolicy.PAY_NOW
      ? total
      : input.payment_policy === PaymentPolicy.DEPOSIT
        ? input.deposit_amount
        : roundAmount(total - backorderedTotal)
  if (dueNow > total) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Deposit ${dueNow} exceeds the order total ${total} of order ${input.order.id}`
    )
  }

  const rows = shortItems.map((item) => {
    const short = shortages.get(item.id)!
    const value = unitPrice(item) * short
    const paid =
      input.payment_policy === PaymentPolicy.PAY_NOW
        ? value
        : input.payment_policy === PaymentPolicy.DEPOSIT && total > 0
          ? (dueNow * value) / total
          : 0
    return {
      source: BackorderSource.POS,
      order_id: input.order.id,
      line_item_id: item.id,
      customer_id: input.order.customer_id,
      sales_channel_id: input.order.sales_channel_id,
      product_id: item.product_id,
      variant_id: item.variant_id,
      inventory_item_id: input.inventory_item_ids[item.variant_id],
      location_id: input.location_id,
      supplier_id: input.supplier_ids[item.variant_id] ?? null,
      sku: item.variant_sku,
      title: item.title,
      quantity: short,
      priority: input.priority ?? 0,
      payment_policy: input.payment_policy,
      currency_code: input.order.currency_code,
      unit_price: unitPrice(item),
      paid_amount: roundAmount(paid),
      created_by: input.created_by ?? null,
    }
  })
  return { dueNow, rows }
}
