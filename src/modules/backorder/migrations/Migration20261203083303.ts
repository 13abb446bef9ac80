import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203083303 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_status_created_at" ON "backorder" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_status_promised_at" ON "backorder" ("status", "promised_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_supplier_status" ON "backorder" ("supplier_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_sku" ON "backorder" ("sku") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_title" ON "backorder" ("title") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_open_inventory_item" ON "backorder" ("inventory_item_id", "location_id") WHERE deleted_at IS NULL AND status IN ('new', 'on_order', 'partially_available', 'available');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_backorder_status_created_at";`);
    this.addSql(`drop index if exists "IDX_backorder_status_promised_at";`);
    this.addSql(`drop index if exists "IDX_backorder_supplier_status";`);
    this.addSql(`drop index if exists "IDX_backorder_sku";`);
    this.addSql(`drop index if exists "IDX_backorder_title";`);
    this.addSql(`drop index if exists "IDX_backorder_open_inventory_item";`);
  }

}
