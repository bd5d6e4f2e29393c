import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("measures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("owner_user_id", "text")
    .addColumn("due_date", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("explanation", "text")
    .addColumn("evidence", "text")
    .addColumn("review_cadence", "text", (c) => c.notNull())
    .addColumn("source_type", "text", (c) => c.notNull())
    .addColumn("source_id", "text")
    .addColumn("risk_ids_json", "text", (c) => c.notNull())
    .addColumn("done_requested_by", "text")
    .addColumn("done_requested_at", "text")
    .addColumn("signed_off_by", "text")
    .addColumn("signed_off_by_name", "text")
    .addColumn("signed_off_at", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("measures_project").on("measures").columns(["organisation_id", "project_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("measures").execute();
}
