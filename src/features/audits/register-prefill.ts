// The register entry's auditor (a local extra): who audited or audits the
// project, newest audit first.
import type { RegisterPrefillSource } from "../register/prefill.ts";
import "./schema.ts";

export const auditsRegisterPrefill: RegisterPrefillSource = {
  labelKey: "register.source.audits",
  order: 50,
  async propose(deps, project) {
    const rows = await deps.db
      .selectFrom("audit_projects as ap")
      .innerJoin("audits as a", "a.id", "ap.audit_id")
      .innerJoin("audit_auditors as aa", "aa.audit_id", "a.id")
      .innerJoin("users as u", "u.id", "aa.user_id")
      .select(["u.name"])
      .where("ap.organisation_id", "=", project.organisationId)
      .where("ap.project_id", "=", project.id)
      .where("a.organisation_id", "=", project.organisationId)
      .where("u.organisation_id", "=", project.organisationId)
      .orderBy("a.created_at", "desc")
      .orderBy("u.name")
      .limit(20)
      .execute();
    let auditor = "";
    for (const name of new Set(rows.map((r) => r.name))) {
      const next = auditor ? `${auditor}, ${name}` : name;
      if (next.length > 200) break;
      auditor = next;
    }
    return auditor ? { auditor } : {};
  },
};
