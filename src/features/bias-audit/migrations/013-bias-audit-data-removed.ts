import type { Kysely } from "kysely";

// When the uploaded outcome data of a finished audit was removed after the organisation's retention period.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("bias_audits").addColumn("data_removed_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("bias_audits").dropColumn("data_removed_at").execute();
}
