import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BACKORDER_MODULE } from "../../../modules/backorder"
import BackorderModuleService from "../../../modules/backorder/service"
import { PurchaseOrderStatus } from "../../../types/enums"
import { toNumber } from "../../shared/money"
import { PurchaseOrderDocument } from "../utils/purchase-order-document"
import { retrievePurchaseOrder } from "../utils/retrieve-purchase-order"

type Address = Record<string, unknown> | null | undefined

/** An address as the lines of a letter. */
function addressLines(address: Address): string[] {
  if (!address) {
    return []
  }
  const text = (key: string) =>
    typeof address[key] === "string" && address[key] ? String(address[key]) : ""
  const name = [text("first_name"), text("last_name")].filter(Boolean).join(" ")
  return [
    name,
    text("company"),
    text("address_1"),
    text("address_2"),
    [text("postal_code"), text("city")].filter(Boolean).join(" "),
    [text("province"), text("country_code").toUpperCase()]
      .filter(Boolean)
      .join(" "),
    text("phone"),
  ].filter(Boolean)
}

export const buildPurchaseOrderDocumentStepId = "build-purchase-order-document"

/**
 * This step gathers what a purchase order's document shows: the store's name and the
 * delivery location as the merchant, the supplier, the delivery address (the stock location,
 * or the customer for a dropship), the lines with the supplier's SKUs and costs. A cancelled
 * purchase order has no document to send.
 */
export const buildPurchaseOrderDocumentStep = createStep(
  buildPurchaseOrderDocumentStepId,
  async (input: { id: string }, { container }) => {
    const service: BackorderModuleService = container.resolve(BACKORDER_MODULE)
    const { purchaseOrder, number } = await retrievePurchaseOrder(
      service,
      input.id,
      ["lines", "supplier"]
    )
    if (purchaseOrder.status === PurchaseOrderStatus.CANCELLED) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase order ${number} (${purchaseOrder.id}) is cancelled: there is nothing to send`
      )
    }
    const [stores, locations] = await Promise.all([
      container.resolve(Modules.STORE).listStores({}, { take: 1 }),
      purchaseOrder.location_id
        ? container
            .resolve(Modules.STOCK_LOCATION)
            .listStockLocations(
              { id: purchaseOrder.location_id },
              { relations: ["address"] }
            )
        : Promise.resolve([]),
    ])
    const location = locations[0]
    const locationAddress = addressLines(
      location?.address as unknown as Address
    )
    const supplier = purchaseOrder.supplier
    const document: PurchaseOrderDocument = {
      number,
      date: new Date(
        purchaseOrder.ordered_at ?? purchaseOrder.created_at
      ).toISOString(),
      expected_at: purchaseOrder.expected_at
        ? new Date(purchaseOrder.expected_at).toISOString()
        : null,
      currency_code:
        purchaseOrder.currency_code ?? supplier?.currency_code ?? null,
      merchant: {
        name: stores[0]?.name ?? "Our store",
        address: locationAddress,
      },
      supplier: {
        name: supplier?.name ?? "Supplier",
        address: addressLines(supplier?.address as Address),
        email: supplier?.email ?? null,
      },
      deliver_to: purchaseOrder.is_dropship
        ? {
            label: "Ship directly to our customer",
            name: "",
            address: addressLines(purchaseOrder.dropship_address as Address),
          }
        : {
            label: "Deliver to",
            name: location?.name ?? "",
            address: locationAddress,
          },
      lines: (purchaseOrder.lines ?? []).map((line) => ({
        sku: line.sku ?? null,
        supplier_sku: line.supplier_sku ?? null,
        title: line.title ?? null,
        quantity: toNumber(line.quantity) - toNumber(line.cancelled_quantity),
        unit_cost:
          line.unit_cost === null || line.unit_cost === undefined
            ? null
            : toNumber(line.unit_cost),
      })),
      notes: purchaseOrder.notes ?? null,
      supplier_reference: purchaseOrder.supplier_reference ?? null,
    }
    return new StepResponse(document)
  }
)
