// What the ethics canvas gives a project's register entry: the lawful basis,
// the data sources, the alternatives weighed, how to object, and the values
// the project touches most (by their names in the organisation's value set).
import type { RegisterPrefillSource } from "../register/prefill.ts";
import { escapeHtml } from "../register/sanitise.ts";
import "../values/schema.ts";
import { CANVAS_INSTRUMENT_ID } from "./canvas.ts";
import { findRow, parseObject } from "./response-store.ts";

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : "");
const paragraphs = (v: unknown): string =>
  text(v)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("");

export const canvasRegisterPrefill: RegisterPrefillSource = {
  labelKey: "register.source.canvas",
  order: 10,
  async propose(deps, project) {
    const row = await findRow(deps, project.organisationId, project.id, CANVAS_INSTRUMENT_ID, "");
    if (!row) return {};
    const a = parseObject(row.answers_json);
    const keys = Array.isArray(a.values_at_stake) ? a.values_at_stake.filter((k): k is string => typeof k === "string") : [];
    const names = keys.length
      ? await deps.db.selectFrom("org_values").select(["key", "name_nl"]).where("organisation_id", "=", project.organisationId).where("key", "in", keys.slice(0, 20)).execute()
      : [];
    const byKey = new Map(names.map((n) => [n.key, n.name_nl]));
    return {
      lawful_basis: paragraphs(a.legal_basis),
      source_data: paragraphs(a.data_sources),
      alternatives_considered: text(a.alternatives),
      objection_procedure: text(a.correction_and_appeal),
      values_weighed: keys.map((k) => byKey.get(k)).filter((n): n is string => !!n),
    };
  },
};
