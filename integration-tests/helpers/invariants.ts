/**
 * The invariants of the domain (docs: DOMAIN.md, "Invariants") as SQL over the whole database,
 * for any test that can reach it: the cluster tests with a `pg` pool, the HTTP tests with the
 * runner's knex (`dbConnection.raw`). Each check returns the rows that break it, so a test
 * asserts `expect(await invariantViolations(sql)).toEqual({})` and a failure names the
 * records and the numbers.
 */

/** Runs one parameterless SQL statement and returns its rows. */
export type Sql = (text: string) => Promise<Record<string, unknown>[]>

/** A `Sql` over a `pg` Pool or Client. */
export const sqlOfPg =
  (client: {
    query: (text: string) => Promise<{ rows: Record<string, unknown>[] }>
  }): Sql =>
  async (text) =>
    (await client.query(text)).rows

/** A `Sql` over knex (the HTTP runner's `dbConnection`). */
export const sqlOfKnex =
  (knex: {
    raw: (text: string) => Promise<{ rows: Record<string, unknown>[] }>
  }): Sql =>
  async (text) =>
    (await knex.raw(text)).rows

// Inventory the plugin manages: items on a backorder, a purchase order line or a transfer line.
const MANAGED_ITEMS = `
  SELECT inventory_item_id FROM backorder WHERE deleted_at IS NULL
  UNION
  SELECT inventory_item_id FROM purchase_order_line
   WHERE deleted_at IS NULL AND inventory_item_id IS NOT NULL
  UNION
  SELECT inventory_item_id FROM transfer_line WHERE deleted_at IS NULL`

/**
 * One statement per invariant, each selecting the offending rows.
 * Numbers are cast to text so that a failure prints them exactly.
 */
