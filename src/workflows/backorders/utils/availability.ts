import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { WAITING_BACKORDER_STATUSES } from "../../../types/enums"
import { listIncomingSupply } from "./incoming-supply"
import { toNumber } from "../../shared/money"
import { freeIncomingSupply, PromiseSlice } from "./promise-schedule"
import { waitingQuantity } from "../../../modules/backorder/utils/status"

export type BackorderAvailability = {
  variant_id: string
  /** Units that can be bought now from the channel's locations; null when stock is not tracked. */
  in_stock_quantity: number | null
  /** `in_stock`, `backorder` (none on hand, can be ordered) or `out_of_stock`. */
  status: "in_stock" | "backorder" | "out_of_stock"
  can_backorder: boolean
  /**
   * When the first unit beyond the stock on hand is expected: the date of the incoming
   * supply left after the units earlier orders already wait for. Null when none is known.
   */
  expected_at: string | null
  /**
   * Incoming supply still free for new orders, first expected first, for splitting any
   * quantity into "ships now" and "ships later" (`promiseSchedule`).
   */
  incoming: PromiseSlice[]
}

/**
 * Availability of variants of published products in the given sales channels (others are
 * left out, as unknown ids are), as a storefront shows it on a product page: in stock now (never stock other orders hold), can be backordered, and the
 * date of the supply that will serve the next unit sold short.
 */
export async function getBackorderAvailability(
  container: MedusaContainer,
  input: { variant_ids: string[]; sales_channel_ids: string[] }
): Promise<BackorderAvailability[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const backorderModule: BackorderModuleService =
    container.resolve(BACKORDER_MODULE)

  const [{ data: channels }, { data: found }] = await Promise.all([
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
        "product.status",
        "product.sales_channels.id",
      ],
      filters: { id: input.variant_ids },
    }),
  ])
  // Only what the storefront may show, as Medusa's own store product routes: variants of
  // published products in the key's sales channels. Any other id is answered as unknown.
  const variants = found.filter(
    (v) =>
      v.product?.status === "published" &&
      (v.product.sales_channels ?? []).some(
        (c) => !!c && input.sales_channel_ids.includes(c.id)
      )
  )
  const variantIds = variants.map((v) => v.id)
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

  const [levels, supply, waitingBackorders] = await Promise.all([
    inventoryItemIds.length && locationIds.length
      ? inventoryModule.listInventoryLevels({
          inventory_item_id: inventoryItemIds,
          location_id: locationIds,
        })
      : Promise.resolve([]),
    variantIds.length
      ? listIncomingSupply(container, {
          variant_ids: variantIds,
          location_ids: locationIds,
        })
      : Promise.resolve([]),
    locationIds.length && variantIds.length
      ? backorderModule.listBackorders(
          {
            variant_id: variantIds,
            location_id: locationIds,
            status: WAITING_BACKORDER_STATUSES,
          },
          {
            select: [
              "id",
              "variant_id",
              "quantity",
              "allocated_quantity",
              "cancelled_quantity",
            ],
          }
        )
      : Promise.resolve([]),
  ])

  return variants.map((variant) => {
    const items = (variant.inventory_items ?? []).filter(Boolean)
    const canBackorder = !!variant.allow_backorder
    const variantSupply = supply.filter((s) => s.variant_id === variant.id)
    if (!variant.manage_inventory || !items.length) {
      return {
        variant_id: variant.id,
        in_stock_quantity: null,
        status: "in_stock" as const,
        can_backorder: canBackorder,
        expected_at: null,
        incoming: [],
      }
    }
    // Free stock never counts units other orders hold; a location's shortfall (reserved
    // beyond what is on hand) is stock earlier orders already wait for.
    let inStock = Number.POSITIVE_INFINITY
    let shortfall = 0
    for (const item of items) {
      const perUnit = toNumber(item!.required_quantity) || 1
      let free = 0
      let short = 0
      for (const level of levels) {
        if (level.inventory_item_id !== item!.inventory_item_id) {
          continue
        }
        const net =
          toNumber(level.stocked_quantity) - toNumber(level.reserved_quantity)
        free += Math.max(0, net)
        short += Math.max(0, -net)
      }
      inStock = Math.min(inStock, Math.floor(free / perUnit))
      shortfall = Math.max(shortfall, Math.ceil(short / perUnit))
    }
    const recorded = waitingBackorders
      .filter((b) => b.variant_id === variant.id)
      .reduce((sum, b) => sum + waitingQuantity(b), 0)
    const waiting = Math.max(shortfall, recorded)
    const free = freeIncomingSupply(variantSupply, waiting)

    return {
      variant_id: variant.id,
      in_stock_quantity: inStock,
      status:
        inStock > 0 ? "in_stock" : canBackorder ? "backorder" : "out_of_stock",
      can_backorder: canBackorder,
      expected_at: free[0]?.expected_at ?? null,
      incoming: free,
    }
  })
}
