import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203075807 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "transfer_receipt" drop constraint if exists "transfer_receipt_idempotency_key_unique";`);
    this.addSql(`alter table if exists "transfer_line_backorder" drop constraint if exists "transfer_line_backorder_unique";`);
    this.addSql(`create table if not exists "transfer" ("id" text not null, "display_id" serial, "status" text check ("status" in ('draft', 'in_transit', 'partially_received', 'received', 'cancelled')) not null default 'draft', "source_location_id" text not null, "destination_location_id" text not null, "sent_at" timestamptz null, "received_at" timestamptz null, "cancelled_at" timestamptz null, "note" text null, "created_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transfer_pkey" primary key ("id"), constraint chk_transfer_locations_differ check (source_location_id <> destination_location_id));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_deleted_at" ON "transfer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_status" ON "transfer" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_source_location_id" ON "transfer" ("source_location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_destination_location_id" ON "transfer" ("destination_location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_created_at" ON "transfer" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transfer_line" ("id" text not null, "variant_id" text not null, "inventory_item_id" text not null, "title" text null, "sku" text null, "quantity" numeric not null, "sent_quantity" numeric not null default 0, "received_quantity" numeric not null default 0, "transfer_id" text not null, "raw_quantity" jsonb not null, "raw_sent_quantity" jsonb not null default '{"value":"0","precision":20}', "raw_received_quantity" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transfer_line_pkey" primary key ("id"), constraint chk_transfer_line_quantity_positive check (quantity > 0), constraint chk_transfer_line_received_within_sent check (received_quantity >= 0 AND received_quantity <= sent_quantity AND sent_quantity <= quantity));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_line_transfer_id" ON "transfer_line" ("transfer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_line_deleted_at" ON "transfer_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_line_inventory_item_id" ON "transfer_line" ("inventory_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transfer_line_backorder" ("id" text not null, "quantity" numeric not null, "transfer_line_id" text not null, "backorder_id" text not null, "raw_quantity" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transfer_line_backorder_pkey" primary key ("id"), constraint chk_transfer_line_backorder_quantity_positive check (quantity > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_line_backorder_transfer_line_id" ON "transfer_line_backorder" ("transfer_line_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_line_backorder_backorder_id" ON "transfer_line_backorder" ("backorder_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_line_backorder_deleted_at" ON "transfer_line_backorder" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_transfer_line_backorder_unique" ON "transfer_line_backorder" ("transfer_line_id", "backorder_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transfer_receipt" ("id" text not null, "received_at" timestamptz not null, "received_by" text null, "idempotency_key" text null, "lines" jsonb not null, "note" text null, "metadata" jsonb null, "transfer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transfer_receipt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_receipt_transfer_id" ON "transfer_receipt" ("transfer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_receipt_deleted_at" ON "transfer_receipt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_transfer_receipt_idempotency_key_unique" ON "transfer_receipt" ("transfer_id", "idempotency_key") WHERE deleted_at IS NULL AND idempotency_key IS NOT NULL;`);

    this.addSql(`alter table if exists "transfer_line" add constraint "transfer_line_transfer_id_foreign" foreign key ("transfer_id") references "transfer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "transfer_line_backorder" add constraint "transfer_line_backorder_transfer_line_id_foreign" foreign key ("transfer_line_id") references "transfer_line" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table if exists "transfer_line_backorder" add constraint "transfer_line_backorder_backorder_id_foreign" foreign key ("backorder_id") references "backorder" ("id") on update cascade;`);

    this.addSql(`alter table if exists "transfer_receipt" add constraint "transfer_receipt_transfer_id_foreign" foreign key ("transfer_id") references "transfer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "allocation" drop constraint if exists "allocation_rule_check";`);

    this.addSql(`alter table if exists "allocation" add column if not exists "transfer_id" text null, add column if not exists "transfer_receipt_id" text null;`);
    this.addSql(`alter table if exists "allocation" add constraint "allocation_rule_check" check("rule" in ('linked_purchase_order', 'linked_transfer', 'fifo', 'priority', 'deposit_first', 'manual'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_allocation_transfer_id" ON "allocation" ("transfer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "transfer_line" drop constraint if exists "transfer_line_transfer_id_foreign";`);

    this.addSql(`alter table if exists "transfer_receipt" drop constraint if exists "transfer_receipt_transfer_id_foreign";`);

    this.addSql(`alter table if exists "transfer_line_backorder" drop constraint if exists "transfer_line_backorder_transfer_line_id_foreign";`);

    this.addSql(`drop table if exists "transfer" cascade;`);

    this.addSql(`drop table if exists "transfer_line" cascade;`);

    this.addSql(`drop table if exists "transfer_line_backorder" cascade;`);

    this.addSql(`drop table if exists "transfer_receipt" cascade;`);

    this.addSql(`alter table if exists "allocation" drop constraint if exists "allocation_rule_check";`);

    this.addSql(`drop index if exists "IDX_allocation_transfer_id";`);
    this.addSql(`alter table if exists "allocation" drop column if exists "transfer_id", drop column if exists "transfer_receipt_id";`);

    this.addSql(`alter table if exists "allocation" add constraint "allocation_rule_check" check("rule" in ('linked_purchase_order', 'fifo', 'priority', 'deposit_first', 'manual'));`);
  }

}
