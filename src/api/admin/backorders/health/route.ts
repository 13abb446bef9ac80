import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { BACKORDER_MODULE } from "../../../../modules/backorder"
import BackorderModuleService from "../../../../modules/backorder/service"
import { withConflictMessages } from "../../../utils/errors"
import { BackorderStatus } from "../../../../types/enums"
import type { AdminBackorderHealthResponse } from "../../../../types/http/backorders"

/**
 * The backorder health figures for the overview page: open backorders by status and age,
 * waiting units, late promise dates, backorders with no purchase order, deposits held, the
 * fill rate of the last 90 days and each supplier's fill rate from the receipts of its
 * purchase orders sent in the last 90 days.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminBackorderHealthResponse>
) {
  const backorderModule: BackorderModuleService =
    req.scope.resolve(BACKORDER_MODULE)
  const health = await backorderModule.summarizeBackorderHealth(new Date())
  const supplierIds = health.supplier_fill_rates.map((s) => s.supplier_id)
  const suppliers = supplierIds.length
    ? await backorderModule.listSuppliers(
        { id: supplierIds },
        { select: ["id", "name"] }
      )
    : []
  const names = new Map(suppliers.map((s) => [s.id, s.name]))
  res.json({
    health: {
      ...health,
      oldest_open_at: health.oldest_open_at?.toISOString() ?? null,
      age_buckets: health.age_buckets.map((row) => ({
        ...row,
        status: row.status as BackorderStatus,
      })),
      supplier_fill_rates: health.supplier_fill_rates.map((row) => ({
        ...row,
        supplier_name: names.get(row.supplier_id) ?? null,
      })),
    },
  })
})
