import type { Kysely } from "kysely";

// Retention periods an organisation sets itself, and when a user was deactivated
// (the period after which a departed user is anonymised counts from then).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("retention_periods")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("days", "integer")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("retention_periods_pk", ["organisation_id", "period_key"])
    .execute();
  await db.schema.alterTable("users").addColumn("deactivated_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("deactivated_at").execute();
  await db.schema.dropTable("retention_periods").execute();
}
