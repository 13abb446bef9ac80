import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateReservationsWorkflow } from "@medusajs/medusa/core-flows"
import { SIZES, setUpBench } from "./harness"
import { allocateStock } from "../src/modules/backorder/queries/allocation"
import type { Knex } from "../src/modules/backorder/queries/reporting"
import { AllocationPolicy, AllocationSource } from "../src/types/enums"
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
  const floors: string[] = []
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

    const pg: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const input = {
      inventory_item_id: item.id,
      location_id: store.shopLocationId,
      quantity: size,
      source: AllocationSource.RECEIPT,
      purchase_order_id: po.id,
      purchase_order_line_id: line.id,
    }
    const [withIndexes, bare] = [
      await allocationSql(pg, ids, input, false),
      await allocationSql(pg, ids, input, true),
    ]
    floors.push(
      `${String(size).padStart(10)}  ${withIndexes.toFixed(0).padStart(14)}  ${bare.toFixed(0).padStart(21)}`
    )
  }

  console.log(
    "\nThe allocation's own SQL (queue, UPDATE, ledger INSERT), timed in a transaction that is rolled back:"
  )
  console.log(
    "with the model's indexes and the ledger's foreign key, and without them: the floor of writing one"
  )
  console.log("backorder row and one ledger row per backorder served.")
  console.log(`backorders  allocation_sql_ms  no_indexes_no_fk_ms`)
  for (const floor of floors) {
    console.log(floor)
  }
}

/**
 * Times `allocateStock` alone on the same backorders, put back to waiting first, inside a
 * transaction that is rolled back, so nothing stays. With `bare`, every secondary index of
 * `backorder` and `allocation` is dropped and the ledger's triggers (its foreign key check)
 * are switched off first, inside the same transaction: what is left is the cost of the rows
 * themselves, the least any design that writes a backorder row and a ledger row per backorder
 * can take on this machine. Switching the foreign key's triggers off needs a superuser (the
 * embedded PostgreSQL's `postgres`).
 */
async function allocationSql(
  pg: Knex,
  ids: string[],
  input: Parameters<typeof allocateStock>[2],
  bare: boolean
): Promise<number> {
  let ms = 0
  const rolledBack = new Error("rolled back")
  await pg
    .transaction(async (trx) => {
      await trx.raw(
        `UPDATE backorder SET status = 'on_order', allocated_quantity = 0,
           raw_allocated_quantity = '{"value": "0", "precision": 20}', available_at = NULL
         WHERE id = ANY(:ids)`,
        { ids }
      )
      await trx.raw(`DELETE FROM allocation WHERE backorder_id = ANY(:ids)`, {
        ids,
      })
      if (bare) {
        const {
          rows: [{ drops }],
        } = await trx.raw(
          `SELECT string_agg(format('DROP INDEX %I', c.relname), '; ') AS drops
             FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid IN ('backorder'::regclass, 'allocation'::regclass)
              AND NOT i.indisprimary`
        )
        await trx.raw(drops)
        await trx.raw(`ALTER TABLE allocation DISABLE TRIGGER ALL`)
      }
      const begun = process.hrtime.bigint()
      await allocateStock(trx as unknown as Knex, AllocationPolicy.FIFO, input)
      ms = Number(process.hrtime.bigint() - begun) / 1e6
      throw rolledBack
    })
    .catch((error) => {
      if (error !== rolledBack) {
        throw error
      }
    })
  return ms
}
