import type { Kysely } from "kysely";

// One instance for many organisations: an organisation can be disabled and has a
// contact address and settings; instance administrators stand apart from every
// organisation's roles; service accounts carry an organisation's service tokens.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("organisations").addColumn("disabled_at", "text").execute();
  await db.schema.alterTable("organisations").addColumn("contact_email", "text").execute();
  await db.schema.alterTable("organisations").addColumn("settings_json", "text").execute();

  await db.schema
    .createTable("instance_admins")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .execute();

  await db.schema
    .createTable("service_accounts")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .execute();
  await db.schema.createIndex("service_accounts_org").on("service_accounts").column("organisation_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("service_accounts").execute();
  await db.schema.dropTable("instance_admins").execute();
  for (const column of ["settings_json", "contact_email", "disabled_at"]) await db.schema.alterTable("organisations").dropColumn(column).execute();
}
