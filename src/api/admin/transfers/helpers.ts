import { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"

type TransferRow = {
  display_id: number
  source_location_id: string
  destination_location_id: string
}

/**
 * Transfers with their human number (`TR-0003`) and the names of their two locations (read
 * in one query for the whole page), in the order of `transfers`.
 */
export async function withTransferNames<T extends TransferRow>(
  container: MedusaContainer,
  transfers: T[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
  const locationIds = [
    ...new Set(
      transfers.flatMap((t) => [
        t.source_location_id,
        t.destination_location_id,
      ])
    ),
  ]
  const { data: locations } = locationIds.length
    ? await query.graph({
        entity: "stock_location",
        fields: ["id", "name"],
        filters: { id: locationIds },
      })
    : { data: [] as { id: string; name: string }[] }
  const location = (id: string) => {
    const found = locations.find((l) => l.id === id)
    return found ? { id: found.id, name: found.name } : null
  }
  return transfers.map((t) => ({
    ...t,
    number: service.formatTransferNumber(t.display_id),
    source_location: location(t.source_location_id),
    destination_location: location(t.destination_location_id),
  }))
}

/** One transfer as the routes answer it; an unknown id is a 404. */
export async function refetchTransfer(
  container: MedusaContainer,
  id: string,
  fields: string[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const required = [
    "display_id",
    "source_location_id",
    "destination_location_id",
  ]
  const { data } = await query.graph({
    entity: "transfer",
    fields: [...new Set([...fields, ...required])],
    filters: { id },
  })
  if (!data.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Transfer with id: ${id} was not found`
    )
  }
  const [transfer] = await withTransferNames(container, data)
  return transfer
}