export const INVARIANTS = {
  /** 1. allocated + cancelled <= quantity, fulfilled <= allocated, all >= 0. */
  backorderQuantities: `
    SELECT id, quantity::text, allocated_quantity::text AS allocated,
           cancelled_quantity::text AS cancelled, fulfilled_quantity::text AS fulfilled
      FROM backorder
     WHERE deleted_at IS NULL
       AND (allocated_quantity + cancelled_quantity > quantity
            OR fulfilled_quantity > allocated_quantity
            OR quantity <= 0 OR allocated_quantity < 0
            OR cancelled_quantity < 0 OR fulfilled_quantity < 0)`,

  /** 2. received + cancelled <= ordered on every purchase order line. */
  purchaseOrderLineQuantities: `
    SELECT id, quantity::text AS ordered, received_quantity::text AS received,
           cancelled_quantity::text AS cancelled
      FROM purchase_order_line
     WHERE deleted_at IS NULL
       AND (received_quantity + cancelled_quantity > quantity
            OR received_quantity < 0 OR cancelled_quantity < 0)`,

  /**
   * 3. Per inventory item and location, the units allocated from receipts never exceed the
   * units received on purchase orders to that location.
   */
  allocatedWithinReceived: `
    WITH allocated AS (
      SELECT inventory_item_id, location_id, SUM(quantity) AS quantity
        FROM allocation
       WHERE deleted_at IS NULL AND source = 'receipt'
       GROUP BY 1, 2
    ), received AS (
      SELECT l.inventory_item_id, po.location_id, SUM(l.received_quantity) AS quantity
        FROM purchase_order_line l
        JOIN purchase_order po ON po.id = l.purchase_order_id AND po.deleted_at IS NULL
       WHERE l.deleted_at IS NULL AND po.location_id IS NOT NULL
       GROUP BY 1, 2
    )
    SELECT a.inventory_item_id, a.location_id, a.quantity::text AS allocated,
           COALESCE(r.quantity, 0)::text AS received
      FROM allocated a
      LEFT JOIN received r USING (inventory_item_id, location_id)
     WHERE a.quantity > COALESCE(r.quantity, 0)`,

  /**
   * 3b. The same for transfers: units allocated from transfers never exceed the units
   * received on transfers to that location.
   */
  allocatedWithinTransferred: `
    WITH allocated AS (
      SELECT inventory_item_id, location_id, SUM(quantity) AS quantity
        FROM allocation
       WHERE deleted_at IS NULL AND source = 'transfer'
       GROUP BY 1, 2
    ), received AS (
      SELECT l.inventory_item_id, t.destination_location_id AS location_id,
             SUM(l.received_quantity) AS quantity
        FROM transfer_line l
        JOIN transfer t ON t.id = l.transfer_id AND t.deleted_at IS NULL
       WHERE l.deleted_at IS NULL
       GROUP BY 1, 2
    )
    SELECT a.inventory_item_id, a.location_id, a.quantity::text AS allocated,
           COALESCE(r.quantity, 0)::text AS received
      FROM allocated a
      LEFT JOIN received r USING (inventory_item_id, location_id)
     WHERE a.quantity > COALESCE(r.quantity, 0)`,

  /** 4. stocked_quantity never below 0 for the inventory the plugin manages. */
  stockNotNegative: `
    SELECT id, inventory_item_id, location_id, stocked_quantity::text AS stocked
      FROM inventory_level
     WHERE deleted_at IS NULL AND stocked_quantity < 0
       AND inventory_item_id IN (${MANAGED_ITEMS})`,

  /**
   * 5. incoming_quantity at a location equals what is ordered and not yet received or
   * cancelled on the open (sent) purchase orders to it, plus the units in transit on
   * transfers to it.
   */
  incomingMatchesOpenPurchaseOrders: `
    WITH in_flow AS (
      SELECT l.inventory_item_id, po.location_id,
             SUM(GREATEST(l.quantity - l.received_quantity - l.cancelled_quantity, 0)) AS quantity
        FROM purchase_order_line l
        JOIN purchase_order po ON po.id = l.purchase_order_id AND po.deleted_at IS NULL
       WHERE l.deleted_at IS NULL AND po.is_dropship = false
         AND po.status IN ('ordered', 'partially_received')
       GROUP BY 1, 2
      UNION ALL
      SELECT l.inventory_item_id, t.destination_location_id,
             SUM(l.sent_quantity - l.received_quantity)
        FROM transfer_line l
        JOIN transfer t ON t.id = l.transfer_id AND t.deleted_at IS NULL
       WHERE l.deleted_at IS NULL AND t.status IN ('in_transit', 'partially_received')
       GROUP BY 1, 2
    ), open AS (
      SELECT inventory_item_id, location_id, SUM(quantity) AS quantity
        FROM in_flow GROUP BY 1, 2
    )
    SELECT il.inventory_item_id, il.location_id, il.incoming_quantity::text AS incoming,
           COALESCE(open.quantity, 0)::text AS open_on_purchase_orders
      FROM inventory_level il
      LEFT JOIN open USING (inventory_item_id, location_id)
     WHERE il.deleted_at IS NULL
       AND il.inventory_item_id IN (${MANAGED_ITEMS})
       AND il.incoming_quantity <> COALESCE(open.quantity, 0)`,

  /** 8a. A backorder's allocated quantity equals the sum of its ledger rows. */
  allocatedMatchesLedger: `
    SELECT b.id, b.allocated_quantity::text AS allocated,
           COALESCE(SUM(a.quantity), 0)::text AS ledger
      FROM backorder b
      LEFT JOIN allocation a ON a.backorder_id = b.id AND a.deleted_at IS NULL
     WHERE b.deleted_at IS NULL
     GROUP BY b.id, b.allocated_quantity
    HAVING b.allocated_quantity <> COALESCE(SUM(a.quantity), 0)`,

  /**
   * 8b. An order's `summary.paid_total` (its latest summary version) equals what was
   * captured minus what was refunded on the payments of its payment collections.
   */
  paidTotalMatchesPayments: `
    WITH money AS (
      SELECT opc.order_id,
             COALESCE(SUM((SELECT COALESCE(SUM(c.amount), 0) FROM capture c
                             WHERE c.payment_id = p.id AND c.deleted_at IS NULL)), 0)
           - COALESCE(SUM((SELECT COALESCE(SUM(r.amount), 0) FROM refund r
                             WHERE r.payment_id = p.id AND r.deleted_at IS NULL)), 0) AS paid
        FROM order_payment_collection opc
        JOIN payment p ON p.payment_collection_id = opc.payment_collection_id
                      AND p.deleted_at IS NULL
       WHERE opc.deleted_at IS NULL
       GROUP BY opc.order_id
    ), summary AS (
      SELECT DISTINCT ON (order_id) order_id,
             COALESCE((totals->>'paid_total')::numeric, 0) AS paid_total
        FROM order_summary
       WHERE deleted_at IS NULL
       ORDER BY order_id, version DESC
    )
    SELECT o.id AS order_id, COALESCE(s.paid_total, 0)::text AS paid_total,
           COALESCE(m.paid, 0)::text AS captured_minus_refunded
      FROM "order" o
      LEFT JOIN summary s ON s.order_id = o.id
      LEFT JOIN money m ON m.order_id = o.id
     WHERE o.deleted_at IS NULL
       AND COALESCE(s.paid_total, 0) <> COALESCE(m.paid, 0)`,

  /** An inventory level's reserved_quantity equals its live reservations. */
  reservedMatchesReservations: `
    WITH live AS (
      SELECT inventory_item_id, location_id, SUM(quantity) AS quantity
        FROM reservation_item
       WHERE deleted_at IS NULL
       GROUP BY 1, 2
    )
    SELECT il.inventory_item_id, il.location_id, il.reserved_quantity::text AS reserved,
           COALESCE(live.quantity, 0)::text AS live_reservations
      FROM inventory_level il
      LEFT JOIN live USING (inventory_item_id, location_id)
     WHERE il.deleted_at IS NULL
       AND il.reserved_quantity <> COALESCE(live.quantity, 0)`,
} as const

