// A fictional organisation with known numbers, written straight into the
// other features' tables, so a test can say exactly what every figure must be.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Deps } from "../../platform/deps.ts";
import { organisationWith } from "../../../test/support/fixtures.ts";

/** The day the tests look from. */
export const TODAY = "2026-06-15";
export const testNow = () => new Date(`${TODAY}T10:00:00.000Z`);

type Row = Record<string, string | number | null>;

/** Inserts rows into a table; the caller writes every column the table needs. */
async function put(deps: Deps, table: string, rows: Row[]): Promise<void> {
  if (rows.length) await (deps.db as unknown as Kysely<any>).insertInto(table).values(rows).execute();
}

export function project(org: string, id: string, phase: string, domain: string, createdAt: string): Row {
  return {
    id,
    organisation_id: org,
    title: `Project ${id}`,
    goal: "Doel",
    description: "Beschrijving",
    domain,
    technologies_json: "[]",
    data_categories_json: "[]",
    supplier_involved: 0,
    phase,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/** The people of the organisation: a CIO, a wethouder, a committee member, a project lead and a privacy officer. */
export const PEOPLE = { cio: ["cio"], fg: ["fg"], wethouder: ["board_member"], commissie: ["committee_member"], lead: [], privacy: ["privacy_officer"] } as const;

/**
 * Three projects and everything about them, with dates inside and outside the
 * period 2026-01-01 … 2026-03-31 used by the report tests. `extra` more
 * projects in pre_start (for the statement count).
 */
export async function seedKnownOrganisation(deps: Deps, slug: string, extra = 0) {
  const { organisationId: org, users } = await organisationWith(deps, slug, { ...PEOPLE } as never);
  const u = users.cio!.id;
  const p = (x: string) => `${slug}-${x}`;
  const [A, B, C] = [p("a"), p("b"), p("c")];
  await put(deps, "projects", [
    project(org, A, "execution", "sociaal_domein", "2025-11-10T09:00:00.000Z"),
    { ...project(org, B, "stopped", "sociaal_domein", "2026-01-05T09:00:00.000Z"), stopped_reason: "Te grote inbreuk", stopped_at: "2026-02-01T09:00:00.000Z" },
    project(org, C, "pre_start", "fysiek", "2026-02-20T09:00:00.000Z"),
    ...Array.from({ length: extra }, (_, i) => project(org, p(`x${i}`), "pre_start", "concern", "2026-04-02T09:00:00.000Z")),
  ]);
  const gate = (id: string, projectId: string, phase: string, decision: string, to: string, at: string, rationale: string): Row => ({
    id: p(id), organisation_id: org, project_id: projectId, phase, decision, to_phase: to, rationale, decided_by: u, decided_by_name: "cio", decided_at: at, readiness_json: "{}",
  });
  await put(deps, "gate_decisions", [
    gate("g1", A, "pre_start", "go", "start", "2025-12-01T09:00:00.000Z", "Alles op orde"),
    gate("g2", A, "start", "adjust", "start", "2026-01-15T09:00:00.000Z", "Eerst de bias-audit herhalen"),
    gate("g3", B, "start", "stop", "stopped", "2026-02-01T09:00:00.000Z", "Te grote inbreuk op de privacy"),
  ]);
  const screening = (id: string, projectId: string, outcome: string, at: string, fg: string | null, fgOutcome: string | null = null): Row => ({
    id: p(id), organisation_id: org, project_id: projectId, response_id: p(`r-${id}`), response_version: 1, instrument_version: "1", outcome, fired_json: "[]", signals_json: "{}", score_json: "{}",
    completed_by: u, completed_by_name: "lead", completed_at: at, fg_decision: fg, fg_outcome: fgOutcome, fg_reason: fg ? "ok" : null, fg_by: fg ? u : null, fg_by_name: fg ? "fg" : null, fg_at: fg ? at : null,
  });
  await put(deps, "screenings", [
    screening("s0", A, "not_required", "2025-11-11T09:00:00.000Z", "confirmed"), // superseded by s1
    screening("s1", A, "required", "2025-11-20T09:00:00.000Z", "confirmed"),
    screening("s2", B, "recommended", "2026-01-06T09:00:00.000Z", null),
    screening("s3", C, "not_required", "2026-02-21T09:00:00.000Z", "overruled", "required"),
  ]);
  await put(deps, "depias", [A, B].map((x) => ({ id: `${x}-d`, organisation_id: org, project_id: x, response_id: `${x}-dr`, created_by: u, created_at: "2025-12-01T09:00:00.000Z" })));
  const version = (depia: string, n: number): Row => ({ id: `${depia}-v${n}`, organisation_id: org, depia_id: depia, number: n, response_version: n, risks_json: "[]", changed_sections_json: "[]", note: "", submitted_by: u, submitted_by_name: "lead", submitted_at: `2026-0${n}-10T09:00:00.000Z` });
  await put(deps, "depia_versions", [version(`${A}-d`, 1), version(`${A}-d`, 2), version(`${B}-d`, 1)]);
  const review = (depia: string, n: number, role: string, overall: string): Row => ({ id: `${depia}-rv${n}${role}`, organisation_id: org, depia_id: depia, version_number: n, reviewer_role: role, reviewer_id: u, reviewer_name: role, overall, advice: "", given_at: "2026-01-20T09:00:00.000Z" });
  await put(deps, "depia_reviews", [review(`${A}-d`, 1, "fg", "acceptable"), review(`${B}-d`, 1, "fg", "to_correct"), review(`${B}-d`, 1, "iso", "improvable")]);
  const measure = (id: string, projectId: string, status: string, due: string | null, signedOff: string | null = null): Row => ({
    id: p(id), organisation_id: org, project_id: projectId, title: `Maatregel ${id}`, description: "", owner_user_id: u, due_date: due, status, explanation: status === "explained" ? "Niet nodig" : null, evidence: null,
    review_cadence: "none", source_type: "manual", source_id: null, risk_ids_json: "[]", done_requested_by: null, done_requested_at: null, signed_off_by: signedOff ? u : null, signed_off_by_name: signedOff ? "fg" : null, signed_off_at: signedOff,
    created_by: u, created_at: "2026-01-02T09:00:00.000Z", updated_at: "2026-01-02T09:00:00.000Z",
  });
  await put(deps, "measures", [
    measure("m1", A, "open", "2026-05-01"), // overdue
    measure("m2", A, "in_progress", "2026-09-01"),
    measure("m3", A, "awaiting_signoff", null),
    measure("m4", A, "done", "2026-03-01", "2026-02-25T09:00:00.000Z"),
    measure("m5", B, "explained", null),
  ]);
  await put(deps, "audit_plans", [{ id: p("plan"), organisation_id: org, year: 2026, description: "", created_by: u, created_at: "2026-01-01T09:00:00.000Z", updated_by: u, updated_by_name: "vic", updated_at: "2026-01-01T09:00:00.000Z" }]);
  await put(deps, "audits", [{ id: p("audit"), organisation_id: org, plan_id: p("plan"), title: "Audit toeslagen", type: "algorithm", criteria_values_json: "[]", requirements: "", period_from: "2026-01-01", period_to: "2026-03-31", status: "final", follows_audit_id: null, created_by: u, created_at: "2026-01-03T09:00:00.000Z", updated_at: "2026-03-01T09:00:00.000Z" }]);
  await put(deps, "audit_status_changes", [{ id: p("asc"), organisation_id: org, audit_id: p("audit"), from_status: "draft_report", to_status: "final", by_user_id: u, by_name: "auditor", at: "2026-03-01T09:00:00.000Z" }]);
  const finding = (n: number, severity: string, response: string | null, measureId: string | null): Row => ({
    id: p(`f${n}`), organisation_id: org, audit_id: p("audit"), project_id: A, number: n, title: `Bevinding ${n}`, description: "", severity, values_json: "[]", evidence_text: "", evidence_links_json: "[]",
    created_by: u, created_by_name: "auditor", created_at: "2026-02-10T09:00:00.000Z", response, response_text: response ? `Reactie ${n}` : null, responded_by: response ? u : null, responded_by_name: response ? "lead" : null,
    responded_at: response ? "2026-02-20T09:00:00.000Z" : null, measure_id: measureId,
  });
  await put(deps, "audit_findings", [finding(1, "high", null, null), finding(2, "medium", "agree", p("m4")), finding(3, "low", "explain", null)]);
  const bias = (id: string, status: string, report: string | null): Row => ({
    id: p(id), organisation_id: org, project_id: A, name: `Bias ${id}`, file_name: "data.csv", file_format: "csv", file_bytes: 10, storage_key: `uploads/${org}/${id}`, columns_json: "[]", delimiter: ",", mapping_json: null, status, progress_bytes: 0, total_bytes: 10,
    error_code: status === "failed" ? "internal" : null, error_params_json: null, report_json: report, created_by: u, created_by_name: "ciso", created_at: "2026-01-10T09:00:00.000Z", updated_at: "2026-01-10T09:00:00.000Z",
    started_at: null, finished_at: status === "done" ? "2026-01-11T09:00:00.000Z" : null, heartbeat_at: null, data_removed_at: null,
  });
  await put(deps, "bias_audits", [bias("b1", "done", JSON.stringify({ tests: { count: 4, significant: 1 } })), bias("b2", "done", JSON.stringify({ tests: { count: 3, significant: 0 } })), bias("b3", "failed", null)]);
  const kase = (id: string, projectId: string | null): Row => ({ id: p(id), organisation_id: org, title: `Zaak ${id}`, question: "Vraag", origin: "project", project_id: projectId, deliberation_id: null, submitter: null, record_json: null, values_json: "[]", technologies_json: "[]", domain: "", status: "adopted", response_weeks: 6, meeting_id: null, created_by: u, created_at: "2026-01-02T09:00:00.000Z" });
  await put(deps, "committee_cases", [kase("k1", A), kase("k2", B), kase("k3", null)]);
  const advice = (id: string, caseId: string, status: string, adoptedAt: string | null, due: string | null, published: string | null): Row => ({ id: p(id), organisation_id: org, case_id: p(caseId), text: "Advies", status, publication: "public", published_at: published, adopted_at: adoptedAt, adopted_by: adoptedAt ? u : null, response_due: due, written_by: u, created_at: "2026-01-03T09:00:00.000Z", updated_at: "2026-01-03T09:00:00.000Z" });
  await put(deps, "committee_advice", [
    advice("a1", "k1", "adopted", "2026-01-20T09:00:00.000Z", "2026-03-01", "2026-01-25T09:00:00.000Z"),
    advice("a2", "k2", "adopted", "2026-02-10T09:00:00.000Z", "2026-04-01", null), // no response, overdue
    advice("a3", "k3", "draft", null, null, null),
  ]);
  await put(deps, "board_responses", [{ id: p("br1"), organisation_id: org, advice_id: p("a1"), decision: "deviate", reasons: "Wettelijke taak gaat voor", responded_by: u, responded_at: "2026-02-15T09:00:00.000Z" }]);
  const entry = (id: string, projectId: string, state: string, revision: string | null, published: string | null): Row => ({
    id: p(id), organisation_id: org, project_id: projectId, lars: createHash("sha256").update(`${slug}/${id}`).digest("hex").slice(0, 8), draft_json: "{}", draft_state: state === "published" ? "published" : "draft", revision: 1, prepared_by: null, prepared_by_name: null, prepared_at: null, approved_by: null, approved_by_name: null, approved_at: null,
    public_state: state, published_version: published ? 1 : null, first_published_at: published, retract_reason: null, retracted_at: null, revision_date: revision, pub_name: published ? `Register ${id}` : null, pub_summary: null, pub_status: null, pub_category: null,
    pub_policy_areas_json: null, pub_values_json: null, pub_technologies_json: null, pub_updated_at: published, created_at: "2026-01-02T09:00:00.000Z", updated_at: "2026-01-02T09:00:00.000Z",
  });
  await put(deps, "register_entries", [entry("e1", A, "published", "2026-05-01", "2026-03-10T09:00:00.000Z"), entry("e2", C, "unpublished", null, null)]);
  await put(deps, "org_values", [
    { id: p("v1"), organisation_id: org, key: "privacy", sort_order: 1, version: 1, name_nl: "Privacy", name_en: "Privacy", description_nl: "", description_en: "", active: 1, created_at: "2025-01-01T00:00:00.000Z", updated_at: "2025-01-01T00:00:00.000Z" },
    { id: p("v2"), organisation_id: org, key: "gelijkheid", sort_order: 2, version: 1, name_nl: "Gelijke behandeling", name_en: "Equal treatment", description_nl: "", description_en: "", active: 1, created_at: "2025-01-01T00:00:00.000Z", updated_at: "2025-01-01T00:00:00.000Z" },
  ]);
  const risk = (n: number, values: string[], il: string, ii: string, rl: string | null, ri: string | null): Row => ({
    id: p(`risk${n}`), organisation_id: org, project_id: A, number: n, category: "ethics", values_json: JSON.stringify(values), description: `Risico ${n}`, inherent_likelihood: il, inherent_impact: ii, inherent_justification: "",
    residual_likelihood: rl, residual_impact: ri, residual_justification: null, residual_above_reason: null, accepted_by: null, accepted_by_name: null, accepted_at: null, created_by: u, created_at: "2026-01-05T09:00:00.000Z", updated_at: "2026-01-05T09:00:00.000Z",
  });
  await put(deps, "risks", [risk(1, ["privacy"], "high", "high", "low", "medium"), risk(2, ["privacy", "gelijkheid"], "medium", "high", null, null)]);
  // The expert table's advice on project A, with two recommendations answered in the period.
  await put(deps, "advice_requests", [{ id: p("req"), organisation_id: org, project_id: A, question: "Vraag", canvas_link: "", status: "given", meeting_id: null, requested_by: u, requested_at: "2026-01-04T09:00:00.000Z", given_at: "2026-01-12T09:00:00.000Z" }]);
  await put(deps, "expert_advice", [{ id: p("ea"), organisation_id: org, request_id: p("req"), summary: "", findings_json: "[]", status: "given", written_by: u, created_at: "2026-01-10T09:00:00.000Z", updated_at: "2026-01-12T09:00:00.000Z", given_by: u, given_at: "2026-01-12T09:00:00.000Z" }]);
  const rec = (n: number, response: string | null, at: string | null): Row => ({ id: p(`rec${n}`), organisation_id: org, advice_id: p("ea"), number: n, text: `Aanbeveling ${n}`, response, response_text: response ? `Antwoord ${n}` : null, responded_by: response ? u : null, responded_at: at, measure_id: null });
  await put(deps, "expert_recommendations", [rec(1, "comply", "2026-01-20T09:00:00.000Z"), rec(2, "explain", "2026-02-02T09:00:00.000Z"), rec(3, "comply", "2026-05-02T09:00:00.000Z")]);
  await put(deps, "deliberations", [
    { id: p("del"), organisation_id: org, title: "Beraad gegevensdeling", case_description: "", project_id: A, method: "dilemma", method_version: "1", facilitator_id: u, status: "closed", held_on: "2026-02-05", moral_question: "", stakeholders: "", values_json: "[]", options: "", conclusion: "Alleen met toestemming", committee_case_id: null, created_at: "2026-02-01T09:00:00.000Z", closed_at: "2026-02-06T09:00:00.000Z", escalated_at: null },
  ]);
  await put(deps, "project_evaluations", [{ id: p("pe"), organisation_id: org, project_id: A, phase: "evaluation", text: "Betrek bewoners eerder", recorded_by: u, recorded_by_name: "lead", recorded_at: "2026-03-15T09:00:00.000Z" }]);
  await put(deps, "periodic_evaluations", [
    { id: p("pv1"), organisation_id: org, project_id: A, phase: "execution", instrument_id: "x", instrument_version: "1", answers_json: "{}", needs_attention: 1, material_change: null, recorded_by: u, recorded_by_name: "lead", recorded_at: "2026-02-15T09:00:00.000Z" },
    { id: p("pv2"), organisation_id: org, project_id: A, phase: "execution", instrument_id: "x", instrument_version: "1", answers_json: "{}", needs_attention: 0, material_change: null, recorded_by: u, recorded_by_name: "lead", recorded_at: "2026-03-15T09:00:00.000Z" },
  ]);
  return { org, users, projects: { A, B, C }, p };
}
