import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createToOrderSaleWorkflow } from "../src/workflows/backorders/workflows/create-to-order-sale"
import { setUpBench } from "./harness"

type Knex = {
  raw: (sql: string, bindings?: unknown) => Promise<{ rows: any[] }>
}

/** Variants, suppliers and words of the seeded history. */
const VARIANTS = 5000
const SUPPLIERS = 20
const WORDS = [
  "Kettle",
  "Grinder",
  "Espresso Machine",
  "Tamper",
  "Milk Jug",
  "Scale",
  "Dripper",
  "Filter Papers",
  "Carafe",
  "Burr Set",
  "Portafilter",
  "Knock Box",
  "Thermometer",
  "Cold Brew Jar",
  "Moka Pot",
  "French Press",
  "Aeropress",
  "Cup Set",
  "Cleaning Tablets",
  "Water Filter",
]
const COLOURS = ["Black", "White", "Steel", "Copper", "Matte", "Red", "Blue"]

export type SeededHistory = {
  backorders: number
  open: number
  orders: number
  customers: number
  /** A customer with backorders, an order number and SKUs to search for. */
  sample: { email: string; display_id: number; sku: string }
  shopLocationId: string
  seconds: number
}

/**
 * Seeds a merchant's history with SQL (`generate_series`, no workflow per row): `total`
 * backorders over three years, the newest tenth of them open (new, on order, partly and
 * fully available), the rest fulfilled or cancelled; one real Medusa order per backorder
 * (copied from a to-order sale made through the workflow: `order`, `order_item`,
 * `order_line_item`, `order_summary`), a tenth as many customers, 20 suppliers, purchase
 * orders for the backorders on order and received ones in the history. Then `VACUUM
 * ANALYZE`, as autovacuum would after a load.
 */
