import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  PurchaseOrderDocument,
  renderPurchaseOrderPdf,
} from "../utils/purchase-order-document"

export type StoredPurchaseOrderDocument = {
  id: string
  url: string
  filename: string
  mime_type: string
  /** The PDF, base64-encoded, for an email attachment. */
  content: string
}

export const storePurchaseOrderDocumentStepId = "store-purchase-order-document"

/**
 * This step renders a purchase order's document as a PDF and stores it through Medusa's
 * File module (whichever file provider the merchant configured). Its compensation deletes
 * the file.
 */
export const storePurchaseOrderDocumentStep = createStep(
  storePurchaseOrderDocumentStepId,
  async (document: PurchaseOrderDocument, { container }) => {
    const pdf = await renderPurchaseOrderPdf(document)
    const content = pdf.toString("base64")
    const filename = `purchase-order-${document.number}.pdf`
    const fileModule = container.resolve(Modules.FILE)
    const [file] = await fileModule.createFiles([
      { filename, mimeType: "application/pdf", content, access: "private" },
    ])
    // A private file's address to download it (presigned where the provider signs them).
    const { url } = await fileModule.retrieveFile(file.id)
    const stored: StoredPurchaseOrderDocument = {
      id: file.id,
      url,
      filename,
      mime_type: "application/pdf",
      content,
    }
    return new StepResponse(stored, file.id)
  },
  async (fileId, { container }) => {
    if (!fileId) {
      return
    }
    await container.resolve(Modules.FILE).deleteFiles([fileId])
  }
)
