import type { Kysely } from "kysely";

// Links a bias audit (attached to a project) to DEPIA risks of that project as evidence.
// risk_id has no foreign key on purpose: the risk register belongs to the assessments
// feature and may remove a risk; a link to a risk that no longer exists is ignored.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("bias_audit_risks")
    .addColumn("bias_audit_id", "text", (c) => c.notNull().references("bias_audits.id"))
    .addColumn("risk_id", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("linked_by", "text", (c) => c.notNull())
    .addColumn("linked_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("bias_audit_risks_pk", ["bias_audit_id", "risk_id"])
    .execute();
  await db.schema.createIndex("bias_audit_risks_org_risk").on("bias_audit_risks").columns(["organisation_id", "risk_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("bias_audit_risks").execute();
}
