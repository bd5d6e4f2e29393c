import type { Kysely } from "kysely";

/** Periodic evaluations (the periodic-evaluation instrument's answers) and each project's evaluation rhythm. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("periodic_evaluations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("instrument_id", "text", (c) => c.notNull())
    .addColumn("instrument_version", "text", (c) => c.notNull())
    .addColumn("answers_json", "text", (c) => c.notNull())
    /** 1 when a measure or assumption no longer works, something happened, or the algorithm may not be needed. */
    .addColumn("needs_attention", "integer", (c) => c.notNull())
    .addColumn("material_change", "text")
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_by_name", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("periodic_evaluations_project").on("periodic_evaluations").columns(["organisation_id", "project_id", "recorded_at"]).execute();

  await db.schema
    .createTable("evaluation_cadences")
    .addColumn("project_id", "text", (c) => c.primaryKey().references("projects.id"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("months", "integer", (c) => c.notNull())
    .addColumn("set_by", "text", (c) => c.notNull())
    .addColumn("set_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("evaluation_cadences").execute();
  await db.schema.dropTable("periodic_evaluations").execute();
}
