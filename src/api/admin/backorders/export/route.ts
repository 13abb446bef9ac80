import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { exportBackordersWorkflow } from "../../../../workflows/backorders/workflows/export-backorders"
import { withConflictMessages } from "../../../utils/errors"
import type { AdminBackorderExportResponse } from "../../../../types/http/backorders"

/**
 * Exports the backorders matching the list's filters (the same query parameters as
 * `GET /admin/backorders`, search and `late` included) as a CSV file through Medusa's File
 * module; answers the file and how many backorders it holds.
 */
export const POST = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminBackorderExportResponse>
) {
  const { result } = await exportBackordersWorkflow(req.scope).run({
    input: {
      filters: req.filterableFields,
      order: req.queryConfig.pagination?.order as
        | Record<string, string>
        | undefined,
    },
  })
  res.json({
    file: { id: result.id, url: result.url, filename: result.filename },
    count: result.count,
  })
})
