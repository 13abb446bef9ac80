import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../../modules/backorder"
import BackorderModuleService from "../../../../modules/backorder/service"
import { AdminGetBackorderStockSummaryParamsType } from "../validators"
import { withConflictMessages } from "../../../utils/errors"
import type { AdminStockSummaryResponse } from "../../../../types/http/backorders"

/**
 * Backordered, allocated and incoming units of a variant's (or one inventory item's) stock
 * per location, the next expected date, and the suppliers that sell the variant: what the
 * variant and inventory item widgets show.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<
    unknown,
    AdminGetBackorderStockSummaryParamsType
  >,
  res: MedusaResponse<AdminStockSummaryResponse>
) {
  const { variant_id, inventory_item_id } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const backorderModule: BackorderModuleService =
    req.scope.resolve(BACKORDER_MODULE)

  let inventoryItemIds: string[]
  if (variant_id) {
    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: ["id", "inventory_items.inventory_item_id"],
      filters: { id: variant_id },
    })
    if (!variants.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Product variant with id: ${variant_id} was not found`
      )
    }
    inventoryItemIds = (variants[0].inventory_items ?? []).map(
      (link) => link!.inventory_item_id
    )
  } else {
    const { data: items } = await query.graph({
      entity: "inventory_item",
      fields: ["id"],
      filters: { id: inventory_item_id },
    })
    if (!items.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Inventory item with id: ${inventory_item_id} was not found`
      )
    }
    inventoryItemIds = [inventory_item_id!]
  }

  const rows = await backorderModule.summarizeStock(inventoryItemIds)
  const locationIds = [...new Set(rows.map((r) => r.location_id))]
  const [locations, suppliers] = await Promise.all([
    locationIds.length
      ? req.scope
          .resolve(Modules.STOCK_LOCATION)
          .listStockLocations({ id: locationIds }, { select: ["id", "name"] })
      : Promise.resolve([]),
    variant_id
      ? backorderModule.listSupplierVariants(
          { variant_id },
          { relations: ["supplier"], order: { is_preferred: "DESC" } }
        )
      : Promise.resolve([]),
  ])
  const names = new Map(locations.map((l) => [l.id, l.name]))

  res.json({
    locations: rows.map((row) => ({
      ...row,
      location_name: names.get(row.location_id) ?? null,
      // What JSON makes of the date anyway, said in the type.
      next_expected_at: row.next_expected_at?.toISOString() ?? null,
    })),
    suppliers: suppliers.map((terms) => ({
      id: terms.id,
      supplier_id: terms.supplier_id,
      supplier_name: terms.supplier?.name ?? null,
      supplier_sku: terms.supplier_sku,
      unit_cost: terms.unit_cost,
      currency_code: terms.currency_code,
      lead_time_days: terms.lead_time_days,
      minimum_order_quantity: terms.minimum_order_quantity,
      case_pack: terms.case_pack,
      is_preferred: terms.is_preferred,
    })),
  })
})
