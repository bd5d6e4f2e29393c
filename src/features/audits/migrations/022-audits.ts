import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("audit_plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_by_name", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_plans_year").on("audit_plans").columns(["organisation_id", "year"]).unique().execute();

  await db.schema
    .createTable("audits")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("audit_plans.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("criteria_values_json", "text", (c) => c.notNull())
    .addColumn("requirements", "text", (c) => c.notNull())
    .addColumn("period_from", "text", (c) => c.notNull())
    .addColumn("period_to", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("follows_audit_id", "text", (c) => c.references("audits.id"))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audits_plan").on("audits").columns(["organisation_id", "plan_id"]).execute();

  await db.schema
    .createTable("audit_projects")
    .addColumn("audit_id", "text", (c) => c.notNull().references("audits.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("audit_projects_pk", ["audit_id", "project_id"])
    .execute();
  await db.schema.createIndex("audit_projects_project").on("audit_projects").columns(["organisation_id", "project_id"]).execute();

  await db.schema
    .createTable("audit_auditors")
    .addColumn("audit_id", "text", (c) => c.notNull().references("audits.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("audit_auditors_pk", ["audit_id", "user_id"])
    .execute();

  await db.schema
    .createTable("audit_status_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("audit_id", "text", (c) => c.notNull().references("audits.id"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("by_user_id", "text", (c) => c.notNull())
    .addColumn("by_name", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_status_changes_audit").on("audit_status_changes").columns(["audit_id", "at"]).execute();

  await db.schema
    .createTable("audit_findings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("audit_id", "text", (c) => c.notNull().references("audits.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("values_json", "text", (c) => c.notNull())
    .addColumn("evidence_text", "text", (c) => c.notNull())
    .addColumn("evidence_links_json", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_by_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("response", "text")
    .addColumn("response_text", "text")
    .addColumn("responded_by", "text")
    .addColumn("responded_by_name", "text")
    .addColumn("responded_at", "text")
    .addColumn("measure_id", "text")
    .execute();
  await db.schema.createIndex("audit_findings_number").on("audit_findings").columns(["audit_id", "number"]).unique().execute();
  await db.schema.createIndex("audit_findings_project").on("audit_findings").columns(["organisation_id", "project_id"]).execute();

  await db.schema
    .createTable("audit_bias_audits")
    .addColumn("audit_id", "text", (c) => c.notNull().references("audits.id"))
    .addColumn("bias_audit_id", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("linked_by", "text", (c) => c.notNull())
    .addColumn("linked_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("audit_bias_audits_pk", ["audit_id", "bias_audit_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["audit_bias_audits", "audit_findings", "audit_status_changes", "audit_auditors", "audit_projects", "audits", "audit_plans"]) {
    await db.schema.dropTable(table).execute();
  }
}
