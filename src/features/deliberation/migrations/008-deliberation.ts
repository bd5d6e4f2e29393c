import type { Kysely } from "kysely";

/** Moral deliberation sessions with participants, step answers, positions and actions; awareness activities. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("deliberations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("case_description", "text", (c) => c.notNull())
    .addColumn("project_id", "text")
    /** The method's instrument id and the version the session is pinned to. */
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("method_version", "text", (c) => c.notNull())
    .addColumn("facilitator_id", "text", (c) => c.notNull())
    /** open, closed or escalated */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("moral_question", "text", (c) => c.notNull())
    .addColumn("stakeholders", "text", (c) => c.notNull())
    .addColumn("values_json", "text", (c) => c.notNull())
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("conclusion", "text", (c) => c.notNull())
    .addColumn("committee_case_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("escalated_at", "text")
    .execute();
  await db.schema.createIndex("deliberations_org_project").on("deliberations").columns(["organisation_id", "project_id", "status"]).execute();

  await db.schema
    .createTable("deliberation_participants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("deliberation_id", "text", (c) => c.notNull().references("deliberations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("user_id", "text")
    /** facilitator, case_holder, scribe or participant */
    .addColumn("role", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("deliberation_steps")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("deliberation_id", "text", (c) => c.notNull().references("deliberations.id"))
    .addColumn("section_id", "text", (c) => c.notNull())
    .addColumn("answers_json", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("deliberation_steps_unique").on("deliberation_steps").columns(["deliberation_id", "section_id"]).unique().execute();

  await db.schema
    .createTable("deliberation_positions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("deliberation_id", "text", (c) => c.notNull().references("deliberations.id"))
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("position", "text", (c) => c.notNull())
    .addColumn("arguments", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("deliberation_actions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("deliberation_id", "text", (c) => c.notNull().references("deliberations.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("owner_user_id", "text")
    .addColumn("due_date", "text")
    .addColumn("measure_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("awareness_activities")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    /** training, presentation or session */
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("participant_names_json", "text", (c) => c.notNull())
    .addColumn("participant_user_ids_json", "text", (c) => c.notNull())
    .addColumn("participant_count", "integer", (c) => c.notNull())
    .addColumn("deliberation_id", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("awareness_org_date").on("awareness_activities").columns(["organisation_id", "date"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["awareness_activities", "deliberation_actions", "deliberation_positions", "deliberation_steps", "deliberation_participants", "deliberations"]) await db.schema.dropTable(t).execute();
}
