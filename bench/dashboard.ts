import { ExecArgs } from "@medusajs/framework/types"
import { SIZES, setUpBench } from "./harness"
import { defaultAdminBackorderFields } from "../src/api/admin/backorders/query-config"
import { createToOrderSaleWorkflow } from "../src/workflows/backorders/workflows/create-to-order-sale"

const STATUSES = [
  "new",
  "on_order",
  "partially_available",
  "available",
] as const

/** What a row of the Backorders page reads: the defaults, the customer, the order, the PO. */
const LIST_FIELDS = [
  ...defaultAdminBackorderFields,
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "order.id",
  "order.display_id",
  "purchase_order_lines.quantity",
  "purchase_order_lines.purchase_order_line.purchase_order.id",
  "purchase_order_lines.purchase_order_line.purchase_order.display_id",
  "purchase_order_lines.purchase_order_line.purchase_order.status",
  "purchase_order_lines.purchase_order_line.purchase_order.expected_at",
]

/**
 * `npm run bench`: the reads behind the dashboard with N open backorders in the database:
 * one page of the Backorders list (with customer, order and purchase order joined), the tab
 * counts, the supplier groups, a search, the health figures and a variant's stock summary.
 * Prints the time and the SQL queries of each; none grows with N in queries.
 */
export default async function benchDashboard({ container }: ExecArgs) {
  const { store, service, inventory, query, measure } =
    await setUpBench(container)

  // One real order and customer for the joins.
  const { result: sale } = await createToOrderSaleWorkflow(container).run({
    input: {
      customer_id: store.customerId,
      location_id: store.shopLocationId,
      lines: [
        { variant_id: store.variantIdsBySku["KETTLE-MATTE"], quantity: 1 },
      ],
      payment_policy: "pay_on_receipt",
    },
  })

  console.log(
    `backorders  ${["list_page", "counts", "groups", "search", "health", "stock"].map((c) => `${c}_ms/queries`.padStart(20)).join("")}`
  )
  let seeded = 0
  for (const size of SIZES) {
    const [item] = await inventory.createInventoryItems([
      { sku: `BENCH-DASH-${size}-${Date.now()}` },
    ])
    for (; seeded < size; seeded += 1000) {
      const chunk = Math.min(1000, size - seeded)
      await service.createBackorders(
        Array.from({ length: chunk }, (_, i) => ({
          source: "storefront" as const,
          status: STATUSES[(seeded + i) % STATUSES.length],
          order_id: sale.order_id,
          line_item_id: `ordli_bench_dash_${seeded + i}`,
          customer_id: store.customerId,
          variant_id: store.variantIdsBySku["KETTLE-MATTE"],
          inventory_item_id: item.id,
          location_id: store.shopLocationId,
          supplier_id:
            store.supplierIdsByCode[(seeded + i) % 2 ? "BWW" : "NCS"],
          sku: "KETTLE-MATTE",
          title: "Gooseneck Kettle",
          quantity: 2,
          allocated_quantity: (seeded + i) % 4 === 3 ? 2 : 0,
          currency_code: "eur",
          unit_price: 79,
          paid_amount: (seeded + i) % 3 ? 0 : 20,
        }))
      )
    }

    const results = [
      await measure(() =>
        query.graph({
          entity: "backorder",
          fields: LIST_FIELDS,
          filters: { status: "new" },
          pagination: { skip: 0, take: 20, order: { created_at: "DESC" } },
        })
      ),
      await measure(() => service.countBackordersByStatus({})),
      await measure(() => service.groupBackordersBySupplier({})),
      await measure(() => service.searchBackorderIds("kettle")),
      await measure(() => service.summarizeBackorderHealth(new Date())),
      await measure(() => service.summarizeStock([item.id])),
    ]
    console.log(
      `${String(size).padStart(10)}  ${results
        .map((r) => `${r.ms.toFixed(0)}/${r.queries}`.padStart(20))
        .join("")}`
    )
  }
}
