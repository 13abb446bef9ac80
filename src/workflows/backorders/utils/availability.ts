import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { PurchaseOrderStatus } from "../../../types/enums"
import { toNumber } from "./money"

export type BackorderAvailability = {
  variant_id: string
  /** Units that can be bought now from the channel's locations; null when stock is not tracked. */
  in_stock_quantity: number | null
  /** `in_stock`, `backorder` (none on hand, can be ordered) or `out_of_stock`. */
  status: "in_stock" | "backorder" | "out_of_stock"
  can_backorder: boolean
  /** When the next purchase order for it is expected at one of the channel's locations. */
  expected_at: Date | null
}

const OPEN_PURCHASE_ORDER_STATUSES = [
  PurchaseOrderStatus.ORDERED,
  PurchaseOrderStatus.PARTIALLY_RECEIVED,
]

/**
 * Availability of variants in the given sales channels, as a storefront shows it on a
 * product page: in stock now, can be backordered, and the next expected date.
 */
export async function getBackorderAvailability(
  container: MedusaContainer,
  input: { variant_ids: string[]; sales_channel_ids: string[] }
): Promise<BackorderAvailability[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const backorderModule: BackorderModuleService =
    container.resolve(BACKORDER_MODULE)

  const [{ data: channels }, { data: variants }] = await Promise.all([
    query.graph({
      entity: "sales_channel",
      fields: ["id", "stock_locations.id"],
      filters: { id: input.sales_channel_ids },
    }),
    query.graph({
      entity: "product_variant",
      fields: [
        "id",
        "manage_inventory",
        "allow_backorder",
        "inventory_items.inventory_item_id",
        "inventory_items.required_quantity",
      ],
      filters: { id: input.variant_ids },
    }),
  ])
  const locationIds = [
    ...new Set(
      channels.flatMap((c) =>
        (c.stock_locations ?? []).filter(Boolean).map((l) => l!.id)
      )
    ),
  ]
  const inventoryItemIds = variants.flatMap((v) =>
    (v.inventory_items ?? []).filter(Boolean).map((i) => i!.inventory_item_id)
  )

  const [levels, lines] = await Promise.all([
    inventoryItemIds.length && locationIds.length
      ? inventoryModule.listInventoryLevels({
          inventory_item_id: inventoryItemIds,
          location_id: locationIds,
        })
      : Promise.resolve([]),
    locationIds.length
      ? backorderModule.listPurchaseOrderLines(
          {
            variant_id: input.variant_ids,
            purchase_order: {
              status: OPEN_PURCHASE_ORDER_STATUSES,
              location_id: locationIds,
            },
          },
          { relations: ["purchase_order"] }
        )
      : Promise.resolve([]),
  ])

  return variants.map((variant) => {
    const items = (variant.inventory_items ?? []).filter(Boolean)
    let inStock = Number.POSITIVE_INFINITY
    if (!variant.manage_inventory || !items.length) {
      inStock = Number.POSITIVE_INFINITY
    } else {
      for (const item of items) {
        const available = levels
          .filter((l) => l.inventory_item_id === item!.inventory_item_id)
          .reduce(
            (sum, l) =>
              sum +
              Math.max(
                0,
                toNumber(l.stocked_quantity) - toNumber(l.reserved_quantity)
              ),
            0
          )
        const perUnit = toNumber(item!.required_quantity) || 1
        inStock = Math.min(inStock, Math.floor(available / perUnit))
      }
    }
    const expected = lines
      .filter(
        (line) =>
          line.variant_id === variant.id &&
          toNumber(line.quantity) >
            toNumber(line.received_quantity) +
              toNumber(line.cancelled_quantity) &&
          line.purchase_order?.expected_at
      )
      .map((line) => new Date(line.purchase_order!.expected_at!))
      .sort((a, b) => a.getTime() - b.getTime())[0]

    const canBackorder = !!variant.allow_backorder
    const unlimited = inStock === Number.POSITIVE_INFINITY
    return {
      variant_id: variant.id,
      in_stock_quantity: unlimited ? null : inStock,
      status:
        unlimited || inStock > 0
          ? "in_stock"
          : canBackorder
            ? "backorder"
            : "out_of_stock",
      can_backorder: canBackorder,
      expected_at: expected ?? null,
    }
  })
}
