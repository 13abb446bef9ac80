import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { waitingQuantity } from "../../../modules/backorder/utils/status"
import {
  BackorderStatus,
  OPEN_TRANSFER_STATUSES,
  PurchaseOrderStatus,
  TransferStatus,
} from "../../../types/enums"
import {
  SkippedBackorder,
  splitOrderableBackorders,
} from "../utils/stock-request-selection"

export const selectBackordersToOrderStepId = "select-backorders-to-order"

export type SelectBackordersToOrderInput = {
  backorder_ids?: string[]
  /**
   * Every new backorder of `supplier_id` (at `location_id`) on no open purchase order or
   * transfer.
   */
  all_open_backorders_of_supplier?: boolean
  supplier_id?: string
  location_id?: string
  /** Leave out backorders that cannot be ordered, and say why, instead of refusing. */
  skip_unavailable?: boolean
}

export type SelectedBackordersToOrder = {
  backorder_ids: string[]
  /** Set with `skip_unavailable`: the backorders left out and why. */
  skipped: SkippedBackorder[] | null
}

const OPEN_PO_STATUSES: string[] = [
  PurchaseOrderStatus.DRAFT,
  PurchaseOrderStatus.ORDERED,
  PurchaseOrderStatus.PARTIALLY_RECEIVED,
]

const openPurchaseOrderOf = (backorder: {
  purchase_order_lines?:
    | ({
        purchase_order_line?: {
          purchase_order?: {
            id: string
            status: string
            display_id: number
          } | null
        } | null
      } | null)[]
    | null
}) =>
  (backorder.purchase_order_lines ?? [])
    .map((link) => link?.purchase_order_line?.purchase_order)
    .find((po) => po && OPEN_PO_STATUSES.includes(po.status)) ?? null

const openTransferOf = (backorder: {
  transfer_lines?:
    | ({
        transfer_line?: {
          transfer?: {
            id?: string
            status: string
            display_id?: number
          } | null
        } | null
      } | null)[]
    | null
}) =>
  (backorder.transfer_lines ?? [])
    .map((link) => link?.transfer_line?.transfer)
    .find(
      (t) => t && OPEN_TRANSFER_STATUSES.includes(t.status as TransferStatus)
    ) ?? null

/**
 * This step chooses the backorders a stock request is for, changing nothing: the ones given,
 * or with `all_open_backorders_of_supplier` every new backorder of the supplier (at the
 * location) on no open purchase order or transfer (a draft one too); with `skip_unavailable`,
 * those that cannot be ordered (not new, already on an open purchase order or transfer, gone)
 * are left out and answered in `skipped`.
 */
export const selectBackordersToOrderStep = createStep(
  selectBackordersToOrderStepId,
  async (input: SelectBackordersToOrderInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    let ids = input.backorder_ids ?? []
    if (input.all_open_backorders_of_supplier) {
      const { data } = await query.graph({
        entity: "backorder",
        fields: [
          "id",
          "purchase_order_lines.purchase_order_line.purchase_order.status",
          "transfer_lines.transfer_line.transfer.status",
        ],
        filters: {
          supplier_id: input.supplier_id!,
          status: BackorderStatus.NEW,
          ...(input.location_id ? { location_id: input.location_id } : {}),
        },
      })
      ids = data
        .filter(
          (b) =>
            !(b.purchase_order_lines ?? []).some((link) =>
              OPEN_PO_STATUSES.includes(
                link?.purchase_order_line?.purchase_order?.status ?? ""
              )
            ) && !openTransferOf(b)
        )
        .map((b) => b.id)
    }
    if (!input.skip_unavailable) {
      return new StepResponse<SelectedBackordersToOrder>({
        backorder_ids: ids,
        skipped: null,
      })
    }
    const { data } = await query.graph({
      entity: "backorder",
      fields: [
        "id",
        "status",
        "sku",
        "title",
        "quantity",
        "allocated_quantity",
        "cancelled_quantity",
        "customer.first_name",
        "customer.last_name",
        "customer.email",
        "order.display_id",
        "purchase_order_lines.purchase_order_line.purchase_order.id",
        "purchase_order_lines.purchase_order_line.purchase_order.status",
        "purchase_order_lines.purchase_order_line.purchase_order.display_id",
        "transfer_lines.transfer_line.transfer.id",
        "transfer_lines.transfer_line.transfer.status",
        "transfer_lines.transfer_line.transfer.display_id",
      ],
      filters: { id: ids },
    })
    const { orderable, skipped } = splitOrderableBackorders(
      ids,
      data.map((b) => {
        const onOrder = openPurchaseOrderOf(b)
        const onTransfer = openTransferOf(b)
        return {
          id: b.id,
          status: b.status,
          sku: b.sku ?? null,
          title: b.title ?? null,
          customer: b.customer ?? null,
          order_display_id: b.order?.display_id ?? null,
          waiting_quantity: waitingQuantity(b),
          open_purchase_order: onOrder
            ? {
                id: onOrder.id,
                number: service.formatPurchaseOrderNumber(onOrder.display_id),
              }
            : null,
          open_transfer: onTransfer
            ? {
                id: onTransfer.id!,
                number: service.formatTransferNumber(onTransfer.display_id!),
              }
            : null,
        }
      })
    )
    return new StepResponse<SelectedBackordersToOrder>({
      backorder_ids: orderable,
      skipped,
    })
  }
)
