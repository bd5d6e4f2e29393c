import type { Kysely } from "kysely";

/** The EU database registration (Art. 49(3)) and the FRIA's notification (Art. 27(3)). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("ai_act_eu_registrations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("fields_json", "text", (c) => c.notNull())
    .addColumn("registration_number", "text")
    .addColumn("registered_at", "text")
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_by_name", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ai_act_eu_registrations_project").on("ai_act_eu_registrations").columns(["organisation_id", "project_id"]).unique().execute();

  await db.schema
    .createTable("ai_act_fria_notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("depia_version", "integer", (c) => c.notNull())
    .addColumn("authority", "text", (c) => c.notNull())
    .addColumn("notified_on", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_by_name", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ai_act_fria_notifications_project").on("ai_act_fria_notifications").columns(["organisation_id", "project_id"]).execute();
}
