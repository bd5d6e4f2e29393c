import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("instrument_responses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("instrument_id", "text", (c) => c.notNull())
    .addColumn("instrument_version", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("answers_json", "text", (c) => c.notNull())
    .addColumn("section_marks_json", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("last_version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_by_name", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("instrument_responses_project")
    .on("instrument_responses")
    .columns(["organisation_id", "project_id", "instrument_id", "subject"])
    .unique()
    .execute();

  await db.schema
    .createTable("instrument_response_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("response_id", "text", (c) => c.notNull().references("instrument_responses.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("instrument_version", "text", (c) => c.notNull())
    .addColumn("answers_json", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_by_name", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("instrument_response_versions_number").on("instrument_response_versions").columns(["response_id", "number"]).unique().execute();

  await db.schema
    .createTable("instrument_response_comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("response_id", "text", (c) => c.notNull().references("instrument_responses.id"))
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("instrument_response_comments_response").on("instrument_response_comments").columns(["response_id", "question_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("instrument_response_comments").execute();
  await db.schema.dropTable("instrument_response_versions").execute();
  await db.schema.dropTable("instrument_responses").execute();
}
