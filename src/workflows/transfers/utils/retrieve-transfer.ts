import { MedusaError } from "@medusajs/framework/utils"
import BackorderModuleService from "../../../modules/backorder/service"
import { TransferView } from "../../../types/transfers"

/**
 * A transfer with its lines and the backorders they serve, quantities as numbers and its
 * human number (`TR-0003`); an unknown id is refused with a 404.
 */
export async function retrieveTransfer(
  service: BackorderModuleService,
  id: string
): Promise<TransferView> {
  const [transfer] = await service.listTransfers(
    { id },
    { relations: ["lines", "lines.backorders", "lines.backorders.backorder"] }
  )
  if (!transfer) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Transfer with id: ${id} was not found`
    )
  }
  return {
    id: transfer.id,
    number: service.formatTransferNumber(transfer.display_id),
    status: transfer.status,
    source_location_id: transfer.source_location_id,
    destination_location_id: transfer.destination_location_id,
    lines: transfer.lines
      .map((line) => ({
        id: line.id,
        inventory_item_id: line.inventory_item_id,
        sku: line.sku,
        quantity: Number(line.quantity),
        sent_quantity: Number(line.sent_quantity),
        received_quantity: Number(line.received_quantity),
        backorders: line.backorders.map((link) => ({
          backorder_id: link.backorder_id,
          status: link.backorder?.status,
        })),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  }
}
