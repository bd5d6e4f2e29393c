import type { Kysely } from "kysely";

/** AI Act classification records: frozen answers, outcome with reasons, review. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("ai_act_classifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("response_id", "text", (c) => c.notNull())
    .addColumn("response_version", "integer", (c) => c.notNull())
    .addColumn("instrument_version", "text", (c) => c.notNull())
    .addColumn("on_date", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("result_json", "text", (c) => c.notNull())
    .addColumn("completed_by", "text", (c) => c.notNull())
    .addColumn("completed_by_name", "text", (c) => c.notNull())
    .addColumn("completed_at", "text", (c) => c.notNull())
    .addColumn("review_decision", "text")
    .addColumn("review_role", "text")
    .addColumn("review_note", "text")
    .addColumn("reviewed_by", "text")
    .addColumn("reviewed_by_name", "text")
    .addColumn("reviewed_at", "text")
    .execute();
  await db.schema.createIndex("ai_act_classifications_project").on("ai_act_classifications").columns(["organisation_id", "project_id", "completed_at"]).execute();
}
