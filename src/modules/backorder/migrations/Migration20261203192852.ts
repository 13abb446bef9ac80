import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203192852 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "backorder_search_text" ("value" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "backorder_search_text_pkey" primary key ("value"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_search_text_deleted_at" ON "backorder_search_text" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "backorder_search_text" cascade;`);
  }

}
