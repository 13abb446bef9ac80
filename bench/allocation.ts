import { ExecArgs } from "@medusajs/framework/types"
import { updateReservationsWorkflow } from "@medusajs/medusa/core-flows"
import { SIZES, setUpBench } from "./harness"
import { receivePurchaseOrderWorkflow } from "../src/workflows/purchasing/workflows/receive-purchase-order"
import { sendPurchaseOrderWorkflow } from "../src/workflows/purchasing/workflows/send-purchase-order"

/**
 * `npm run bench`: seeds N waiting backorders of one inventory item at one location, each
 * with its order line's reservation (as checkout and to-order sales leave them), puts them on
 * a purchase order, sends it, then receives stock for all of them in one receipt and prints
 * the time and the number of SQL queries the receipt took. Allocation is set-based, so the
 * query count stays the same whatever N is.
 *
 * Medusa has no operation that hands stock to waiting orders; the yardstick printed next to
 * the receipt is the nearest one that writes one row per waiting order line through a core
 * workflow: `updateReservationsWorkflow` updating those N reservations (a description), as
 * the dashboard's reservation edit does for one.
 */
export default async function benchAllocation({ container }: ExecArgs) {
  const { store, service, inventory, query, measure } =
    await setUpBench(container)

  console.log(
    `backorders  receive_ms  queries  allocated  ledger_rows  medusa_update_reservations_ms  queries  ratio`
  )
  for (const size of SIZES) {
    // A fresh item per run so runs do not see each other's backorders.
    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: ["id", "inventory_items.inventory_item_id"],
      filters: { sku: "KETTLE-MATTE" },
    })
    const [item] = await inventory.createInventoryItems([
      { sku: `BENCH-${size}-${Date.now()}` },
    ])
    await inventory.createInventoryLevels([
      {
        inventory_item_id: item.id,
        location_id: store.shopLocationId,
        stocked_quantity: 0,
      },
    ])
    const ids: string[] = []
    const reservationIds: string[] = []
    for (let offset = 0; offset < size; offset += 1000) {
      const chunk = Math.min(1000, size - offset)
      // Every backordered unit is reserved for its order line, as checkout and to-order
      // sales do.
      const reservations = await inventory.createReservationItems(
        Array.from({ length: chunk }, (_, i) => ({
          inventory_item_id: item.id,
          location_id: store.shopLocationId,
          line_item_id: `ordli_bench_${size}_${offset + i}_${item.id}`,
          quantity: 1,
          allow_backorder: true,
        }))
      )
      reservationIds.push(...reservations.map((r) => r.id))
      const created = await service.createBackorders(
        Array.from({ length: chunk }, (_, i) => ({
          source: "storefront" as const,
          order_id: `order_bench_${size}_${offset + i}`,
          line_item_id: `ordli_bench_${size}_${offset + i}_${item.id}`,
          variant_id: variants[0].id,
          inventory_item_id: item.id,
          location_id: store.shopLocationId,
          quantity: 1,
        }))
      )
      ids.push(...created.map((b) => b.id))
    }
    const po = await service.createPurchaseOrders({
      supplier_id: store.supplierIdsByCode["BWW"],
      location_id: store.shopLocationId,
    })
    const [line] = await service.createPurchaseOrderLines([
      {
        purchase_order_id: po.id,
        variant_id: variants[0].id,
        inventory_item_id: item.id,
        quantity: size,
      },
    ])
    await sendPurchaseOrderWorkflow(container).run({ input: { id: po.id } })

    const {
      result: { result },
      ms,
      queries: counted,
    } = await measure(() =>
      receivePurchaseOrderWorkflow(container).run({
        input: {
          id: po.id,
          lines: [{ purchase_order_line_id: line.id, quantity: size }],
        },
      })
    )

    const [allocated, ledger] = await Promise.all([
      service.listAndCountBackorders(
        { id: ids, status: "available" },
        { take: 1 }
      ),
      service.listAndCountAllocations(
        { receipt_id: result.receipt_id },
        { take: 1 }
      ),
    ])
    // Medusa's yardstick takes about 2.5 ms a reservation: above 10,000 it is left out.
    const medusa =
      size <= 10_000
        ? await measure(() =>
            updateReservationsWorkflow(container).run({
              input: {
                updates: reservationIds.map((id) => ({
                  id,
                  description: `Received on ${po.id}`,
                })),
              },
            })
          )
        : null
    console.log(
      `${String(size).padStart(10)}  ${ms.toFixed(0).padStart(10)}  ${String(counted).padStart(7)}  ${String(allocated[1]).padStart(9)}  ${String(ledger[1]).padStart(11)}  ${(medusa ? medusa.ms.toFixed(0) : "-").padStart(29)}  ${String(medusa?.queries ?? "-").padStart(7)}  ${(medusa ? (ms / medusa.ms).toFixed(2) : "-").padStart(5)}`
    )
  }
}
