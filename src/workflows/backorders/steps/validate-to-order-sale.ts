import {
  IPricingModuleService,
  RemoteQueryFunction,
} from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService, {
  stockPairKey,
} from "../../../modules/backorder/service"
import {
  ToOrderSaleInput,
  ToOrderSalePreview,
  ToOrderSalePreviewLine,
} from "../../../types/to-order-sale"
import { roundAmount, toNumber } from "../../shared/money"
import { splitSaleLine, StockFigures } from "../utils/shortages"
import {
  checkOneLinePerVariant,
  chooseSalesChannel,
  saleTotals,
  shortageWarnings,
  singleInventoryItemOf,
} from "../utils/to-order-sale"

export const validateToOrderSaleStepId = "validate-to-order-sale"

/**
 * This step checks a to-order sale and works out how it splits: per line what is on hand at
 * the shop, what ships now, what is held back and what is sold short, the totals, and what
 * is due now under each payment policy. It refuses, changing nothing, a sale without a
 * customer, unknown or duplicated variants, a location not linked to the sales channel, a
 * managed variant with no inventory level at the location, and a deposit over the total.
 */
export const validateToOrderSaleStep = createStep(
  validateToOrderSaleStepId,
  async (input: ToOrderSaleInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const inventoryModule = container.resolve(Modules.INVENTORY)
    const pricingModule = container.resolve(Modules.PRICING)
    const backorderModule: BackorderModuleService =
      container.resolve(BACKORDER_MODULE)
    const options = backorderModule.getOptions()

    if (!input.customer_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "A to-order sale needs a customer: backorders cannot be kept for a walk-in sale. Choose or create the customer first."
      )
    }

    const variantIds = input.lines.map((l) => l.variant_id)
    checkOneLinePerVariant(variantIds)

    const [{ data: customers }, { data: locations }, { data: variants }] =
      await Promise.all([
        query.graph({
          entity: "customer",
          fields: ["id"],
          filters: { id: input.customer_id },
        }),
        query.graph({
          entity: "stock_location",
          fields: ["id", "name", "sales_channels.id", "sales_channels.name"],
          filters: { id: input.location_id },
        }),
        query.graph({
          entity: "product_variant",
          fields: [
            "id",
            "sku",
            "title",
            "product_id",
            "product.title",
            "manage_inventory",
            "allow_backorder",
            "price_set.id",
            "inventory_items.inventory_item_id",
            "inventory_items.required_quantity",
          ],
          filters: { id: variantIds },
        }),
      ])

    if (!customers.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer ${input.customer_id} was not found`
      )
    }
    const location = locations[0]
    if (!location) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Stock location ${input.location_id} was not found`
      )
    }
    const missing = variantIds.filter(
      (id) => !variants.some((v) => v.id === id)
    )
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Variant ${missing.join(", ")} was not found`
      )
    }

    const salesChannelId = chooseSalesChannel(
      location.id,
      (location.sales_channels ?? []).filter(Boolean) as { id: string }[],
      input.sales_channel_id
    )

    const region = await resolveRegion(query, input.region_id)

    const inventoryItemIdByVariant = new Map<string, string>()
    for (const variant of variants) {
      if (!variant.manage_inventory) {
        continue
      }
      inventoryItemIdByVariant.set(
        variant.id,
        singleInventoryItemOf({
          id: variant.id,
          inventory_items: (variant.inventory_items ?? [])
            .filter(Boolean)
            .map((item) => ({
              inventory_item_id: item!.inventory_item_id,
              required_quantity: toNumber(item!.required_quantity),
            })),
        })
      )
    }

    const levels = inventoryItemIdByVariant.size
      ? await inventoryModule.listInventoryLevels({
          inventory_item_id: [...inventoryItemIdByVariant.values()],
          location_id: location.id,
        })
      : []
    const figures = new Map<string, StockFigures>()
    for (const level of levels) {
      figures.set(stockPairKey(level), {
        stocked: toNumber(level.stocked_quantity),
        reserved: toNumber(level.reserved_quantity),
      })
    }
    for (const [variantId, inventoryItemId] of inventoryItemIdByVariant) {
      if (
        !figures.has(
          stockPairKey({
            inventory_item_id: inventoryItemId,
            location_id: location.id,
          })
        )
      ) {
        const variant = variants.find((v) => v.id === variantId)!
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Variant ${variantId}${variant.sku ? ` (SKU ${variant.sku})` : ""} has no inventory level at stock location ${location.id}`
        )
      }
    }

    const lines: ToOrderSalePreviewLine[] = []
    for (const line of input.lines) {
      const variant = variants.find((v) => v.id === line.variant_id)!
      const inventoryItemId = inventoryItemIdByVariant.get(variant.id) ?? null
      const unitPrice =
        line.unit_price ??
        (await calculateUnitPrice(
          pricingModule,
          variant,
          region,
          line.quantity
        ))
      const split = splitSaleLine(
        line.quantity,
        inventoryItemId
          ? figures.get(
              stockPairKey({
                inventory_item_id: inventoryItemId,
                location_id: location.id,
              })
            )
          : undefined,
        line.hold_back
      )
      lines.push({
        variant_id: variant.id,
        product_id: variant.product_id ?? null,
        inventory_item_id: inventoryItemId,
        sku: variant.sku ?? null,
        title: `${variant.product?.title ?? ""} ${variant.title ?? ""}`.trim(),
        product_title: variant.product?.title ?? variant.title ?? variant.id,
        quantity: line.quantity,
        unit_price: unitPrice,
        total: roundAmount(unitPrice * line.quantity),
        allow_backorder: !!variant.allow_backorder,
        ...split,
      })
    }

    const totals = saleTotals(lines, input, options.defaultDepositPercent)
    const preview: ToOrderSalePreview = {
      customer_id: input.customer_id,
      location_id: location.id,
      sales_channel_id: salesChannelId,
      region_id: region.id,
      currency_code: region.currency_code,
      lines,
      ...totals,
      due_now_chosen: totals.due_now[input.payment_policy],
      warnings: shortageWarnings(lines, location.name),
    }
    return new StepResponse(preview)
  }
)

