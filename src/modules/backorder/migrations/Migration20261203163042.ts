import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203163042 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_backorder_status_created_at";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_status_created_at_id" ON "backorder" ("status", "created_at", "id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_backorder_status_created_at_id";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_status_created_at" ON "backorder" ("status", "created_at") WHERE deleted_at IS NULL;`);
  }

}
