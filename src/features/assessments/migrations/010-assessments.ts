import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"));

  await base("screenings")
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("response_id", "text", (c) => c.notNull())
    .addColumn("response_version", "integer", (c) => c.notNull())
    .addColumn("instrument_version", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("fired_json", "text", (c) => c.notNull())
    .addColumn("signals_json", "text", (c) => c.notNull())
    .addColumn("score_json", "text", (c) => c.notNull())
    .addColumn("completed_by", "text", (c) => c.notNull())
    .addColumn("completed_by_name", "text", (c) => c.notNull())
    .addColumn("completed_at", "text", (c) => c.notNull())
    .addColumn("fg_decision", "text")
    .addColumn("fg_outcome", "text")
    .addColumn("fg_reason", "text")
    .addColumn("fg_by", "text")
    .addColumn("fg_by_name", "text")
    .addColumn("fg_at", "text")
    .execute();
  await db.schema.createIndex("screenings_project").on("screenings").columns(["organisation_id", "project_id", "completed_at"]).execute();

  await base("depias")
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("response_id", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("depias_project").on("depias").columns(["organisation_id", "project_id"]).unique().execute();

  await base("depia_versions")
    .addColumn("depia_id", "text", (c) => c.notNull().references("depias.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("response_version", "integer", (c) => c.notNull())
    .addColumn("risks_json", "text", (c) => c.notNull())
    .addColumn("changed_sections_json", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("submitted_by", "text", (c) => c.notNull())
    .addColumn("submitted_by_name", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("depia_versions_number").on("depia_versions").columns(["depia_id", "number"]).unique().execute();

  await base("depia_reviews")
    .addColumn("depia_id", "text", (c) => c.notNull().references("depias.id"))
    .addColumn("version_number", "integer", (c) => c.notNull())
    .addColumn("reviewer_role", "text", (c) => c.notNull())
    .addColumn("reviewer_id", "text", (c) => c.notNull())
    .addColumn("reviewer_name", "text", (c) => c.notNull())
    .addColumn("overall", "text", (c) => c.notNull())
    .addColumn("advice", "text", (c) => c.notNull())
    .addColumn("given_at", "text", (c) => c.notNull())
    .execute();
  // One review per role per version: a second one is refused, never silently replaced.
  await db.schema.createIndex("depia_reviews_role").on("depia_reviews").columns(["depia_id", "version_number", "reviewer_role"]).unique().execute();

  await base("depia_section_verdicts")
    .addColumn("review_id", "text", (c) => c.notNull().references("depia_reviews.id"))
    .addColumn("depia_id", "text", (c) => c.notNull())
    .addColumn("version_number", "integer", (c) => c.notNull())
    .addColumn("reviewer_role", "text", (c) => c.notNull())
    .addColumn("section_id", "text", (c) => c.notNull())
    .addColumn("verdict", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("measure_id", "text")
    .execute();
  await db.schema.createIndex("depia_section_verdicts_depia").on("depia_section_verdicts").columns(["depia_id", "reviewer_role", "version_number"]).execute();

  await base("risks")
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("values_json", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("inherent_likelihood", "text", (c) => c.notNull())
    .addColumn("inherent_impact", "text", (c) => c.notNull())
    .addColumn("inherent_justification", "text", (c) => c.notNull())
    .addColumn("residual_likelihood", "text")
    .addColumn("residual_impact", "text")
    .addColumn("residual_justification", "text")
    .addColumn("residual_above_reason", "text")
    .addColumn("accepted_by", "text")
    .addColumn("accepted_by_name", "text")
    .addColumn("accepted_at", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("risks_project_number").on("risks").columns(["organisation_id", "project_id", "number"]).unique().execute();

  await db.schema
    .createTable("risk_measures")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("risk_id", "text", (c) => c.notNull().references("risks.id"))
    .addColumn("measure_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("risk_measures_pk", ["risk_id", "measure_id"])
    .execute();

  await base("residual_acceptances")
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("depia_id", "text", (c) => c.notNull().references("depias.id"))
    .addColumn("version_number", "integer", (c) => c.notNull())
    .addColumn("statement", "text", (c) => c.notNull())
    .addColumn("accepted_by", "text", (c) => c.notNull())
    .addColumn("accepted_by_name", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("residual_acceptances_depia").on("residual_acceptances").columns(["depia_id", "version_number"]).execute();

  await base("ap_consultations")
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("depia_id", "text", (c) => c.notNull().references("depias.id"))
    .addColumn("consulted_on", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_by_name", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ap_consultations_depia").on("ap_consultations").columns(["depia_id"]).execute();

  await db.schema
    .createTable("assessment_settings")
    .addColumn("organisation_id", "text", (c) => c.primaryKey().references("organisations.id"))
    .addColumn("extra_reviewers_json", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "assessment_settings",
    "ap_consultations",
    "residual_acceptances",
    "risk_measures",
    "risks",
    "depia_section_verdicts",
    "depia_reviews",
    "depia_versions",
    "depias",
    "screenings",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
