import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written (DML cannot declare a GIN operator class): the staff search of SKU and title
 * moves from two trigram indexes on `backorder` to one on `backorder_search_text` (the
 * distinct SKUs and titles, generated Migration20261203192852).
 *
 * - Fills the table with every distinct `sku` and `title` the backorders have (two
 *   sequential reads of `backorder`, 2.6 s at a million; they block no writer). From here on
 *   `createBackorders` writes the texts of the backorders it records: a server of an older
 *   version still running after this migration records backorders without their texts
 *   (they are found again once a newer server records the same SKU or title), so run it
 *   with the new version.
 * - Trigram index on `value` when `pg_trgm` is installed (Migration20261203083400 tries to
 *   create it); without it the search reads this table (thousands of rows, not a million).
 * - Drops `IDX_backorder_sku_trgm` and `IDX_backorder_title_trgm`: the search no longer
 *   reads them, and every non-HOT UPDATE of a backorder (each allocation) wrote an entry
 *   into both. The search now finds the backorders by `sku` / `title` equality, served by
 *   the btree indexes `IDX_backorder_sku` / `IDX_backorder_title`.
 */
export class Migration20261203192900 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `INSERT INTO "backorder_search_text" (value)
SELECT sku FROM backorder WHERE sku IS NOT NULL
UNION
SELECT title FROM backorder WHERE title IS NOT NULL
ON CONFLICT (value) DO NOTHING;`
    )
    this.addSql(`DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS "IDX_backorder_search_text_value_trgm" ON "backorder_search_text"
      USING gin ("value" gin_trgm_ops);
  END IF;
END $$;`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_backorder_sku_trgm";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_backorder_title_trgm";`)
  }

  override async down(): Promise<void> {
    this.addSql(`DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS "IDX_backorder_sku_trgm" ON "backorder"
      USING gin ("sku" gin_trgm_ops) WHERE deleted_at IS NULL;
    CREATE INDEX IF NOT EXISTS "IDX_backorder_title_trgm" ON "backorder"
      USING gin ("title" gin_trgm_ops) WHERE deleted_at IS NULL;
  END IF;
END $$;`)
    this.addSql(
      `DROP INDEX IF EXISTS "IDX_backorder_search_text_value_trgm";`
    )
  }
}
