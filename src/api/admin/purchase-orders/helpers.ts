import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { LineRounding } from "../../../types/purchasing"
import { roundAmount } from "../../../workflows/shared/money"

type CostedLine = {
  quantity?: BigNumberInput | null
  cancelled_quantity?: BigNumberInput | null
  unit_cost?: BigNumberInput | null
}

/**
 * What a line costs in the supplier's currency: its units not cancelled times the unit cost;
 * null without a unit cost.
 */
export function lineTotal(line: CostedLine): number | null {
  if (line.unit_cost === null || line.unit_cost === undefined) {
    return null
  }
  return roundAmount(
    MathBN.mult(
      MathBN.sub(line.quantity ?? 0, line.cancelled_quantity ?? 0),
      line.unit_cost
    )
  )
}

/** The sum of the line totals; null when a line has no unit cost (the total is unknown). */
export function purchaseOrderTotal(lines: CostedLine[]): number | null {
  const totals = lines.map(lineTotal)
  if (totals.some((total) => total === null)) {
    return null
  }
  return roundAmount(
    totals.reduce((sum: BigNumberInput, t) => MathBN.add(sum, t!), 0)
  )
}

/**
 * The totals of the given purchase orders by id, for lists that do not load the lines: one
 * query for the page.
 */
export async function purchaseOrderTotals(
  container: MedusaContainer,
  ids: string[]
): Promise<Record<string, number | null>> {
  if (!ids.length) {
    return {}
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "purchase_order",
    fields: [
      "id",
      "lines.quantity",
      "lines.cancelled_quantity",
      "lines.unit_cost",
    ],
    filters: { id: ids },
  })
  return Object.fromEntries(
    data.map((po) => [
      po.id,
      purchaseOrderTotal((po.lines ?? []).filter(Boolean) as CostedLine[]),
    ])
  )
}

/**
 * Purchase orders with their human number (`PO-0012`) added, and per line the quantity that
 * was asked (`requested_quantity`) and, when it was rounded up to the supplier's terms, why
 * (`rounding.reason`: "rounded from 2 to 10 (minimum order 10)").
 */
export async function refetchPurchaseOrders(
  container: MedusaContainer,
  ids: string[],
  fields: string[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  const { data } = await query.graph({
    entity: "purchase_order",
    fields: fields.includes("display_id") ? fields : [...fields, "display_id"],
    filters: { id: ids },
  })
  return ids
    .map((id) => data.find((po) => po.id === id))
    .filter(Boolean)
    .map((po) => ({
      ...po!,
      number: service.formatPurchaseOrderNumber(po!.display_id),
      ...(po!.lines
        ? {
            lines: po!.lines.map((line) =>
              line ? { ...withRounding(line)!, total: lineTotal(line) } : line
            ),
            total: purchaseOrderTotal(
              po!.lines.filter(Boolean) as CostedLine[]
            ),
          }
        : {}),
    }))
}

function withRounding<
  T extends { quantity?: unknown; metadata?: Record<string, unknown> | null },
>(line: T | null) {
  if (!line || !("metadata" in line)) {
    return line
  }
  const rounding = (line.metadata?.rounding ?? null) as LineRounding | null
  return {
    ...line,
    requested_quantity: rounding?.requested_quantity ?? line.quantity,
    rounding,
  }
}
