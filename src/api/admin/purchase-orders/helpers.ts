import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"

/** Purchase orders with their human number (`PO-0012`) added. */
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
    }))
}
