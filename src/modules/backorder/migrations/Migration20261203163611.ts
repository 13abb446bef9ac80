import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203163611 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_waiting_promised_at" ON "backorder" ("promised_at", "id") WHERE deleted_at IS NULL AND status IN ('new', 'on_order', 'partially_available');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_backorder_waiting_promised_at";`);
  }

}
