import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { PurchaseOrderStatus } from "../../../types/enums"
import { retrievePurchaseOrder } from "../utils/retrieve-purchase-order"

export const validatePurchaseOrderStatusStepId =
  "validate-purchase-order-status"

/**
 * This step loads a purchase order with its lines and their backorder links, and refuses an
 * unknown id or a status the action does not accept (e.g. sending a purchase order that is
 * not a draft), naming the purchase order and its status.
 */
export const validatePurchaseOrderStatusStep = createStep(
  validatePurchaseOrderStatusStepId,
  async (
    input: { id: string; allowed: PurchaseOrderStatus[]; action: string },
    { container }
  ) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const { purchaseOrder, number } = await retrievePurchaseOrder(
      service,
      input.id,
      ["lines", "lines.backorders", "lines.backorders.backorder"]
    )
    if (!input.allowed.includes(purchaseOrder.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase order ${number} is ${purchaseOrder.status} and cannot be ${input.action}`
      )
    }
    if (!purchaseOrder.lines.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Purchase order ${number} has no lines`
      )
    }
    return new StepResponse({
      id: purchaseOrder.id,
      number: number,
      status: purchaseOrder.status,
      location_id: purchaseOrder.location_id,
      is_dropship: purchaseOrder.is_dropship,
      expected_at: purchaseOrder.expected_at,
      lines: purchaseOrder.lines.map((line) => ({
        id: line.id,
        inventory_item_id: line.inventory_item_id,
        quantity: Number(line.quantity),
        received_quantity: Number(line.received_quantity),
        cancelled_quantity: Number(line.cancelled_quantity),
        backorders: line.backorders.map((link) => ({
          backorder_id: link.backorder_id,
          status: link.backorder?.status,
        })),
      })),
    })
  }
)
