import { MedusaContainer } from "@medusajs/framework/types"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import {
  BackorderStatus,
  PurchaseOrderStatus,
  TransferStatus,
  WAITING_BACKORDER_STATUSES,
} from "../../../types/enums"
import { toNumber } from "../../shared/money"
import {
  IncomingSupply,
  promiseSchedule,
  scheduleCompletedAt,
} from "./promise-schedule"
import { waitingQuantity } from "../../../modules/backorder/utils/status"

/** Incoming supply of one variant at one stock location. */
export type LocatedIncomingSupply = IncomingSupply & {
  variant_id: string
  location_id: string
}

const OPEN_PURCHASE_ORDER_STATUSES = [
  PurchaseOrderStatus.ORDERED,
  PurchaseOrderStatus.PARTIALLY_RECEIVED,
]

const IN_TRANSIT_TRANSFER_STATUSES = [
  TransferStatus.IN_TRANSIT,
  TransferStatus.PARTIALLY_RECEIVED,
]

/**
 * What is on its way to the given locations for the given variants: the open remainder of
 * every sent purchase order line and the units of every transfer in transit not received yet,
 * so every promise date follows from one list. A transfer carries no expected date: its units
 * are certain but undated, so the schedule hands them out after the dated supply.
 */
export async function listIncomingSupply(
  container: MedusaContainer,
  input: { variant_ids: string[]; location_ids: string[] }
): Promise<LocatedIncomingSupply[]> {
  if (!input.variant_ids.length || !input.location_ids.length) {
    return []
  }
  const backorderModule: BackorderModuleService =
    container.resolve(BACKORDER_MODULE)
  const [lines, transferLines] = await Promise.all([
    backorderModule.listPurchaseOrderLines(
      {
        variant_id: input.variant_ids,
        purchase_order: {
          status: OPEN_PURCHASE_ORDER_STATUSES,
          location_id: input.location_ids,
        },
      },
      { relations: ["purchase_order"] }
    ),
    backorderModule.listTransferLines(
      {
        variant_id: input.variant_ids,
        transfer: {
          status: IN_TRANSIT_TRANSFER_STATUSES,
          destination_location_id: input.location_ids,
        },
      },
      { relations: ["transfer"] }
    ),
  ])
  const inTransit = transferLines.flatMap((line) => {
    const open = toNumber(line.sent_quantity) - toNumber(line.received_quantity)
    const transfer = line.transfer
    if (open <= 0 || !transfer) {
      return []
    }
    return [
      {
        variant_id: line.variant_id,
        location_id: transfer.destination_location_id,
        quantity: open,
        expected_at: null,
        source: "transfer" as const,
        source_id: transfer.id,
      },
    ]
  })
  const ordered = lines.flatMap((line) => {
    const open =
      toNumber(line.quantity) -
      toNumber(line.received_quantity) -
      toNumber(line.cancelled_quantity)
    const po = line.purchase_order
    if (open <= 0 || !po?.location_id) {
      return []
    }
    return [
      {
        variant_id: line.variant_id,
        location_id: po.location_id,
        quantity: open,
        expected_at: po.expected_at ? new Date(po.expected_at) : null,
        source: "purchase_order" as const,
        source_id: po.id,
      },
    ]
  })
  return [...ordered, ...inTransit]
}

type QueuedBackorder = {
  id: string
  created_at: Date | string
}

/** Earlier created first; the id breaks ties so every server agrees. */
export function queueOrder(a: QueuedBackorder, b: QueuedBackorder): number {
  return (
    new Date(a.created_at).getTime() - new Date(b.created_at).getTime() ||
    a.id.localeCompare(b.id)
  )
}

/**
 * When each of the given backorders should have all its waiting units: the date of the
 * incoming supply that serves its last unit, after the units of the backorders waiting
 * before it at the same location (first placed, first served). A backorder already promised
 * by a purchase order keeps that date. Null when nothing waits or no supply covers it.
 */
export async function expectedAtOfBackorders(
  container: MedusaContainer,
  ids: string[]
): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>()
  if (!ids.length) {
    return result
  }
  const backorderModule: BackorderModuleService =
    container.resolve(BACKORDER_MODULE)
  const select = [
    "id",
    "status",
    "variant_id",
    "location_id",
    "quantity",
    "allocated_quantity",
    "cancelled_quantity",
    "promised_at",
    "created_at",
  ]
  const backorders = await backorderModule.listBackorders(
    { id: ids },
    { select }
  )
  const waiting = backorders.filter(
    (b) =>
      WAITING_BACKORDER_STATUSES.includes(b.status as BackorderStatus) &&
      waitingQuantity(b) > 0
  )
  const variantIds = [...new Set(waiting.map((b) => b.variant_id))]
  const locationIds = [...new Set(waiting.map((b) => b.location_id))]
  const [queue, supply] = await Promise.all([
    variantIds.length
      ? backorderModule.listBackorders(
          {
            variant_id: variantIds,
            location_id: locationIds,
            status: WAITING_BACKORDER_STATUSES,
          },
          { select }
        )
      : Promise.resolve([]),
    listIncomingSupply(container, {
      variant_ids: variantIds,
      location_ids: locationIds,
    }),
  ])
  queue.sort(queueOrder)
  for (const backorder of backorders) {
    if (!waiting.includes(backorder)) {
      result.set(backorder.id, null)
      continue
    }
    if (backorder.promised_at) {
      result.set(backorder.id, new Date(backorder.promised_at).toISOString())
      continue
    }
    const sameLine = (b: { variant_id: string; location_id: string }) =>
      b.variant_id === backorder.variant_id &&
      b.location_id === backorder.location_id
    const ahead = queue
      .filter((b) => sameLine(b) && queueOrder(b, backorder) < 0)
      .reduce((sum, b) => sum + waitingQuantity(b), 0)
    const schedule = promiseSchedule({
      in_stock: 0,
      waiting: ahead,
      supply: supply.filter(sameLine),
      quantity: waitingQuantity(backorder),
    })
    result.set(backorder.id, scheduleCompletedAt(schedule))
  }
  return result
}
