import { AxiosInstance, AxiosResponse } from "axios"
import { Cluster } from "./harness"

/**
 * What the race tests do through the real admin and store APIs of the cluster: a fresh item
 * per race, POS to-order sales, storefront checkouts split into a prepared cart and its
 * completion, purchase orders and receipts. Clients retry a 409 (a lost lock race) the way the
 * README asks them to, a bounded number of times, and count the 409s.
 */

export const MAX_ATTEMPTS = 8

/** 409s seen in a race, and until when (epoch ms) its clients may still retry. */
export type Tally = { conflicts: number; retryUntil: number }

/** A tally for a race whose clients retry 409s for at most `ms` from now. */
export const tally = (ms = 90000): Tally => ({
  conflicts: 0,
  retryUntil: Date.now() + ms,
})

export class RequestFailed extends Error {
  constructor(
    readonly what: string,
    readonly status: number,
    readonly data: unknown
  ) {
    super(`${what}: ${status} ${JSON.stringify(data)}`)
  }
}

function expectOk<T = any>(what: string, res: AxiosResponse<T>): T {
  if (res.status < 200 || res.status >= 300) {
    throw new RequestFailed(what, res.status, res.data)
  }
  return res.data
}

/**
 * Sends `request` until it is not a 409, at most MAX_ATTEMPTS times and not after the tally's
 * `retryUntil`, backing off a little.
 */
export async function retryingConflicts(
  tally: Tally,
  request: () => Promise<AxiosResponse>
): Promise<AxiosResponse> {
  for (let attempt = 1; ; attempt++) {
    const res = await request()
    if (
      res.status !== 409 ||
      attempt === MAX_ATTEMPTS ||
      Date.now() > tally.retryUntil
    ) {
      return res
    }
    tally.conflicts++
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt))
  }
}

/** Runs `work` for every element with at most `limit` at a time, keeping the order. */
export async function mapLimited<T, R>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await work(items[index], index)
      }
    })
  )
  return results
}

export type Item = {
  productId: string
  variantId: string
  inventoryItemId: string
  sku: string
}

let itemCount = 0

/**
 * A published product with one variant that allows backorder, sold in the webshop, with
 * `stocked` units at the warehouse (the location the webshop and the POS sales both use).
 */
export async function createItem(
  cluster: Cluster,
  label: string,
  stocked: number
): Promise<Item> {
  const admin = cluster.admin[0]
  const sku = `RACE-${label}-${Date.now()}-${++itemCount}`.toUpperCase()
  const { product } = expectOk(
    "create product",
    await admin.post("/admin/products", {
      title: `Race ${label}`,
      status: "published",
      shipping_profile_id: cluster.store.shippingProfileId,
      options: [{ title: "Size", values: ["One"] }],
      variants: [
        {
          title: "One",
          sku,
          manage_inventory: true,
          allow_backorder: true,
          options: { Size: "One" },
          prices: [{ amount: 50, currency_code: "eur" }],
        },
      ],
      sales_channels: [{ id: cluster.store.webChannelId }],
    })
  )
  const variantId = product.variants[0].id
  const { rows } = await cluster.pool.query(
    `SELECT inventory_item_id FROM product_variant_inventory_item
      WHERE variant_id = $1 AND deleted_at IS NULL`,
    [variantId]
  )
  const inventoryItemId = rows[0].inventory_item_id as string
  expectOk(
    "create inventory level",
    await admin.post(
      `/admin/inventory-items/${inventoryItemId}/location-levels`,
      {
        location_id: cluster.store.warehouseLocationId,
        stocked_quantity: stocked,
      }
    )
  )
  return { productId: product.id, variantId, inventoryItemId, sku }
}

/** A POS to-order sale of `quantity` at the warehouse for the demo customer, paid now. */
export function sale(
  cluster: Cluster,
  admin: AxiosInstance,
  item: Item,
  quantity = 1
) {
  return admin.post("/admin/to-order-sales", {
    customer_id: cluster.store.customerId,
    location_id: cluster.store.warehouseLocationId,
    lines: [{ variant_id: item.variantId, quantity }],
    payment_policy: "pay_now",
  })
}

/**
 * A guest cart of `quantity` of the item with address, shipping method and a payment session
 * of the manual provider: everything of a checkout but its completion.
 */
