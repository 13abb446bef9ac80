import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202154126 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shortage_check" drop constraint if exists "shortage_check_line_item_unique";`);
    this.addSql(`create table if not exists "shortage_check" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "inventory_item_id" text not null, "location_id" text not null, "checked_quantity" numeric not null, "short_quantity" numeric not null, "raw_checked_quantity" jsonb not null, "raw_short_quantity" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shortage_check_pkey" primary key ("id"), constraint CK_shortage_check_quantities check (checked_quantity >= 0 AND short_quantity >= 0 AND short_quantity <= checked_quantity));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shortage_check_deleted_at" ON "shortage_check" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shortage_check_line_item_unique" ON "shortage_check" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shortage_check_order_id" ON "shortage_check" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shortage_check" cascade;`);
  }

}
