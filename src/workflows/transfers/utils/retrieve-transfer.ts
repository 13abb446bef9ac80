import { MedusaError } from "@medusajs/framework/utils"
import BackorderModuleService from "../../../modules/backorder/service"
import { PurchaseOrderStatus } from "../../../types/enums"
import { TransferView } from "../../../types/transfers"

// A backorder on one of these is on order from a supplier, whatever its transfers do.
const OPEN_PURCHASE_ORDER_STATUSES: (PurchaseOrderStatus | undefined)[] = [
  PurchaseOrderStatus.ORDERED,
  PurchaseOrderStatus.PARTIALLY_RECEIVED,
]

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
    {
      relations: [
        "lines",
        "lines.backorders",
        "lines.backorders.backorder",
        "lines.backorders.backorder.purchase_order_lines.purchase_order_line.purchase_order",
      ],
    }
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
          on_open_purchase_order: (
            link.backorder?.purchase_order_lines ?? []
          ).some((l) =>
            OPEN_PURCHASE_ORDER_STATUSES.includes(
              l.purchase_order_line?.purchase_order?.status
            )
          ),
        })),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  }
}
