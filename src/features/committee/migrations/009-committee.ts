import type { Kysely } from "kysely";

/** Ethics committee: cases, their advice, votes, the board's response, FG notes; and the precedent index. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("committee_cases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    /** board, project, deliberation, resident or own_initiative */
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("project_id", "text")
    .addColumn("deliberation_id", "text")
    .addColumn("submitter", "text")
    /** The deliberation record carried along on escalation (JSON), or null. */
    .addColumn("record_json", "text")
    .addColumn("values_json", "text", (c) => c.notNull())
    .addColumn("technologies_json", "text", (c) => c.notNull())
    .addColumn("domain", "text", (c) => c.notNull())
    /** open, adopted, answered */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("response_weeks", "integer", (c) => c.notNull())
    .addColumn("meeting_id", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("committee_cases_org").on("committee_cases").columns(["organisation_id", "created_at"]).execute();

  await db.schema
    .createTable("committee_advice")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("case_id", "text", (c) => c.notNull().unique().references("committee_cases.id"))
    .addColumn("text", "text", (c) => c.notNull())
    /** draft or adopted */
    .addColumn("status", "text", (c) => c.notNull())
    /** undecided, public or confidential */
    .addColumn("publication", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("adopted_at", "text")
    .addColumn("adopted_by", "text")
    .addColumn("response_due", "text")
    .addColumn("written_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("committee_votes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("advice_id", "text", (c) => c.notNull().references("committee_advice.id"))
    .addColumn("user_id", "text", (c) => c.notNull())
    /** for, against or abstain */
    .addColumn("vote", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("committee_votes_unique").on("committee_votes").columns(["advice_id", "user_id"]).unique().execute();

  await db.schema
    .createTable("board_responses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("advice_id", "text", (c) => c.notNull().unique().references("committee_advice.id"))
    /** follow or deviate */
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("reasons", "text", (c) => c.notNull())
    .addColumn("responded_by", "text", (c) => c.notNull())
    .addColumn("responded_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("committee_fg_notes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("case_id", "text", (c) => c.notNull().references("committee_cases.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("precedent_index")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    /** committee_advice or deliberation */
    .addColumn("source_type", "text", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    /** Lowercase text without diacritics, words separated by single spaces. */
    .addColumn("text_norm", "text", (c) => c.notNull())
    .addColumn("values_json", "text", (c) => c.notNull())
    .addColumn("technologies_json", "text", (c) => c.notNull())
    .addColumn("domain", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    /** public, committee (non-public advice) or deliberation */
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("indexed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("precedent_index_source").on("precedent_index").columns(["source_type", "source_id"]).unique().execute();
  await db.schema.createIndex("precedent_index_org_year").on("precedent_index").columns(["organisation_id", "year"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["precedent_index", "committee_fg_notes", "board_responses", "committee_votes", "committee_advice", "committee_cases"]) await db.schema.dropTable(t).execute();
}
