import type { Kysely } from "kysely";

/**
 * AI literacy (AI Act Art. 4): trainings with a validity period and the roles
 * that need them; a session of a training is an awareness activity (008) with
 * its own row here holding the date it stays valid until, and who took part.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("ai_literacy_trainings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("validity_months", "integer", (c) => c.notNull())
    /** Organisation and project roles that need this training: a JSON list. */
    .addColumn("audience_json", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ai_literacy_trainings_org").on("ai_literacy_trainings").columns(["organisation_id", "title"]).execute();

  await db.schema
    .createTable("ai_literacy_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("training_id", "text", (c) => c.notNull().references("ai_literacy_trainings.id"))
    /** The awareness activity this session is. */
    .addColumn("activity_id", "text", (c) => c.notNull().references("awareness_activities.id"))
    .addColumn("date", "text", (c) => c.notNull())
    /** The date plus the training's validity when the session was recorded. */
    .addColumn("valid_until", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ai_literacy_sessions_org").on("ai_literacy_sessions").columns(["organisation_id", "training_id", "date"]).execute();

  await db.schema
    .createTable("ai_literacy_participants")
    .addColumn("session_id", "text", (c) => c.notNull().references("ai_literacy_sessions.id"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("ai_literacy_participants_pk", ["session_id", "user_id"])
    .execute();
  await db.schema.createIndex("ai_literacy_participants_user").on("ai_literacy_participants").columns(["organisation_id", "user_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["ai_literacy_participants", "ai_literacy_sessions", "ai_literacy_trainings"]) await db.schema.dropTable(t).execute();
}
