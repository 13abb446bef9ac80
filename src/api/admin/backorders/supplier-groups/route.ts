import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { BACKORDER_MODULE } from "../../../../modules/backorder"
import BackorderModuleService from "../../../../modules/backorder/service"
import { AdminGetBackorderAggregatesParamsType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"
import type { AdminSupplierGroupsResponse } from "../../../../types/http/backorders"

/**
 * The backorders matching the filters grouped by supplier, as SaleDock lists them: each
 * supplier with how many backorders and units wait on it; backorders without a supplier
 * come last. A large history is counted by estimate (`count_estimated`), as the list's count.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<
    unknown,
    AdminGetBackorderAggregatesParamsType
  >,
  res: MedusaResponse<AdminSupplierGroupsResponse>
) {
  const backorderModule: BackorderModuleService =
    req.scope.resolve(BACKORDER_MODULE)
  const groups = await backorderModule.groupBackordersBySupplier(
    req.validatedQuery
  )
  const supplierIds = groups
    .map((g) => g.supplier_id)
    .filter((id): id is string => !!id)
  const suppliers = supplierIds.length
    ? await backorderModule.listSuppliers(
        { id: supplierIds },
        { select: ["id", "name"] }
      )
    : []
  const names = new Map(suppliers.map((s) => [s.id, s.name]))

  res.json({
    groups: groups
      .map((group) => ({
        supplier: group.supplier_id
          ? {
              id: group.supplier_id,
              name: names.get(group.supplier_id) ?? null,
            }
          : null,
        count: group.count,
        count_estimated: group.count_estimated,
        waiting_quantity: group.waiting_quantity,
      }))
      .sort((a, b) =>
        !a.supplier
          ? 1
          : !b.supplier
            ? -1
            : (a.supplier.name ?? "").localeCompare(b.supplier.name ?? "")
      ),
  })
})
