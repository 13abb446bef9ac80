import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203161228 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_backorder_supplier_id";`);
    this.addSql(`drop index if exists "IDX_backorder_created_at";`);
    this.addSql(`drop index if exists "IDX_backorder_open_inventory_item";`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_supplier_id" ON "backorder" ("supplier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_created_at" ON "backorder" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_open_inventory_item" ON "backorder" ("inventory_item_id", "location_id") WHERE deleted_at IS NULL AND status IN ('new', 'on_order', 'partially_available', 'available');`);
  }

}
