import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203161823 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "backorder_customer" ("id" text not null, "email" text null, "first_name" text null, "last_name" text null, "company_name" text null, "phone" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "backorder_customer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_customer_deleted_at" ON "backorder_customer" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "backorder_customer" cascade;`);
  }

}
