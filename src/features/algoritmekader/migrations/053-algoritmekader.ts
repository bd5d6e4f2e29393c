import type { Kysely } from "kysely";

/** Statuses set by a person for Algoritmekader requirements per project. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("ak_requirement_statuses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("requirement_id", "text", (c) => c.notNull())
    .addColumn("framework_version", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("set_by", "text", (c) => c.notNull())
    .addColumn("set_by_name", "text", (c) => c.notNull())
    .addColumn("set_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ak_requirement_statuses_one").on("ak_requirement_statuses").columns(["organisation_id", "project_id", "requirement_id"]).unique().execute();
}
