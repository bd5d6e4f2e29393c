import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite adds a single column per ALTER TABLE.
  await db.schema.alterTable("projects").addColumn("publication_state", "text", (c) => c.notNull().defaultTo("not_published")).execute();
  await db.schema.alterTable("projects").addColumn("stopped_reason", "text").execute();
  await db.schema.alterTable("projects").addColumn("stopped_at", "text").execute();
  await db.schema.alterTable("projects").addColumn("closed_at", "text").execute();
  await db.schema.alterTable("projects").addColumn("created_by", "text").execute();

  await db.schema
    .createTable("gate_decisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("to_phase", "text", (c) => c.notNull())
    .addColumn("rationale", "text", (c) => c.notNull())
    .addColumn("decided_by", "text", (c) => c.notNull())
    .addColumn("decided_by_name", "text", (c) => c.notNull())
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addColumn("readiness_json", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("gate_decisions_project").on("gate_decisions").columns(["organisation_id", "project_id", "decided_at"]).execute();

  await db.schema
    .createTable("material_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("reopens_screening", "integer", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("material_changes_project").on("material_changes").columns(["organisation_id", "project_id", "recorded_at"]).execute();

  await db.schema
    .createTable("project_evaluations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_by_name", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("project_evaluations_project").on("project_evaluations").columns(["organisation_id", "project_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("project_evaluations").execute();
  await db.schema.dropTable("material_changes").execute();
  await db.schema.dropTable("gate_decisions").execute();
  for (const column of ["created_by", "closed_at", "stopped_at", "stopped_reason", "publication_state"]) {
    await db.schema.alterTable("projects").dropColumn(column).execute();
  }
}
