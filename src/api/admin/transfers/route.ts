import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { withConflictMessages } from "../../utils/errors"
import { withTransferNames } from "./helpers"
import { AdminGetTransfersParamsType } from "./validators"
import type { AdminTransferListResponse } from "../../../types/http/transfers"

/**
 * Transfers between the merchant's own locations, filtered (also by the inventory item or
 * variant on their lines, or a backorder they serve) and paged.
 */
export const GET = withConflictMessages(async function (
  req: AuthenticatedMedusaRequest<unknown, AdminGetTransfersParamsType>,
  res: MedusaResponse<AdminTransferListResponse>
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const fields = [
    ...new Set([
      ...req.queryConfig.fields,
      "display_id",
      "source_location_id",
      "destination_location_id",
    ]),
  ]
  const { inventory_item_id, variant_id, backorder_id, ...filters } =
    req.filterableFields as Record<string, unknown>
  const service: BackorderModuleService = req.scope.resolve(BACKORDER_MODULE)
  const only = (ids: string[]) => {
    const asked = filters.id
      ? new Set([filters.id as string | string[]].flat())
      : null
    filters.id = asked ? ids.filter((id) => asked.has(id)) : ids
  }
  if (inventory_item_id || variant_id) {
    const lines = await service.listTransferLines(
      {
        ...(inventory_item_id
          ? { inventory_item_id: inventory_item_id as string | string[] }
          : {}),
        ...(variant_id ? { variant_id: variant_id as string | string[] } : {}),
      },
      { select: ["transfer_id"] }
    )
    only([...new Set(lines.map((l) => l.transfer_id))])
  }
  if (backorder_id) {
    const links = await service.listTransferLineBackorders(
      { backorder_id: backorder_id as string | string[] },
      { relations: ["transfer_line"] }
    )
    only([...new Set(links.map((l) => l.transfer_line.transfer_id))])
  }
  const { data, metadata } = await query.graph({
    entity: "transfer",
    fields,
    filters,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    transfers: await withTransferNames(req.scope, data),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
})
