import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("projects")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("goal", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("domain", "text", (c) => c.notNull())
    .addColumn("technologies_json", "text", (c) => c.notNull())
    .addColumn("data_categories_json", "text", (c) => c.notNull())
    .addColumn("supplier_involved", "integer", (c) => c.notNull())
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("projects_org_phase").on("projects").columns(["organisation_id", "phase"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("projects").execute();
}