export async function prepareCart(
  cluster: Cluster,
  shop: AxiosInstance,
  item: Item,
  email: string,
  quantity = 1
): Promise<string> {
  const { cart } = expectOk(
    "create cart",
    await shop.post("/store/carts", {
      region_id: cluster.store.regionId,
      sales_channel_id: cluster.store.webChannelId,
      email,
      items: [{ variant_id: item.variantId, quantity }],
    })
  )
  expectOk(
    "cart address",
    await shop.post(`/store/carts/${cart.id}`, {
      shipping_address: {
        first_name: "Sam",
        last_name: "Shopper",
        address_1: "1 Canal Street",
        city: "Amsterdam",
        postal_code: "1012",
        country_code: "nl",
      },
    })
  )
  const { shipping_options } = expectOk(
    "shipping options",
    await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
  )
  expectOk(
    "shipping method",
    await shop.post(`/store/carts/${cart.id}/shipping-methods`, {
      option_id: shipping_options[0].id,
    })
  )
  const { payment_collection } = expectOk(
    "payment collection",
    await shop.post("/store/payment-collections", { cart_id: cart.id })
  )
  expectOk(
    "payment session",
    await shop.post(
      `/store/payment-collections/${payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" }
    )
  )
  return cart.id
}

/** Completes a prepared cart; resolves with the order id (retrying 409s). */
export async function completeCart(
  shop: AxiosInstance,
  cartId: string,
  tally: Tally
): Promise<string> {
  const res = await retryingConflicts(tally, () =>
    shop.post(`/store/carts/${cartId}/complete`, {})
  )
  const data = expectOk(`complete cart ${cartId}`, res)
  if (data.type !== "order") {
    throw new RequestFailed(`complete cart ${cartId}`, res.status, data)
  }
  return data.order.id
}

/** Makes a sale, retrying 409s; resolves with the order id and the backorders it recorded. */
export async function completeSale(
  cluster: Cluster,
  admin: AxiosInstance,
  item: Item,
  tally: Tally,
  quantity = 1
): Promise<{ orderId: string; backordered: number }> {
  const res = await retryingConflicts(tally, () =>
    sale(cluster, admin, item, quantity)
  )
  const data = expectOk("to-order sale", res)
  return {
    orderId: data.order.id,
    backordered: data.backorders.reduce(
      (sum: number, b: { quantity: number }) => sum + Number(b.quantity),
      0
    ),
  }
}

/** A purchase order of `quantity` of the item to the warehouse, sent (incoming raised). */
export async function sentPurchaseOrder(
  cluster: Cluster,
  item: Item,
  quantity: number
): Promise<{ id: string; lineId: string }> {
  const admin = cluster.admin[0]
  const { purchase_order } = expectOk(
    "create purchase order",
    await admin.post("/admin/purchase-orders", {
      supplier_id: cluster.store.supplierId,
      location_id: cluster.store.warehouseLocationId,
      lines: [{ variant_id: item.variantId, quantity }],
    })
  )
  expectOk(
    "send purchase order",
    await admin.post(`/admin/purchase-orders/${purchase_order.id}/send`, {})
  )
  return { id: purchase_order.id, lineId: purchase_order.lines[0].id }
}

/** Receives `quantity` on the purchase order's line, retrying 409s with the same key. */
export async function receive(
  admin: AxiosInstance,
  purchaseOrder: { id: string; lineId: string },
  quantity: number,
  idempotencyKey: string,
  tally: Tally
) {
  const res = await retryingConflicts(tally, () =>
    admin.post(`/admin/purchase-orders/${purchaseOrder.id}/receive`, {
      lines: [{ purchase_order_line_id: purchaseOrder.lineId, quantity }],
      idempotency_key: idempotencyKey,
    })
  )
  return expectOk(`receive on ${purchaseOrder.id}`, res)
}

/**
 * A transfer of the item from the shop to the warehouse for these backorders (waiting at the
 * warehouse), sent: the units leave the shop and are incoming at the warehouse.
 */
export async function sentTransfer(
  cluster: Cluster,
  backorderIds: string[]
): Promise<{ id: string; lineId: string }> {
  const admin = cluster.admin[0]
  const { transfer } = expectOk(
    "request transfer",
    await admin.post("/admin/transfers/request-stock", {
      backorder_ids: backorderIds,
      source_location_id: cluster.store.shopLocationId,
    })
  )
  expectOk(
    "send transfer",
    await admin.post(`/admin/transfers/${transfer.id}/send`, {})
  )
  return { id: transfer.id, lineId: transfer.lines[0].id }
}

/** Receives `quantity` on the transfer's line, retrying 409s with the same key. */
export async function receiveTransfer(
  admin: AxiosInstance,
  transfer: { id: string; lineId: string },
  quantity: number,
  idempotencyKey: string,
  tally: Tally
) {
  const res = await retryingConflicts(tally, () =>
    admin.post(`/admin/transfers/${transfer.id}/receive`, {
      lines: [{ transfer_line_id: transfer.lineId, quantity }],
      idempotency_key: idempotencyKey,
    })
  )
  return expectOk(`receive on ${transfer.id}`, res)
}

/** Per order with a line of the item: its backordered units (open or not) and when it reserved. */
export async function ordersOf(cluster: Cluster, item: Item) {
  const { rows } = await cluster.pool.query(
    `SELECT li.id AS line_item_id, oi.order_id,
            MIN(r.created_at) AS reserved_at, o.created_at AS placed_at,
            COALESCE((SELECT SUM(b.quantity) FROM backorder b
                       WHERE b.line_item_id = li.id AND b.deleted_at IS NULL), 0)::int AS backordered,
            (SELECT COUNT(*) FROM backorder b
              WHERE b.line_item_id = li.id AND b.deleted_at IS NULL)::int AS backorder_rows
       FROM order_line_item li
       JOIN order_item oi ON oi.item_id = li.id AND oi.deleted_at IS NULL
       JOIN "order" o ON o.id = oi.order_id AND o.deleted_at IS NULL
       LEFT JOIN reservation_item r ON r.line_item_id = li.id
      WHERE li.variant_id = $1 AND li.deleted_at IS NULL
      GROUP BY li.id, oi.order_id, o.created_at
      ORDER BY MIN(r.created_at), o.created_at, oi.order_id`,
    [item.variantId]
  )
  return rows as {
    line_item_id: string
    order_id: string
    reserved_at: Date
    placed_at: Date
    backordered: number
    backorder_rows: number
  }[]
}

/** The item's inventory level at the warehouse (or another location) as plain numbers. */
export async function levelOf(
  cluster: Cluster,
  item: Item,
  locationId = cluster.store.warehouseLocationId
) {
  const { rows } = await cluster.pool.query(
    `SELECT stocked_quantity::int AS stocked, reserved_quantity::int AS reserved,
            incoming_quantity::int AS incoming
       FROM inventory_level
      WHERE inventory_item_id = $1 AND location_id = $2 AND deleted_at IS NULL`,
    [item.inventoryItemId, locationId]
  )
  return rows[0] as { stocked: number; reserved: number; incoming: number }
}

/**
 * "Nothing half-made": every order line of the item is fully reserved (live reservations sum
 * to its quantity), and the item's stock equals what receipts put into stock plus `initial`.
 */
export async function halfMade(cluster: Cluster, item: Item, initial: number) {
  const { rows: lines } = await cluster.pool.query(
    `WITH lines AS (
       SELECT DISTINCT ON (oi.item_id) oi.order_id, oi.item_id, oi.quantity
         FROM order_item oi
         JOIN order_line_item li ON li.id = oi.item_id
        WHERE oi.deleted_at IS NULL AND li.variant_id = $1
        ORDER BY oi.item_id, oi.version DESC
     )
     SELECT l.order_id, l.item_id, l.quantity::text AS quantity,
            COALESCE(SUM(r.quantity), 0)::text AS reserved
       FROM lines l
       JOIN "order" o ON o.id = l.order_id AND o.status <> 'canceled'
       LEFT JOIN reservation_item r ON r.line_item_id = l.item_id AND r.deleted_at IS NULL
      GROUP BY l.order_id, l.item_id, l.quantity
     HAVING l.quantity <> COALESCE(SUM(r.quantity), 0)`,
    [item.variantId]
  )
  const { rows: stock } = await cluster.pool.query(
    `SELECT il.stocked_quantity::text AS stocked,
            ($2 + COALESCE((SELECT SUM(l.stocked_quantity) FROM purchase_order_line l
                             WHERE l.inventory_item_id = il.inventory_item_id
                               AND l.deleted_at IS NULL), 0))::text AS stocked_by_receipts,
            COALESCE((SELECT SUM(rl.quantity) FROM receipt_line rl
                        JOIN purchase_order_line l ON l.id = rl.purchase_order_line_id
                       WHERE l.inventory_item_id = il.inventory_item_id
                         AND rl.deleted_at IS NULL), 0)::text AS receipt_lines,
            COALESCE((SELECT SUM(l.received_quantity) FROM purchase_order_line l
                       WHERE l.inventory_item_id = il.inventory_item_id
                         AND l.deleted_at IS NULL), 0)::text AS received_on_lines
       FROM inventory_level il
      WHERE il.inventory_item_id = $1 AND il.deleted_at IS NULL`,
    [item.inventoryItemId, initial]
  )
  return {
    linesNotFullyReserved: lines,
    stock: stock.filter(
      (s) =>
        s.stocked !== s.stocked_by_receipts ||
        s.receipt_lines !== s.received_on_lines
    ),
  }
}
