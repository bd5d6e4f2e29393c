import type { Kysely } from "kysely";

// The keyed hash of each audit event. Events written before it existed keep null ("unkeyed").
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_events").addColumn("hmac", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_events").dropColumn("hmac").execute();
}
