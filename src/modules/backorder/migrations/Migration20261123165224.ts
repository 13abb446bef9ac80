import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123165224 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "supplier_variant" drop constraint if exists "supplier_variant_preferred_unique";`);
    this.addSql(`alter table if exists "supplier_variant" drop constraint if exists "supplier_variant_supplier_id_variant_id_unique";`);
    this.addSql(`alter table if exists "purchase_order_line_backorder" drop constraint if exists "purchase_order_line_backorder_unique";`);
    this.addSql(`alter table if exists "receipt" drop constraint if exists "receipt_idempotency_key_unique";`);
    this.addSql(`alter table if exists "supplier" drop constraint if exists "supplier_code_unique";`);
    this.addSql(`alter table if exists "backorder" drop constraint if exists "backorder_line_item_id_unique";`);
    this.addSql(`create table if not exists "backorder" ("id" text not null, "status" text check ("status" in ('new', 'on_order', 'partially_available', 'available', 'fulfilled', 'cancelled')) not null default 'new', "source" text check ("source" in ('pos', 'storefront', 'admin')) not null, "order_id" text not null, "line_item_id" text not null, "customer_id" text null, "sales_channel_id" text null, "product_id" text null, "variant_id" text not null, "inventory_item_id" text not null, "location_id" text not null, "supplier_id" text null, "sku" text null, "title" text null, "quantity" numeric not null, "allocated_quantity" numeric not null default 0, "fulfilled_quantity" numeric not null default 0, "cancelled_quantity" numeric not null default 0, "priority" integer not null default 0, "payment_policy" text check ("payment_policy" in ('pay_now', 'deposit', 'pay_on_receipt')) null, "currency_code" text null, "unit_price" numeric null, "paid_amount" numeric not null default 0, "refunded_amount" numeric not null default 0, "balance_payment_collection_id" text null, "promised_at" timestamptz null, "on_order_at" timestamptz null, "available_at" timestamptz null, "fulfilled_at" timestamptz null, "delivered_at" timestamptz null, "cancelled_at" timestamptz null, "cancel_reason" text null, "created_by" text null, "metadata" jsonb null, "raw_quantity" jsonb not null, "raw_allocated_quantity" jsonb not null default '{"value":"0","precision":20}', "raw_fulfilled_quantity" jsonb not null default '{"value":"0","precision":20}', "raw_cancelled_quantity" jsonb not null default '{"value":"0","precision":20}', "raw_unit_price" jsonb null, "raw_paid_amount" jsonb not null default '{"value":"0","precision":20}', "raw_refunded_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "backorder_pkey" primary key ("id"), constraint chk_backorder_quantity_positive check (quantity > 0), constraint chk_backorder_quantities_non_negative check (allocated_quantity >= 0 AND fulfilled_quantity >= 0 AND cancelled_quantity >= 0), constraint chk_backorder_allocated_cancelled_within_quantity check (allocated_quantity + cancelled_quantity <= quantity), constraint chk_backorder_fulfilled_within_allocated check (fulfilled_quantity <= allocated_quantity), constraint chk_backorder_amounts_non_negative check (paid_amount >= 0 AND refunded_amount >= 0 AND (unit_price IS NULL OR unit_price >= 0)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_deleted_at" ON "backorder" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_backorder_line_item_id_unique" ON "backorder" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_status_location" ON "backorder" ("status", "location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_location_id" ON "backorder" ("location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_supplier_id" ON "backorder" ("supplier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_variant_id" ON "backorder" ("variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_product_id" ON "backorder" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_customer_id" ON "backorder" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_order_id" ON "backorder" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_created_at" ON "backorder" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_backorder_allocation_queue" ON "backorder" ("inventory_item_id", "location_id", "created_at") WHERE deleted_at IS NULL AND status IN ('new', 'on_order', 'partially_available');`);

    this.addSql(`create table if not exists "allocation" ("id" text not null, "inventory_item_id" text not null, "location_id" text not null, "quantity" numeric not null, "source" text check ("source" in ('receipt', 'release', 'override', 'transfer', 'stock', 'cancellation')) not null, "rule" text check ("rule" in ('linked_purchase_order', 'fifo', 'priority', 'deposit_first', 'manual')) not null, "reason" text not null, "purchase_order_id" text null, "purchase_order_line_id" text null, "receipt_id" text null, "receipt_line_id" text null, "counterpart_backorder_id" text null, "note" text null, "created_by" text null, "metadata" jsonb null, "backorder_id" text not null, "raw_quantity" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "allocation_pkey" primary key ("id"), constraint chk_allocation_quantity_not_zero check (quantity <> 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_allocation_backorder_id" ON "allocation" ("backorder_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_allocation_deleted_at" ON "allocation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_allocation_inventory_item_location" ON "allocation" ("inventory_item_id", "location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_allocation_purchase_order_id" ON "allocation" ("purchase_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_allocation_receipt_id" ON "allocation" ("receipt_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_allocation_created_at" ON "allocation" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "supplier" ("id" text not null, "name" text not null, "code" text null, "email" text null, "phone" text null, "contact_name" text null, "address" jsonb null, "currency_code" text null, "default_lead_time_days" integer null, "notes" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "supplier_pkey" primary key ("id"), constraint chk_supplier_default_lead_time_days check (default_lead_time_days IS NULL OR default_lead_time_days >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_deleted_at" ON "supplier" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_supplier_code_unique" ON "supplier" ("code") WHERE deleted_at IS NULL AND code IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_name" ON "supplier" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "purchase_order" ("id" text not null, "display_id" serial, "status" text check ("status" in ('draft', 'ordered', 'partially_received', 'received', 'closed', 'cancelled')) not null default 'draft', "location_id" text null, "is_dropship" boolean not null default false, "dropship_customer_id" text null, "dropship_address" jsonb null, "currency_code" text null, "expected_at" timestamptz null, "ordered_at" timestamptz null, "received_at" timestamptz null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "stock_on_completion" boolean not null default false, "supplier_reference" text null, "notes" text null, "created_by" text null, "metadata" jsonb null, "supplier_id" text not null, "parent_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_pkey" primary key ("id"), constraint chk_purchase_order_destination check ((is_dropship = false AND location_id IS NOT NULL) OR (is_dropship = true AND dropship_address IS NOT NULL)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_supplier_id" ON "purchase_order" ("supplier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_parent_id" ON "purchase_order" ("parent_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_deleted_at" ON "purchase_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_status" ON "purchase_order" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_supplier_status" ON "purchase_order" ("supplier_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_location_id" ON "purchase_order" ("location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_expected_at" ON "purchase_order" ("expected_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_created_at" ON "purchase_order" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "receipt" ("id" text not null, "received_at" timestamptz not null, "received_by" text null, "idempotency_key" text null, "note" text null, "metadata" jsonb null, "purchase_order_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "receipt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_receipt_purchase_order_id" ON "receipt" ("purchase_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_receipt_deleted_at" ON "receipt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_receipt_idempotency_key_unique" ON "receipt" ("purchase_order_id", "idempotency_key") WHERE deleted_at IS NULL AND idempotency_key IS NOT NULL;`);

    this.addSql(`create table if not exists "purchase_order_line" ("id" text not null, "variant_id" text not null, "product_id" text null, "inventory_item_id" text null, "title" text null, "sku" text null, "supplier_sku" text null, "quantity" numeric not null, "received_quantity" numeric not null default 0, "cancelled_quantity" numeric not null default 0, "stocked_quantity" numeric not null default 0, "over_received_quantity" numeric not null default 0, "unit_cost" numeric null, "metadata" jsonb null, "purchase_order_id" text not null, "raw_quantity" jsonb not null, "raw_received_quantity" jsonb not null default '{"value":"0","precision":20}', "raw_cancelled_quantity" jsonb not null default '{"value":"0","precision":20}', "raw_stocked_quantity" jsonb not null default '{"value":"0","precision":20}', "raw_over_received_quantity" jsonb not null default '{"value":"0","precision":20}', "raw_unit_cost" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_line_pkey" primary key ("id"), constraint chk_purchase_order_line_quantity_positive check (quantity > 0), constraint chk_purchase_order_line_quantities_non_negative check (received_quantity >= 0 AND cancelled_quantity >= 0 AND stocked_quantity >= 0 AND over_received_quantity >= 0), constraint chk_purchase_order_line_received_cancelled_within_quantity check (received_quantity + cancelled_quantity <= quantity), constraint chk_purchase_order_line_stocked_within_received check (stocked_quantity <= received_quantity), constraint chk_purchase_order_line_unit_cost check (unit_cost IS NULL OR unit_cost >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_line_purchase_order_id" ON "purchase_order_line" ("purchase_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_line_deleted_at" ON "purchase_order_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_line_variant_id" ON "purchase_order_line" ("variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_line_inventory_item_id" ON "purchase_order_line" ("inventory_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "receipt_line" ("id" text not null, "quantity" numeric not null, "stocked_at" timestamptz null, "receipt_id" text not null, "purchase_order_line_id" text not null, "raw_quantity" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "receipt_line_pkey" primary key ("id"), constraint chk_receipt_line_quantity_positive check (quantity > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_receipt_line_receipt_id" ON "receipt_line" ("receipt_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_receipt_line_purchase_order_line_id" ON "receipt_line" ("purchase_order_line_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_receipt_line_deleted_at" ON "receipt_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "purchase_order_line_backorder" ("id" text not null, "quantity" numeric not null, "purchase_order_line_id" text not null, "backorder_id" text not null, "raw_quantity" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_line_backorder_pkey" primary key ("id"), constraint chk_purchase_order_line_backorder_quantity_positive check (quantity > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_line_backorder_purchase_order_line_id" ON "purchase_order_line_backorder" ("purchase_order_line_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_line_backorder_backorder_id" ON "purchase_order_line_backorder" ("backorder_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_line_backorder_deleted_at" ON "purchase_order_line_backorder" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_purchase_order_line_backorder_unique" ON "purchase_order_line_backorder" ("purchase_order_line_id", "backorder_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "supplier_variant" ("id" text not null, "variant_id" text not null, "inventory_item_id" text null, "supplier_sku" text null, "unit_cost" numeric null, "currency_code" text null, "lead_time_days" integer null, "minimum_order_quantity" numeric not null default 1, "case_pack" numeric not null default 1, "is_preferred" boolean not null default false, "metadata" jsonb null, "supplier_id" text not null, "raw_unit_cost" jsonb null, "raw_minimum_order_quantity" jsonb not null default '{"value":"1","precision":20}', "raw_case_pack" jsonb not null default '{"value":"1","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "supplier_variant_pkey" primary key ("id"), constraint chk_supplier_variant_unit_cost check (unit_cost IS NULL OR unit_cost >= 0), constraint chk_supplier_variant_lead_time_days check (lead_time_days IS NULL OR lead_time_days >= 0), constraint chk_supplier_variant_minimum_order_quantity check (minimum_order_quantity >= 1), constraint chk_supplier_variant_case_pack check (case_pack >= 1));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_variant_supplier_id" ON "supplier_variant" ("supplier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_variant_deleted_at" ON "supplier_variant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_supplier_variant_supplier_id_variant_id_unique" ON "supplier_variant" ("supplier_id", "variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_variant_variant_id" ON "supplier_variant" ("variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_variant_inventory_item_id" ON "supplier_variant" ("inventory_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_supplier_variant_preferred_unique" ON "supplier_variant" ("variant_id") WHERE deleted_at IS NULL AND is_preferred = true;`);

    this.addSql(`alter table if exists "allocation" add constraint "allocation_backorder_id_foreign" foreign key ("backorder_id") references "backorder" ("id") on update cascade;`);

    this.addSql(`alter table if exists "purchase_order" add constraint "purchase_order_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id") on update cascade;`);
    this.addSql(`alter table if exists "purchase_order" add constraint "purchase_order_parent_id_foreign" foreign key ("parent_id") references "purchase_order" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table if exists "receipt" add constraint "receipt_purchase_order_id_foreign" foreign key ("purchase_order_id") references "purchase_order" ("id") on update cascade;`);

    this.addSql(`alter table if exists "purchase_order_line" add constraint "purchase_order_line_purchase_order_id_foreign" foreign key ("purchase_order_id") references "purchase_order" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "receipt_line" add constraint "receipt_line_receipt_id_foreign" foreign key ("receipt_id") references "receipt" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table if exists "receipt_line" add constraint "receipt_line_purchase_order_line_id_foreign" foreign key ("purchase_order_line_id") references "purchase_order_line" ("id") on update cascade;`);

    this.addSql(`alter table if exists "purchase_order_line_backorder" add constraint "purchase_order_line_backorder_purchase_order_line_id_foreign" foreign key ("purchase_order_line_id") references "purchase_order_line" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table if exists "purchase_order_line_backorder" add constraint "purchase_order_line_backorder_backorder_id_foreign" foreign key ("backorder_id") references "backorder" ("id") on update cascade;`);

    this.addSql(`alter table if exists "supplier_variant" add constraint "supplier_variant_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "allocation" drop constraint if exists "allocation_backorder_id_foreign";`);

    this.addSql(`alter table if exists "purchase_order_line_backorder" drop constraint if exists "purchase_order_line_backorder_backorder_id_foreign";`);

    this.addSql(`alter table if exists "purchase_order" drop constraint if exists "purchase_order_supplier_id_foreign";`);

    this.addSql(`alter table if exists "supplier_variant" drop constraint if exists "supplier_variant_supplier_id_foreign";`);

    this.addSql(`alter table if exists "purchase_order" drop constraint if exists "purchase_order_parent_id_foreign";`);

    this.addSql(`alter table if exists "receipt" drop constraint if exists "receipt_purchase_order_id_foreign";`);

    this.addSql(`alter table if exists "purchase_order_line" drop constraint if exists "purchase_order_line_purchase_order_id_foreign";`);

    this.addSql(`alter table if exists "receipt_line" drop constraint if exists "receipt_line_receipt_id_foreign";`);

    this.addSql(`alter table if exists "receipt_line" drop constraint if exists "receipt_line_purchase_order_line_id_foreign";`);

    this.addSql(`alter table if exists "purchase_order_line_backorder" drop constraint if exists "purchase_order_line_backorder_purchase_order_line_id_foreign";`);

    this.addSql(`drop table if exists "backorder" cascade;`);

    this.addSql(`drop table if exists "allocation" cascade;`);

    this.addSql(`drop table if exists "supplier" cascade;`);

    this.addSql(`drop table if exists "purchase_order" cascade;`);

    this.addSql(`drop table if exists "receipt" cascade;`);

    this.addSql(`drop table if exists "purchase_order_line" cascade;`);

    this.addSql(`drop table if exists "receipt_line" cascade;`);

    this.addSql(`drop table if exists "purchase_order_line_backorder" cascade;`);

    this.addSql(`drop table if exists "supplier_variant" cascade;`);
  }

}
