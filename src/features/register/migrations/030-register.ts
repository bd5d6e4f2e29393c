import type { Kysely } from "kysely";

/** Register entries with their published versions and the stemmed search terms of what is public. */
export async function up(db: Kysely<any>): Promise<void> {
  let t = db.schema
    .createTable("register_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").unique())
    .addColumn("lars", "text", (c) => c.notNull().unique())
    .addColumn("draft_json", "text", (c) => c.notNull())
    .addColumn("draft_state", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("public_state", "text", (c) => c.notNull())
    .addColumn("published_version", "integer");
  for (const col of ["prepared_by", "prepared_by_name", "prepared_at", "approved_by", "approved_by_name", "approved_at", "first_published_at", "retract_reason", "retracted_at", "revision_date", "pub_name", "pub_summary", "pub_status", "pub_category", "pub_policy_areas_json", "pub_values_json", "pub_technologies_json", "pub_updated_at"]) {
    t = t.addColumn(col, "text");
  }
  await t.addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("register_entries_public").on("register_entries").columns(["public_state", "pub_updated_at"]).execute();
  await db.schema.createIndex("register_entries_org").on("register_entries").columns(["organisation_id", "public_state"]).execute();

  await db.schema
    .createTable("register_entry_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("entry_id", "text", (c) => c.notNull().references("register_entries.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("fields_json", "text", (c) => c.notNull())
    .addColumn("prepared_by", "text")
    .addColumn("prepared_by_name", "text", (c) => c.notNull())
    .addColumn("approved_by", "text")
    .addColumn("approved_by_name", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addUniqueConstraint("register_entry_versions_unique", ["entry_id", "version"])
    .execute();

  await db.schema
    .createTable("register_search_terms")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("entry_id", "text", (c) => c.notNull().references("register_entries.id"))
    .addColumn("term", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("register_search_terms_pk", ["term", "entry_id"])
    .execute();
  await db.schema.createIndex("register_search_terms_entry").on("register_search_terms").column("entry_id").execute();
}
