import { MedusaError } from "@medusajs/framework/utils"
import BackorderModuleService from "../../../modules/backorder/service"

/**
 * A purchase order with the given relations and its human number (`PO-0012`); an unknown
 * id is refused with a 404.
 */
export async function retrievePurchaseOrder(
  service: BackorderModuleService,
  id: string,
  relations: string[]
) {
  const [purchaseOrder] = await service.listPurchaseOrders(
    { id },
    { relations }
  )
  if (!purchaseOrder) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Purchase order with id: ${id} was not found`
    )
  }
  return {
    purchaseOrder,
    number: service.formatPurchaseOrderNumber(purchaseOrder.display_id),
  }
}
