import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService, {
  stockPairKey,
} from "../../../modules/backorder/service"
import {
  OPEN_TRANSFER_STATUSES,
  TransferStatus,
  WAITING_BACKORDER_STATUSES,
} from "../../../types/enums"
import {
  PlannedTransfer,
  PlannedTransferLine,
  RequestTransferInput,
} from "../../../types/transfers"
import { retrieveTransfer } from "../utils/retrieve-transfer"
import { freeStock } from "../utils/free-stock"
import { waitingQuantity } from "../../../modules/backorder/utils/status"

export const planTransferStepId = "plan-transfer"

/**
 * This step works out a transfer for the waiting units of the given backorders, changing
 * nothing: one line per inventory item, linked to the backorders it serves, from the given
 * source to the location the backorders wait at (or added to an open draft of the same
 * source and destination). It refuses unknown ids, backorders that do not wait or are
 * already on an open transfer, backorders waiting at different locations, a source that is
 * the destination, and a source without the free units (stocked minus reserved) the lines
 * need, naming the location, the item and the numbers.
 */
export const planTransferStep = createStep(
  planTransferStepId,
  async (input: RequestTransferInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)

    const backorders = await service.listBackorders(
      { id: input.backorder_ids },
      { relations: ["transfer_lines.transfer_line.transfer"] }
    )
    const missing = input.backorder_ids.filter(
      (id) => !backorders.some((b) => b.id === id)
    )
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Backorder with id: ${missing.join(", ")} was not found`
      )
    }
    for (const backorder of backorders) {
      if (
        !WAITING_BACKORDER_STATUSES.includes(backorder.status) ||
        waitingQuantity(backorder) <= 0
      ) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Backorder ${backorder.id} is ${backorder.status}: only backorders waiting for stock can be transferred to`
        )
      }
      const onTransfer = backorder.transfer_lines
        .map((link) => link.transfer_line?.transfer)
        .find((t) => t && OPEN_TRANSFER_STATUSES.includes(t.status))
      if (onTransfer) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Backorder ${backorder.id} is already on transfer ${service.formatTransferNumber(
            onTransfer.display_id
          )}`
        )
      }
    }

    const destinations = [...new Set(backorders.map((b) => b.location_id))]
    if (destinations.length > 1) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Backorders ${input.backorder_ids.join(", ")} wait at different locations (${destinations.join(", ")}): request one transfer per location`
      )
    }
    const destination = destinations[0]
    if (destination === input.source_location_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Stock location ${input.source_location_id} is where the backorders wait: a transfer needs another source`
      )
    }
    const { data: locations } = await query.graph({
      entity: "stock_location",
      fields: ["id", "name"],
      filters: { id: input.source_location_id },
    })
    if (!locations.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Stock location ${input.source_location_id} was not found`
      )
    }

    const draft = input.transfer_id
      ? await retrieveTransfer(service, input.transfer_id)
      : null
    if (
      draft &&
      (draft.status !== TransferStatus.DRAFT ||
        draft.source_location_id !== input.source_location_id ||
        draft.destination_location_id !== destination)
    ) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Transfer ${draft.number} is ${draft.status} from ${draft.source_location_id} to ${draft.destination_location_id}: only a draft from ${input.source_location_id} to ${destination} can be added to`
      )
    }

    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: ["id", "sku", "title", "product.title"],
      filters: { id: [...new Set(backorders.map((b) => b.variant_id))] },
    })
    const lines = new Map<string, PlannedTransferLine>()
    // In the order asked, so lines and links read the way staff picked them.
    for (const id of input.backorder_ids) {
      const b = backorders.find((b) => b.id === id)!
      const variant = variants.find((v) => v.id === b.variant_id)
      const existing = draft?.lines.find(
        (l) => l.inventory_item_id === b.inventory_item_id
      )
      const line: PlannedTransferLine = lines.get(b.inventory_item_id) ?? {
        transfer_line_id: existing?.id ?? null,
        variant_id: b.variant_id,
        inventory_item_id: b.inventory_item_id,
        title: variant
          ? [variant.product?.title, variant.title].filter(Boolean).join(" ")
          : null,
        sku: variant?.sku ?? null,
        quantity: existing?.quantity ?? 0,
        backorders: [],
      }
      line.quantity += waitingQuantity(b)
      line.backorders.push({ backorder_id: b.id, quantity: waitingQuantity(b) })
      lines.set(b.inventory_item_id, line)
    }

    const free = await freeStock(
      container,
      [...lines.keys()].map((inventory_item_id) => ({
        inventory_item_id,
        location_id: input.source_location_id,
      }))
    )
    for (const line of lines.values()) {
      const available =
        free.get(
          stockPairKey({
            inventory_item_id: line.inventory_item_id,
            location_id: input.source_location_id,
          })
        ) ?? 0
      if (line.quantity > available) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Stock location ${locations[0].name} (${input.source_location_id}) has ${available} free units of ${line.sku ?? line.inventory_item_id} (inventory item ${line.inventory_item_id}): the transfer needs ${line.quantity}`
        )
      }
    }

    const plan: PlannedTransfer = {
      transfer_id: draft?.id ?? null,
      source_location_id: input.source_location_id,
      destination_location_id: destination,
      note: input.note ?? null,
      created_by: input.created_by ?? null,
      lines: [...lines.values()],
    }
    return new StepResponse(plan)
  }
)
