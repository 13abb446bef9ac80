import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../../modules/backorder"
import BackorderModuleService, {
  stockPairKey,
} from "../../../../modules/backorder/service"
import { WAITING_BACKORDER_STATUSES } from "../../../../types/enums"
import {
  AdminTransferSource,
  AdminTransferSourcesResponse,
} from "../../../../types/http/transfers"
import { freeStock } from "../../../../workflows/transfers/utils/free-stock"
import { withConflictMessages } from "../../../utils/errors"
import { AdminGetTransferSourcesParamsType } from "../validators"
import { waitingQuantity } from "../../../../modules/backorder/utils/status"

/**
 * The merchant's other locations with free stock (stocked minus reserved, so never units
 * other orders hold) for the items the selected backorders wait for: where a transfer could
 * come from. Locations that cover every item come first.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<unknown, AdminGetTransferSourcesParamsType>,
  res: MedusaResponse<AdminTransferSourcesResponse>
) {
  const ids = [...new Set(req.validatedQuery.backorder_ids as string[])]
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const service: BackorderModuleService = req.scope.resolve(BACKORDER_MODULE)
  const backorders = await service.listBackorders({ id: ids })
  const missing = ids.filter((id) => !backorders.some((b) => b.id === id))
  if (missing.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Backorder with id: ${missing.join(", ")} was not found`
    )
  }
  const destinations = [...new Set(backorders.map((b) => b.location_id))]
  if (destinations.length > 1) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Backorders ${ids.join(", ")} wait at different locations (${destinations.join(", ")}): request one transfer per location`
    )
  }
  const destination = destinations[0]

  const needed = new Map<
    string,
    { variant_id: string; sku: string | null; needed: number }
  >()
  for (const b of backorders) {
    if (!WAITING_BACKORDER_STATUSES.includes(b.status)) {
      continue
    }
    const waiting = waitingQuantity(b)
    const item = needed.get(b.inventory_item_id) ?? {
      variant_id: b.variant_id,
      sku: b.sku,
      needed: 0,
    }
    item.needed += Math.max(0, waiting)
    needed.set(b.inventory_item_id, item)
  }

  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "name"],
  })
  const others = locations.filter((l) => l.id !== destination)
  const free = await freeStock(
    req.scope,
    others.flatMap((l) =>
      [...needed.keys()].map((inventory_item_id) => ({
        inventory_item_id,
        location_id: l.id,
      }))
    )
  )
  const sources: AdminTransferSource[] = others
    .map((location) => {
      const items = [...needed.entries()].map(([inventory_item_id, item]) => ({
        inventory_item_id,
        variant_id: item.variant_id,
        sku: item.sku,
        needed: item.needed,
        free:
          free.get(
            stockPairKey({ inventory_item_id, location_id: location.id })
          ) ?? 0,
      }))
      return {
        id: location.id,
        name: location.name,
        covers_all: items.every((i) => i.free >= i.needed),
        items,
      }
    })
    .filter((s) => s.items.some((i) => i.free > 0 && i.needed > 0))
    .sort(
      (a, b) =>
        Number(b.covers_all) - Number(a.covers_all) ||
        a.name.localeCompare(b.name)
    )
  res.json({ destination_location_id: destination, sources })
})
