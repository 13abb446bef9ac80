import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202154448 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "to_order_sale_attempt" drop constraint if exists "to_order_sale_attempt_idempotency_key_unique";`);
    this.addSql(`create table if not exists "to_order_sale_attempt" ("id" text not null, "idempotency_key" text null, "request_hash" text not null, "status" text check ("status" in ('pending', 'completed', 'failed')) not null default 'pending', "order_id" text not null, "due_now" numeric null, "started_at" timestamptz not null, "failure_reason" text null, "created_by" text null, "raw_due_now" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "to_order_sale_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_to_order_sale_attempt_deleted_at" ON "to_order_sale_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_to_order_sale_attempt_idempotency_key_unique" ON "to_order_sale_attempt" ("idempotency_key") WHERE deleted_at IS NULL AND idempotency_key IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_to_order_sale_attempt_status_started_at" ON "to_order_sale_attempt" ("status", "started_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "to_order_sale_attempt" cascade;`);
  }

}
