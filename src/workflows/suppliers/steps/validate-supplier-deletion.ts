import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { PurchaseOrderStatus } from "../../../types/enums"

export const validateSupplierDeletionStepId = "validate-supplier-deletion"

const OPEN_PURCHASE_ORDER_STATUSES = [
  PurchaseOrderStatus.DRAFT,
  PurchaseOrderStatus.ORDERED,
  PurchaseOrderStatus.PARTIALLY_RECEIVED,
  PurchaseOrderStatus.RECEIVED,
]

/**
 * This step refuses to delete unknown suppliers and suppliers that still have open purchase
 * orders: those must be closed or cancelled first, so no delivery is left without a supplier.
 */
export const validateSupplierDeletionStep = createStep(
  validateSupplierDeletionStepId,
  async (ids: string[], { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const suppliers = await service.listSuppliers(
      { id: ids },
      { select: ["id"] }
    )
    const missing = ids.filter((id) => !suppliers.some((s) => s.id === id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Supplier with id: ${missing.join(", ")} was not found`
      )
    }
    const open = await service.listPurchaseOrders(
      { supplier_id: ids, status: OPEN_PURCHASE_ORDER_STATUSES },
      { select: ["id", "display_id", "supplier_id"] }
    )
    if (open.length) {
      const numbers = open
        .map((po) => service.formatPurchaseOrderNumber(po.display_id))
        .join(", ")
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Supplier ${open[0].supplier_id} has open purchase orders (${numbers}): close or cancel them first`
      )
    }
    return new StepResponse(void 0)
  }
)
