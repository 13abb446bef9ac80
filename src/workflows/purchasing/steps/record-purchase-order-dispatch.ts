import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"

export type PurchaseOrderDispatchInput = {
  purchase_order_id: string
  sent_to: string | null
  sent_by?: string | null
  file_id: string
  file_url: string
  note?: string | null
}

export const recordPurchaseOrderDispatchStepId =
  "record-purchase-order-dispatch"

/**
 * This step records that a purchase order's document was sent to the supplier: to whom,
 * when, by whom, which file. A supplier without an email address needs one given. Its
 * compensation removes the record.
 */
export const recordPurchaseOrderDispatchStep = createStep(
  recordPurchaseOrderDispatchStepId,
  async (input: PurchaseOrderDispatchInput, { container }) => {
    if (!input.sent_to) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Purchase order ${input.purchase_order_id}: its supplier has no email address; give one in \`to\``
      )
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const dispatch = await service.createPurchaseOrderDispatches({
      purchase_order_id: input.purchase_order_id,
      sent_to: input.sent_to,
      sent_at: new Date(),
      sent_by: input.sent_by ?? null,
      file_id: input.file_id,
      file_url: input.file_url,
      note: input.note ?? null,
    })
    return new StepResponse(dispatch, dispatch.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    await service.deletePurchaseOrderDispatches(id)
  }
)
