import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { waitingQuantity } from "../../../modules/backorder/utils/status"
import {
  OPEN_TRANSFER_STATUSES,
  PurchaseOrderStatus,
} from "../../../types/enums"
import { RequestStockInput } from "../../../types/purchasing"
import { toNumber } from "../../shared/money"
import { StockRequestData } from "../utils/plan-purchase-orders"

export const loadStockRequestStepId = "load-stock-request"

const OPEN_PO_STATUSES: string[] = [
  PurchaseOrderStatus.DRAFT,
  PurchaseOrderStatus.ORDERED,
  PurchaseOrderStatus.PARTIALLY_RECEIVED,
]

/**
 * This step reads what a stock request is planned from, changing and refusing nothing: the
 * backorders asked for (with the open purchase order and open transfer each is on), their and the plain lines'
 * variants, the supplier terms of those variants, the suppliers that may be chosen, the draft
 * to add to, whether the stock location exists and, for a dropship, the orders' shipping
 * addresses. `planPurchaseOrders` decides from it.
 */
export const loadStockRequestStep = createStep(
  loadStockRequestStepId,
  async (input: RequestStockInput, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const backorderIds = input.backorder_ids ?? []

    const [backorders, drafts, locations] = await Promise.all([
      backorderIds.length
        ? service.listBackorders(
            { id: backorderIds },
            {
              relations: [
                "purchase_order_lines.purchase_order_line.purchase_order",
                "transfer_lines.transfer_line.transfer",
              ],
            }
          )
        : Promise.resolve([]),
      input.purchase_order_id
        ? service.listPurchaseOrders(
            { id: input.purchase_order_id },
            { relations: ["lines", "lines.backorders"] }
          )
        : Promise.resolve([]),
      input.location_id
        ? query
            .graph({
              entity: "stock_location",
              fields: ["id"],
              filters: { id: input.location_id },
            })
            .then(({ data }) => data)
        : Promise.resolve([]),
    ])
    const variantIds = [
      ...new Set([
        ...backorders.map((b) => b.variant_id),
        ...(input.lines ?? []).map((l) => l.variant_id),
      ]),
    ]
    const [{ data: variants }, terms] = variantIds.length
      ? await Promise.all([
          query.graph({
            entity: "product_variant",
            fields: [
              "id",
              "sku",
              "title",
              "product_id",
              "product.title",
              "inventory_items.inventory_item_id",
            ],
            filters: { id: variantIds },
          }),
          service.listSupplierVariants({ variant_id: variantIds }),
        ])
      : [{ data: [] }, []]
    const [draft] = drafts
    // Every supplier the planning may choose: the one asked, the draft's, the preferred ones.
    const supplierIds = [
      ...new Set(
        [
          input.supplier_id,
          draft?.supplier_id,
          ...terms.filter((t) => t.is_preferred).map((t) => t.supplier_id),
        ].filter((id): id is string => !!id)
      ),
    ]
    const orderIds = input.dropship
      ? [...new Set(backorders.map((b) => b.order_id).filter(Boolean))]
      : []
    const [suppliers, { data: orders }] = await Promise.all([
      supplierIds.length
        ? service.listSuppliers({ id: supplierIds })
        : Promise.resolve([]),
      orderIds.length
        ? query.graph({
            entity: "order",
            fields: ["id", "shipping_address.*"],
            filters: { id: orderIds as string[] },
          })
        : Promise.resolve({ data: [] }),
    ])

    const data: StockRequestData = {
      backorders: backorders.map((b) => {
        const onOrder = b.purchase_order_lines
          .map((link) => link.purchase_order_line?.purchase_order)
          .find((po) => po && OPEN_PO_STATUSES.includes(po.status))
        const onTransfer = b.transfer_lines
          .map((link) => link.transfer_line?.transfer)
          .find((t) => t && OPEN_TRANSFER_STATUSES.includes(t.status))
        return {
          id: b.id,
          status: b.status,
          variant_id: b.variant_id,
          location_id: b.location_id,
          customer_id: b.customer_id ?? null,
          order_id: b.order_id ?? null,
          waiting_quantity: waitingQuantity(b),
          open_purchase_order_number: onOrder
            ? service.formatPurchaseOrderNumber(onOrder.display_id)
            : null,
          open_transfer_number: onTransfer
            ? service.formatTransferNumber(onTransfer.display_id)
            : null,
        }
      }),
      variants: variants.map((v) => ({
        id: v.id,
        sku: v.sku ?? null,
        title: v.title ?? null,
        product_id: v.product_id ?? null,
        product_title: v.product?.title ?? null,
        inventory_item_ids: (v.inventory_items ?? [])
          .filter(Boolean)
          .map((i) => i!.inventory_item_id),
      })),
      terms: terms.map((t) => ({
        variant_id: t.variant_id,
        supplier_id: t.supplier_id,
        is_preferred: !!t.is_preferred,
        supplier_sku: t.supplier_sku ?? null,
        unit_cost:
          t.unit_cost === null || t.unit_cost === undefined
            ? null
            : toNumber(t.unit_cost),
        lead_time_days: t.lead_time_days ?? null,
        minimum_order_quantity: toNumber(t.minimum_order_quantity ?? 1),
        case_pack: toNumber(t.case_pack ?? 1),
      })),
      suppliers: suppliers.map((s) => ({
        id: s.id,
        currency_code: s.currency_code ?? null,
        default_lead_time_days: s.default_lead_time_days ?? null,
      })),
      draft: draft
        ? {
            id: draft.id,
            number: service.formatPurchaseOrderNumber(draft.display_id),
            status: draft.status,
            supplier_id: draft.supplier_id,
            location_id: draft.location_id ?? null,
            expected_at: draft.expected_at ?? null,
            lines: draft.lines.map((l) => ({
              id: l.id,
              variant_id: l.variant_id,
              quantity: toNumber(l.quantity),
              linked_quantity: l.backorders.reduce(
                (sum, b) => sum + toNumber(b.quantity),
                0
              ),
            })),
          }
        : null,
      location_found: !input.location_id || locations.length > 0,
      orders: orders.map((o) => ({
        id: o.id,
        shipping_address: (o.shipping_address ?? null) as Record<
          string,
          unknown
        > | null,
      })),
    }
    return new StepResponse(data)
  }
)