export async function seedHistory(
  container: MedusaContainer,
  total: number
): Promise<SeededHistory> {
  const started = Date.now()
  const { store } = await setUpBench(container)
  const knex = container.resolve(
    ContainerRegistrationKeys.PG_CONNECTION
  ) as unknown as Knex
  const open = Math.round(total / 10)
  const customers = Math.max(Math.round(total / 10), 100)

  // The template: a real order, line item and customer made by the to-order sale workflow.
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
  const orderId = sale.order_id
  const {
    rows: [item],
  } = await knex.raw(
    `SELECT id, item_id FROM order_item WHERE order_id = ? LIMIT 1`,
    [orderId]
  )
  const {
    rows: [summary],
  } = await knex.raw(`SELECT id FROM order_summary WHERE order_id = ?`, [
    orderId,
  ])

  // Created times: g = 1 .. total spread over three years, oldest first.
  const at = (g: string) =>
    `now() - interval '1095 days' * (1 - CAST(${g} AS float8) / ${total})`

  const step = 100_000
  for (let from = 1; from <= customers; from += step) {
    const to = Math.min(customers, from + step - 1)
    await clone(knex, "customer", store.customerId, from, to, {
      id: `'cus_bench_' || g`,
      email: `'customer' || g || '@bench.example.com'`,
      first_name: `'First' || g`,
      last_name: `'Last' || (g % 997)`,
      created_at: at(`g * ${total / customers}`),
      updated_at: at(`g * ${total / customers}`),
    })
  }
  for (let from = 1; from <= total; from += step) {
    const to = Math.min(total, from + step - 1)
    await clone(
      knex,
      "order",
      orderId,
      from,
      to,
      {
        id: `'order_bench_' || g`,
        customer_id: `'cus_bench_' || (1 + g % ${customers})`,
        email: `'customer' || (1 + g % ${customers}) || '@bench.example.com'`,
        custom_display_id: "NULL",
        created_at: at("g"),
        updated_at: at("g"),
      },
      ["display_id"]
    )
    await clone(knex, "order_line_item", item.item_id, from, to, {
      id: `'ordli_bench_' || g`,
      created_at: at("g"),
      updated_at: at("g"),
    })
    await clone(knex, "order_item", item.id, from, to, {
      id: `'orditem_bench_' || g`,
      order_id: `'order_bench_' || g`,
      item_id: `'ordli_bench_' || g`,
      created_at: at("g"),
      updated_at: at("g"),
    })
    await clone(knex, "order_summary", summary.id, from, to, {
      id: `'ordsum_bench_' || g`,
      order_id: `'order_bench_' || g`,
      created_at: at("g"),
      updated_at: at("g"),
    })
  }

  await knex.raw(
    `INSERT INTO supplier (id, name, code, currency_code)
     SELECT 'sup_bench_' || s, 'Bench Supplier ' || s, 'BS' || s, 'eur'
     FROM generate_series(0, ${SUPPLIERS - 1}) s`
  )

  const words = `(ARRAY[${WORDS.map((w) => `'${w}'`).join(",")}])`
  const colours = `(ARRAY[${COLOURS.map((c) => `'${c}'`).join(",")}])`
  for (let from = 1; from <= total; from += step) {
    const to = Math.min(total, from + step - 1)
    await knex.raw(
      `INSERT INTO backorder (id, status, source, order_id, line_item_id, customer_id,
         product_id, variant_id, inventory_item_id, location_id, supplier_id, sku, title,
         quantity, raw_quantity, allocated_quantity, raw_allocated_quantity,
         fulfilled_quantity, raw_fulfilled_quantity, cancelled_quantity,
         raw_cancelled_quantity, currency_code, unit_price, raw_unit_price, paid_amount,
         raw_paid_amount, refunded_amount, raw_refunded_amount, promised_at, on_order_at,
         available_at, fulfilled_at, cancelled_at, created_at, updated_at)
       SELECT 'bo_bench_' || g, s.status, 'storefront', 'order_bench_' || g,
              'ordli_bench_' || g, 'cus_bench_' || (1 + g % ${customers}),
              'prod_bench_' || v, 'variant_bench_' || v, 'iitem_bench_' || v,
              CASE WHEN g % 2 = 0 THEN :shop ELSE :warehouse END,
              'sup_bench_' || (v % ${SUPPLIERS}),
              'BENCH-' || lpad(v::text, 5, '0'),
              ${words}[1 + v % ${WORDS.length}] || ' ' || ${colours}[1 + v % ${COLOURS.length}] || ' ' || v,
              q.quantity, jsonb_build_object('value', q.quantity::text, 'precision', 20),
              q.allocated, jsonb_build_object('value', q.allocated::text, 'precision', 20),
              q.fulfilled, jsonb_build_object('value', q.fulfilled::text, 'precision', 20),
              q.cancelled, jsonb_build_object('value', q.cancelled::text, 'precision', 20),
              'eur', 50, '{"value": "50", "precision": 20}',
              q.paid, jsonb_build_object('value', q.paid::text, 'precision', 20),
              0, '{"value": "0", "precision": 20}',
              t.created + interval '14 days',
              CASE WHEN s.status <> 'new' AND s.status <> 'cancelled' THEN t.created + interval '1 day' END,
              CASE WHEN s.status IN ('available', 'fulfilled') THEN t.created + interval '10 days' END,
              CASE WHEN s.status = 'fulfilled' THEN t.created + interval '11 days' END,
              CASE WHEN s.status = 'cancelled' THEN t.created + interval '2 days' END,
              t.created, t.created
       FROM generate_series(${from}, ${to}) g
       CROSS JOIN LATERAL (SELECT 1 + (CAST(g AS bigint) * 7919) % ${VARIANTS} AS v) vv
       CROSS JOIN LATERAL (SELECT ${at("g")} AS created) t
       CROSS JOIN LATERAL (SELECT CASE
         WHEN g > ${total - open} THEN
           (ARRAY['new','new','new','new','on_order','on_order','on_order',
                  'partially_available','available','available'])[1 + g % 10]
         WHEN g % 3 = 0 THEN 'cancelled' ELSE 'fulfilled' END AS status) s
       CROSS JOIN LATERAL (SELECT 2 + g % 2 AS quantity) qq
       CROSS JOIN LATERAL (SELECT qq.quantity,
         CASE WHEN s.status IN ('available', 'fulfilled') THEN qq.quantity
              WHEN s.status = 'partially_available' THEN 1 ELSE 0 END AS allocated,
         CASE WHEN s.status = 'fulfilled' THEN qq.quantity ELSE 0 END AS fulfilled,
         CASE WHEN s.status = 'cancelled' THEN qq.quantity ELSE 0 END AS cancelled,
         CASE WHEN g % 3 = 0 THEN 20 ELSE 0 END AS paid) q`,
      { shop: store.shopLocationId, warehouse: store.warehouseLocationId }
    )
  }

  // The customers' searchable fields, copied as recording their backorders would have.
  await knex.raw(
    `INSERT INTO backorder_customer (id, email, first_name, last_name, company_name, phone)
     SELECT id, email, first_name, last_name, company_name, phone FROM customer
     WHERE id LIKE 'cus\\_bench\\_%'
     ON CONFLICT (id) DO NOTHING`
  )

  // The distinct SKUs and titles the staff search matches, written as recording the
  // backorders would have (`createBackorders`).
  await knex.raw(
    `INSERT INTO backorder_search_text (value)
     SELECT sku FROM backorder WHERE id LIKE 'bo\\_bench\\_%' AND sku IS NOT NULL
     UNION
     SELECT title FROM backorder WHERE id LIKE 'bo\\_bench\\_%' AND title IS NOT NULL
     ON CONFLICT (value) DO NOTHING`
  )

  // Purchase orders of 50 backorders each: sent ones for the open backorders on order or
  // after, received ones for every tenth fulfilled backorder of the history.
  const poRows = (where: string, prefix: string, status: string) =>
    knex.raw(
      `WITH b AS (
         SELECT b.*, CAST(substr(b.id, 10) AS int) AS g FROM backorder b
         WHERE b.id LIKE 'bo_bench_%' AND ${where}
       ), po AS (
         INSERT INTO purchase_order (id, status, location_id, supplier_id, currency_code,
           expected_at, ordered_at, received_at, created_at, updated_at)
         SELECT DISTINCT ON (g / 50) '${prefix}' || (g / 50), '${status}', :shop,
                'sup_bench_' || ((g / 50) % ${SUPPLIERS}), 'eur',
                created_at + interval '14 days', created_at + interval '1 day',
                ${status === "received" ? "created_at + interval '10 days'" : "NULL"},
                created_at, created_at
         FROM b ORDER BY g / 50, g
         RETURNING id
       ), line AS (
         INSERT INTO purchase_order_line (id, purchase_order_id, variant_id, product_id,
           inventory_item_id, title, sku, quantity, raw_quantity, received_quantity,
           raw_received_quantity, created_at, updated_at)
         SELECT 'pol_' || b.id, '${prefix}' || (g / 50), variant_id, product_id,
                inventory_item_id, title, sku, quantity - cancelled_quantity,
                jsonb_build_object('value', (quantity - cancelled_quantity)::text, 'precision', 20),
                ${status === "received" ? "quantity" : "0"},
                jsonb_build_object('value', ${status === "received" ? "quantity" : "0"}::text, 'precision', 20),
                created_at, created_at
         FROM b
         RETURNING id
       )
       INSERT INTO purchase_order_line_backorder (id, purchase_order_line_id, backorder_id,
         quantity, raw_quantity, created_at, updated_at)
       SELECT 'polb_' || b.id, 'pol_' || b.id, b.id, quantity - cancelled_quantity,
              jsonb_build_object('value', (quantity - cancelled_quantity)::text, 'precision', 20),
              created_at, created_at
       FROM b`,
      { shop: store.shopLocationId }
    )
  await poRows(
    "status IN ('on_order', 'partially_available', 'available')",
    "po_bench_",
    "ordered"
  )
  await poRows(
    "status = 'fulfilled' AND CAST(substr(b.id, 10) AS int) % 10 = 1",
    "po_bench_h",
    "received"
  )

  for (const table of [
    "backorder",
    "backorder_customer",
    "backorder_search_text",
    "customer",
    '"order"',
    "order_item",
    "order_line_item",
    "order_summary",
    "purchase_order",
    "purchase_order_line",
    "purchase_order_line_backorder",
  ]) {
    await knex.raw(`VACUUM ANALYZE ${table}`)
  }

  return {
    ...(await describeHistory(container, total, store.shopLocationId)),
    seconds: Math.round((Date.now() - started) / 1000),
  }
}

