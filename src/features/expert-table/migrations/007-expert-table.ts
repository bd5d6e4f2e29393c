import type { Kysely } from "kysely";

/** Meetings (expert table and committee), advice requests, the expert table's advice and its recommendations. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("meetings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    /** expert_table or committee */
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("notes", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("meetings_org_type_date").on("meetings").columns(["organisation_id", "type", "date"]).execute();

  await db.schema
    .createTable("meeting_agenda_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meetings.id"))
    /** advice_request or committee_case */
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("meeting_agenda_unique").on("meeting_agenda_items").columns(["meeting_id", "subject_type", "subject_id"]).unique().execute();

  await db.schema
    .createTable("advice_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("canvas_link", "text", (c) => c.notNull())
    /** requested, scheduled or given */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("meeting_id", "text")
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("given_at", "text")
    .execute();
  await db.schema.createIndex("advice_requests_org_project").on("advice_requests").columns(["organisation_id", "project_id"]).execute();

  await db.schema
    .createTable("expert_advice")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("request_id", "text", (c) => c.notNull().unique().references("advice_requests.id"))
    .addColumn("summary", "text", (c) => c.notNull())
    /** JSON object: value key → finding */
    .addColumn("findings_json", "text", (c) => c.notNull())
    /** draft or given */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("written_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("given_by", "text")
    .addColumn("given_at", "text")
    .execute();

  await db.schema
    .createTable("expert_recommendations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("advice_id", "text", (c) => c.notNull().references("expert_advice.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    /** null, comply or explain */
    .addColumn("response", "text")
    .addColumn("response_text", "text")
    .addColumn("responded_by", "text")
    .addColumn("responded_at", "text")
    .addColumn("measure_id", "text")
    .execute();
  await db.schema.createIndex("expert_recommendations_advice").on("expert_recommendations").columns(["advice_id", "number"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("expert_recommendations").execute();
  await db.schema.dropTable("expert_advice").execute();
  await db.schema.dropTable("advice_requests").execute();
  await db.schema.dropTable("meeting_agenda_items").execute();
  await db.schema.dropTable("meetings").execute();
}
