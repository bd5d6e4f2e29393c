import type { Kysely } from "kysely";

/** What residents report about a public entry: an error or a question, for the team. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("register_feedback")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("entry_id", "text", (c) => c.notNull().references("register_entries.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("reply_to", "text")
    .addColumn("address_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("register_feedback_entry").on("register_feedback").columns(["entry_id", "created_at"]).execute();
  await db.schema.createIndex("register_feedback_address").on("register_feedback").columns(["address_hash", "created_at"]).execute();
}
