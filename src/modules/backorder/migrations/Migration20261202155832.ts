import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202155832 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "purchase_order_dispatch" ("id" text not null, "sent_to" text not null, "sent_at" timestamptz not null, "sent_by" text null, "file_id" text null, "file_url" text null, "notification_id" text null, "note" text null, "purchase_order_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_dispatch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_dispatch_purchase_order_id" ON "purchase_order_dispatch" ("purchase_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_dispatch_deleted_at" ON "purchase_order_dispatch" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "purchase_order_dispatch" add constraint "purchase_order_dispatch_purchase_order_id_foreign" foreign key ("purchase_order_id") references "purchase_order" ("id") on update cascade;`);

    this.addSql(`alter table if exists "backorder" add column if not exists "late_at" timestamptz null, add column if not exists "late_promised_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "purchase_order_dispatch" cascade;`);

    this.addSql(`alter table if exists "backorder" drop column if exists "late_at", drop column if exists "late_promised_at";`);
  }

}
