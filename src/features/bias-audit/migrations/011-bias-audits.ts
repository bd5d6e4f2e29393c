import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("bias_audits")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.references("projects.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("file_format", "text", (c) => c.notNull())
    .addColumn("file_bytes", "bigint", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull())
    .addColumn("columns_json", "text", (c) => c.notNull())
    .addColumn("delimiter", "text")
    .addColumn("mapping_json", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("progress_bytes", "bigint", (c) => c.notNull())
    .addColumn("total_bytes", "bigint", (c) => c.notNull())
    .addColumn("error_code", "text")
    .addColumn("error_params_json", "text")
    .addColumn("report_json", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_by_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .addColumn("heartbeat_at", "text")
    .execute();
  await db.schema.createIndex("bias_audits_org_project").on("bias_audits").columns(["organisation_id", "project_id"]).execute();
  await db.schema.createIndex("bias_audits_status").on("bias_audits").columns(["status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("bias_audits").execute();
}
