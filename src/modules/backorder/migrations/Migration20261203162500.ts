import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written (DML cannot declare a GIN operator class or an expression index): fills
 * `backorder_customer` with the customers who already have backorders, and indexes its
 * searchable fields for the staff search's `ILIKE '%q%'` with one trigram index over them
 * joined by spaces (the expression `BACKORDER_CUSTOMER_SEARCH_TEXT` of
 * queries/reporting.ts, which must stay the same text for the index to serve it).
 *
 * - The copy reads Medusa's `customer` table when it is in this database (Medusa's default:
 *   one database for every module); without it nothing is copied here and the customers
 *   are copied as they get backorders or are updated.
 * - Without `pg_trgm` no index is created and the customer search reads this table (the
 *   customers with backorders, not every customer of the store).
 */
export class Migration20261203162500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`DO $$
BEGIN
  IF to_regclass('customer') IS NOT NULL THEN
    INSERT INTO "backorder_customer" (id, email, first_name, last_name, company_name, phone)
    SELECT c.id, c.email, c.first_name, c.last_name, c.company_name, c.phone
    FROM customer c
    WHERE c.deleted_at IS NULL
      AND c.id IN (SELECT customer_id FROM backorder WHERE customer_id IS NOT NULL)
    ON CONFLICT (id) DO NOTHING;
  END IF;
END $$;`)
    this.addSql(`DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS "IDX_backorder_customer_search_trgm" ON "backorder_customer"
      USING gin ((coalesce(email, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(company_name, '') || ' ' || coalesce(phone, '')) gin_trgm_ops)
      WHERE deleted_at IS NULL;
  END IF;
END $$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_backorder_customer_search_trgm";`)
  }
}
