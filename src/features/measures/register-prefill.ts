// The register entry's risks field ("risks and measures", limited HTML): the
// measures the project takes, listed after the DEPIA's risks. Explained ones
// (not done, with a reason) are left out.
import type { RegisterPrefillSource } from "../register/prefill.ts";
import { escapeHtml, htmlList } from "../register/sanitise.ts";
import "./schema.ts";

export const measuresRegisterPrefill: RegisterPrefillSource = {
  labelKey: "register.source.measures",
  order: 40,
  async propose(deps, project) {
    const rows = await deps.db
      .selectFrom("measures")
      .select(["title"])
      .where("organisation_id", "=", project.organisationId)
      .where("project_id", "=", project.id)
      .where("status", "!=", "explained")
      .orderBy("created_at")
      .orderBy("id")
      .limit(30)
      .execute();
    if (!rows.length) return {};
    return { risks: htmlList(`<p>${escapeHtml("Maatregelen die we nemen:")}</p>`, rows.map((r) => r.title), 1200) };
  },
};
