import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("org_values")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("name_nl", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("description_nl", "text", (c) => c.notNull())
    .addColumn("description_en", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("org_values_org_key").on("org_values").columns(["organisation_id", "key"]).unique().execute();

  await db.schema
    .createTable("value_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("value_id", "text", (c) => c.notNull().references("org_values.id"))
    .addColumn("value_key", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("name_nl", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("description_nl", "text", (c) => c.notNull())
    .addColumn("description_en", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addColumn("changed_by", "text")
    .addColumn("changed_by_name", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("value_versions_value").on("value_versions").columns(["value_id", "version"]).unique().execute();
  await db.schema.createIndex("value_versions_org").on("value_versions").columns(["organisation_id", "value_key"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("value_versions").execute();
  await db.schema.dropTable("org_values").execute();
}
