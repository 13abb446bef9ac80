import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { buildPurchaseOrderDocumentStep } from "../steps/build-purchase-order-document"
import { storePurchaseOrderDocumentStep } from "../steps/store-purchase-order-document"

export const generatePurchaseOrderDocumentWorkflowId =
  "generate-purchase-order-document"

/**
 * This workflow renders a purchase order as a PDF a supplier would accept and stores it
 * through Medusa's File module; it returns the file (id, url, name).
 *
 * @example
 * const { result } = await generatePurchaseOrderDocumentWorkflow(container).run({
 *   input: { id: "po_123" },
 * })
 */
export const generatePurchaseOrderDocumentWorkflow = createWorkflow(
  generatePurchaseOrderDocumentWorkflowId,
  (input: WorkflowData<{ id: string }>) => {
    const document = buildPurchaseOrderDocumentStep(input)
    const file = storePurchaseOrderDocumentStep(document)
    return new WorkflowResponse(
      transform({ file }, ({ file }) => ({
        id: file.id,
        url: file.url,
        filename: file.filename,
        mime_type: file.mime_type,
      }))
    )
  }
)
