import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { writeBackorderExportStep } from "../steps/write-backorder-export"

export const exportBackordersWorkflowId = "export-backorders"

/**
 * This workflow exports the backorders matching the list's filters as a CSV file stored
 * through Medusa's File module, and announces it in the admin's notification feed with the
 * file, as Medusa's own exports do.
 *
 * @example
 * const { result } = await exportBackordersWorkflow(container).run({
 *   input: { filters: { status: ["new"], supplier_id: "sup_123" } },
 * })
 */
export const exportBackordersWorkflow = createWorkflow(
  exportBackordersWorkflowId,
  (
    input: WorkflowData<{
      filters: Record<string, unknown>
      order?: Record<string, string>
      /** Rows read at a time (1,000 by default). */
      page_size?: number
    }>
  ) => {
    const file = writeBackorderExportStep(input)
    sendNotificationsStep(
      transform({ file }, ({ file }) => [
        {
          to: "",
          channel: "feed",
          template: "admin-ui",
          data: {
            title: "Backorder export",
            description: `${file.count} backorders exported.`,
            file: {
              filename: file.filename,
              url: file.url,
              mimeType: "text/csv",
            },
          },
        },
      ])
    )
    return new WorkflowResponse(file)
  }
)
