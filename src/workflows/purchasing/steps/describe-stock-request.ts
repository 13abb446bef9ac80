import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { PlannedPurchaseOrder } from "../../../types/purchasing"
import { toNumber } from "../../shared/money"
import { describePlans } from "../utils/stock-request-selection"

export const describeStockRequestStepId = "describe-stock-request"

/**
 * This step describes planned purchase orders for staff to check before confirming (see
 * `describePlans`), reading the suppliers' names and currencies, the locations' names and the
 * drafts' current lines. It changes nothing.
 */
export const describeStockRequestStep = createStep(
  describeStockRequestStepId,
  async (plans: PlannedPurchaseOrder[], { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const supplierIds = [...new Set(plans.map((p) => p.supplier_id))]
    const locationIds = [
      ...new Set(plans.map((p) => p.location_id).filter(Boolean)),
    ] as string[]
    const draftIds = plans
      .map((p) => p.purchase_order_id)
      .filter(Boolean) as string[]
    const [suppliers, { data: locations }, drafts] = await Promise.all([
      supplierIds.length
        ? service.listSuppliers({ id: supplierIds })
        : Promise.resolve([]),
      locationIds.length
        ? query.graph({
            entity: "stock_location",
            fields: ["id", "name"],
            filters: { id: locationIds },
          })
        : Promise.resolve({ data: [] as { id: string; name: string }[] }),
      draftIds.length
        ? service.listPurchaseOrders({ id: draftIds }, { relations: ["lines"] })
        : Promise.resolve([]),
    ])
    return new StepResponse(
      describePlans(plans, {
        suppliers: suppliers.map((s) => ({
          id: s.id,
          name: s.name,
          currency_code: s.currency_code ?? null,
        })),
        locations: locations.map((l) => ({ id: l.id, name: l.name })),
        drafts: drafts.map((d) => ({
          id: d.id,
          number: service.formatPurchaseOrderNumber(d.display_id),
          lines: d.lines.map((l) => ({
            id: l.id,
            quantity: toNumber(l.quantity),
          })),
        })),
      })
    )
  }
)
