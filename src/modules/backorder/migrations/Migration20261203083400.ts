import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written (DML cannot declare an extension or a GIN operator class): trigram indexes
 * that serve the staff search's `sku ILIKE '%q%' OR title ILIKE '%q%'`.
 *
 * - Without the `pg_trgm` extension (not installed on the server, or no permission to
 *   create it) the migration changes nothing and the search reads the table, as before.
 * - Medusa runs a module's migrations in one transaction, where `CREATE INDEX
 *   CONCURRENTLY` is not allowed, so these (and the generated ones) lock writes to
 *   `backorder` while they are built. A merchant with a large table creates them first,
 *   concurrently (README: Large databases); `IF NOT EXISTS` then skips them here.
 */
export class Migration20261203083400 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm cannot be created (%): the backorder search runs without trigram indexes', SQLERRM;
END $$;`)
    this.addSql(`DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS "IDX_backorder_sku_trgm" ON "backorder"
      USING gin ("sku" gin_trgm_ops) WHERE deleted_at IS NULL;
    CREATE INDEX IF NOT EXISTS "IDX_backorder_title_trgm" ON "backorder"
      USING gin ("title" gin_trgm_ops) WHERE deleted_at IS NULL;
  END IF;
END $$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_backorder_sku_trgm";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_backorder_title_trgm";`)
  }
}
