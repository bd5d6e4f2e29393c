import type { Kysely } from "kysely";

/** Per organisation the national register's delivery API (off by default), and every delivery of a published version. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("register_connectors")
    .addColumn("organisation_id", "text", (c) => c.primaryKey().references("organisations.id"))
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("api_url", "text", (c) => c.notNull())
    .addColumn("token_url", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("client_secret_sealed", "text")
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_by_name", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("register_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("entry_id", "text", (c) => c.notNull().references("register_entries.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("remote_lars", "text")
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("register_deliveries_due").on("register_deliveries").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("register_deliveries_entry").on("register_deliveries").columns(["entry_id", "created_at"]).execute();
}
