import type { Kysely } from "kysely";

// Stored readiness: for each project, what its next gate waits for and from
// whom, kept up to date by every transaction that changes the project, so a
// list filters and counts "waiting for me" in SQL. Filled at start-up for
// projects that have no row yet (or one computed by older rules).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("project_readiness")
    .addColumn("project_id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("missing_count", "integer", (c) => c.notNull())
    .addColumn("missing_json", "text", (c) => c.notNull())
    .addColumn("rules_version", "integer", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("project_waits")
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("who", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_waits_pk", ["project_id", "who"])
    .execute();
  await db.schema.createIndex("project_waits_org_who").on("project_waits").columns(["organisation_id", "who", "project_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("project_waits").execute();
  await db.schema.dropTable("project_readiness").execute();
}
