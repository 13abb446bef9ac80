import {
  emitEventStep,
  sendNotificationsStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { PurchaseOrderEvents } from "../../../types/events"
import { readPluginOptionsStep } from "../../shared/steps/read-plugin-options"
import { buildPurchaseOrderDocumentStep } from "../steps/build-purchase-order-document"
import { recordPurchaseOrderDispatchStep } from "../steps/record-purchase-order-dispatch"
import { storePurchaseOrderDocumentStep } from "../steps/store-purchase-order-document"
import { updatePurchaseOrderDispatchStep } from "../steps/update-purchase-order-dispatch"

export type SendPurchaseOrderToSupplierInput = {
  id: string
  /** The supplier's email address by default. */
  to?: string
  note?: string
  sent_by?: string
}

export const sendPurchaseOrderToSupplierWorkflowId =
  "send-purchase-order-to-supplier"

/**
 * This workflow emails a purchase order to its supplier: it renders the PDF, stores it
 * through Medusa's File module, records the sending on the purchase order (to whom, when,
 * by whom) and sends it through Medusa's Notification module with the PDF attached, on the
 * plugin's supplier channel and template. Marking the purchase order as ordered stays a
 * separate step, for suppliers ordered from by phone. Emits `purchase_order.sent_to_supplier`.
 *
 * @example
 * await sendPurchaseOrderToSupplierWorkflow(container).run({ input: { id: "po_123" } })
 */
export const sendPurchaseOrderToSupplierWorkflow = createWorkflow(
  sendPurchaseOrderToSupplierWorkflowId,
  (input: WorkflowData<SendPurchaseOrderToSupplierInput>) => {
    const document = buildPurchaseOrderDocumentStep(
      transform({ input }, ({ input }) => ({ id: input.id }))
    )
    const options = readPluginOptionsStep()
    const file = storePurchaseOrderDocumentStep(document)
    const dispatch = recordPurchaseOrderDispatchStep(
      transform({ input, document, file }, ({ input, document, file }) => ({
        purchase_order_id: input.id,
        sent_to: input.to ?? document.supplier.email,
        sent_by: input.sent_by ?? null,
        file_id: file.id,
        file_url: file.url,
        note: input.note ?? null,
      }))
    )
    // Sending cannot be taken back: it comes last.
    const notifications = sendNotificationsStep(
      transform(
        { document, file, dispatch, options, input },
        ({ document, file, dispatch, options, input }) => [
          {
            to: dispatch.sent_to,
            channel: options.notifications.supplierChannel,
            template: options.notifications.supplierTemplate,
            trigger_type: "purchase_order.sent_to_supplier",
            resource_id: input.id,
            resource_type: "purchase_order",
            idempotency_key: `purchase_order_dispatch:${dispatch.id}`,
            attachments: [
              {
                content: file.content,
                filename: file.filename,
                content_type: file.mime_type,
                disposition: "attachment",
              },
            ],
            data: {
              purchase_order_id: input.id,
              number: document.number,
              supplier_name: document.supplier.name,
              merchant_name: document.merchant.name,
              expected_at: document.expected_at,
              note: input.note ?? null,
              file_url: file.url,
            },
          },
        ]
      )
    )
    const recorded = updatePurchaseOrderDispatchStep(
      transform({ dispatch, notifications }, ({ dispatch, notifications }) => ({
        id: dispatch.id,
        notification_id: notifications[0]?.id ?? null,
      }))
    )
    emitEventStep({
      eventName: PurchaseOrderEvents.SENT_TO_SUPPLIER,
      data: transform({ input, dispatch }, ({ input, dispatch }) => ({
        id: input.id,
        dispatch_id: dispatch.id,
        sent_to: dispatch.sent_to,
      })),
    })
    return new WorkflowResponse(recorded)
  }
)