export type InvariantName = keyof typeof INVARIANTS

/**
 * Runs every invariant and returns only the broken ones, by name, with their offending rows:
 * `{}` when all hold.
 */
export async function invariantViolations(
  sql: Sql,
  names: InvariantName[] = Object.keys(INVARIANTS) as InvariantName[]
): Promise<Partial<Record<InvariantName, Record<string, unknown>[]>>> {
  const broken: Partial<Record<InvariantName, Record<string, unknown>[]>> = {}
  for (const name of names) {
    const rows = await sql(INVARIANTS[name])
    if (rows.length) {
      broken[name] = rows
    }
  }
  return broken
}

/**
 * Invariant 10, once every event has been handled: per inventory item and location (any item,
 * also one with no backorder yet), the units waiting on open backorders equal the units
 * reserved beyond what is on the shelf. Returns the levels where they differ (a short unit
 * lost or recorded twice).
 */
export const SHORTAGES_RECORDED = `
  WITH waiting AS (
    SELECT inventory_item_id, location_id,
           SUM(quantity - allocated_quantity - cancelled_quantity) AS quantity
      FROM backorder
     WHERE deleted_at IS NULL AND status NOT IN ('fulfilled', 'cancelled')
     GROUP BY 1, 2
  )
  SELECT il.inventory_item_id, il.location_id, il.stocked_quantity::text AS stocked,
         il.reserved_quantity::text AS reserved,
         COALESCE(waiting.quantity, 0)::text AS waiting_on_backorders
    FROM inventory_level il
    LEFT JOIN waiting USING (inventory_item_id, location_id)
   WHERE il.deleted_at IS NULL
     AND GREATEST(il.reserved_quantity - il.stocked_quantity, 0) <> COALESCE(waiting.quantity, 0)`

export async function unrecordedShortages(sql: Sql) {
  return sql(SHORTAGES_RECORDED)
}