async function resolveRegion(
  query: Omit<RemoteQueryFunction, symbol>,
  regionId?: string
): Promise<{ id: string; currency_code: string }> {
  if (regionId) {
    const { data } = await query.graph({
      entity: "region",
      fields: ["id", "currency_code"],
      filters: { id: regionId },
    })
    if (!data.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Region ${regionId} was not found`
      )
    }
    return data[0]
  }
  const { data: stores } = await query.graph({
    entity: "store",
    fields: ["id", "default_region_id"],
  })
  const defaultRegionId = stores[0]?.default_region_id
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code"],
    filters: defaultRegionId ? { id: defaultRegionId } : {},
    pagination: { take: 1, order: { created_at: "ASC" } },
  })
  if (!regions.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "No region exists to sell in: create one or give region_id"
    )
  }
  return regions[0]
}

async function calculateUnitPrice(
  pricingModule: IPricingModuleService,
  variant: { id: string; price_set?: { id: string } | null },
  region: { id: string; currency_code: string },
  quantity: number
): Promise<number> {
  const priceSetId = variant.price_set?.id
  const [price] = priceSetId
    ? await pricingModule.calculatePrices(
        { id: [priceSetId] },
        {
          context: {
            currency_code: region.currency_code,
            region_id: region.id,
            quantity,
          },
        }
      )
    : []
  if (
    !price ||
    price.calculated_amount === null ||
    price.calculated_amount === undefined
  ) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Variant ${variant.id} has no price in ${region.currency_code.toUpperCase()}: give the line a unit_price`
    )
  }
  return toNumber(price.calculated_amount)
}