/**
 * The history `seedHistory` seeded earlier in this database (`BENCH_SCALE_REUSE=1`): the
 * same figures and sample, nothing written but the demo store's idempotent seed.
 */
export async function readSeededHistory(
  container: MedusaContainer,
  total: number
): Promise<SeededHistory> {
  const { store } = await setUpBench(container)
  return {
    ...(await describeHistory(container, total, store.shopLocationId)),
    seconds: 0,
  }
}

async function describeHistory(
  container: MedusaContainer,
  total: number,
  shopLocationId: string
): Promise<Omit<SeededHistory, "seconds">> {
  const knex = container.resolve(
    ContainerRegistrationKeys.PG_CONNECTION
  ) as unknown as Knex
  const {
    rows: [sample],
  } = await knex.raw(
    `SELECT o.display_id, o.email, b.sku FROM backorder b
     JOIN "order" o ON o.id = b.order_id
     WHERE b.id = 'bo_bench_' || ?`,
    [total - 7]
  )
  return {
    backorders: total,
    open: Math.round(total / 10),
    orders: total,
    customers: Math.max(Math.round(total / 10), 100),
    sample: {
      email: sample.email,
      display_id: Number(sample.display_id),
      sku: sample.sku,
    },
    shopLocationId,
  }
}

/**
 * Copies one row of `table` for g = from .. to, with some columns given as SQL expressions
 * of `g` and some left to their defaults; every other column keeps the template's value.
 */
async function clone(
  knex: Knex,
  table: string,
  templateId: string,
  from: number,
  to: number,
  overrides: Record<string, string>,
  defaults: string[] = []
) {
  const { rows } = await knex.raw(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ?
     ORDER BY ordinal_position`,
    [table]
  )
  const columns = rows
    .map((r: { column_name: string }) => r.column_name)
    .filter((c: string) => !defaults.includes(c))
  await knex.raw(
    `INSERT INTO "${table}" (${columns.map((c: string) => `"${c}"`).join(", ")})
     SELECT ${columns
       .map((c: string) => (c in overrides ? overrides[c] : `t."${c}"`))
       .join(", ")}
     FROM "${table}" t, generate_series(${from}, ${to}) g
     WHERE t.id = ?`,
    [templateId]
  )
}
