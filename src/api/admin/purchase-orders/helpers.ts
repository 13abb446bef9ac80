import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { LineRounding } from "../../../types/purchasing"

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
      ...(po!.lines ? { lines: po!.lines.map(withRounding) } : {}),
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
