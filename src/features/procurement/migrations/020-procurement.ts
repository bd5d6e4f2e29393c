import type { Kysely } from "kysely";

/** Supplier contracts with their clause checklist, supplier measures, attention-point verdicts, sign-offs and settings. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("contracts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("supplier", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text")
    .addColumn("value_band", "text", (c) => c.notNull())
    .addColumn("procedure", "text", (c) => c.notNull())
    /** active or withdrawn */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("checklist_instrument_id", "text", (c) => c.notNull())
    .addColumn("checklist_instrument_version", "text", (c) => c.notNull())
    .addColumn("checklist_answers_json", "text", (c) => c.notNull())
    .addColumn("withdrawn_reason", "text")
    .addColumn("withdrawn_at", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_by_name", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("contracts_org_project").on("contracts").columns(["organisation_id", "project_id", "status"]).execute();

  await db.schema
    .createTable("contract_supplier_measures")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("measure_id", "text", (c) => c.notNull())
    .addColumn("marked_by", "text", (c) => c.notNull())
    .addColumn("marked_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("contract_supplier_measures_pk", ["contract_id", "measure_id"])
    .execute();

  await db.schema
    .createTable("contract_point_resolutions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("point_key", "text", (c) => c.notNull())
    /** covered or not_covered */
    .addColumn("verdict", "text", (c) => c.notNull())
    .addColumn("clause_ref", "text")
    .addColumn("reason", "text")
    .addColumn("accepted_by", "text")
    .addColumn("accepted_by_name", "text")
    .addColumn("point_text", "text", (c) => c.notNull())
    .addColumn("resolved_by", "text", (c) => c.notNull())
    .addColumn("resolved_by_name", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("contract_point_resolutions_unique").on("contract_point_resolutions").columns(["contract_id", "point_key"]).unique().execute();

  await db.schema
    .createTable("contract_signoffs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("slot", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("user_name", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("signed_at", "text", (c) => c.notNull())
    .execute();
  // One signature per place and per person for each revision: the database refuses a second even if a check were missed.
  await db.schema.createIndex("contract_signoffs_slot").on("contract_signoffs").columns(["contract_id", "revision", "slot"]).unique().execute();
  await db.schema.createIndex("contract_signoffs_person").on("contract_signoffs").columns(["contract_id", "revision", "user_id"]).unique().execute();

  await db.schema
    .createTable("procurement_settings")
    .addColumn("organisation_id", "text", (c) => c.primaryKey().references("organisations.id"))
    .addColumn("second_signer", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
