// What the screening and the DEPIA give a project's register entry: the
// assessments done (`impacttoetsen_grouping`, with the standard's suggested
// titles), why a DPIA was not needed (`impacttoetsen`), and the DEPIA's risks
// (`risks`, before the measures that answer them).
import type { RegisterPrefillSource } from "../register/prefill.ts";
import { escapeHtml, htmlList } from "../register/sanitise.ts";
import { risksOf } from "./risk-register.ts";
import { screeningRecordsOf } from "./screening.ts";
import "./schema.ts";

export const screeningRegisterPrefill: RegisterPrefillSource = {
  labelKey: "register.source.screening",
  order: 20,
  async propose(deps, project) {
    const [newest] = await screeningRecordsOf(deps, project.organisationId, project.id);
    if (!newest) return {};
    return {
      impacttoetsen_grouping: [{ title: "Pre-scan DPIA", link: "" }],
      ...(newest.effectiveOutcome === "not_required" ? { impacttoetsen: `<p>${escapeHtml("Uit de pre-scan DPIA bleek dat een DPIA niet nodig is.")}</p>` } : {}),
    };
  },
};

export const depiaRegisterPrefill: RegisterPrefillSource = {
  labelKey: "register.source.depia",
  order: 30,
  async propose(deps, project) {
    const submitted = await deps.db
      .selectFrom("depias as d")
      .innerJoin("depia_versions as v", "v.depia_id", "d.id")
      .select("v.number")
      .where("d.organisation_id", "=", project.organisationId)
      .where("d.project_id", "=", project.id)
      .where("v.organisation_id", "=", project.organisationId)
      .limit(1)
      .executeTakeFirst();
    const risks = (await risksOf(deps, project.organisationId, project.id)).slice(0, 30);
    return {
      ...(submitted ? { impacttoetsen_grouping: [{ title: "DPIA", link: "" }] } : {}),
      ...(risks.length ? { risks: htmlList(`<p>${escapeHtml("Risico's die we zien:")}</p>`, risks.map((r) => r.description), 1200) } : {}),
    };
  },
};
