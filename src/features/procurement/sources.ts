// Where attention points come from, read without an acting user inside one
// organisation (the use cases and the gate snapshot check the actor first):
// the expert table's recommendations, the DEPIA's review remarks, the risks
// whose measure depends on the supplier, and the project's bias audits.
// Other features' records are read through their exported queries where they
// have one (DEPIA records, the risk register), and read-only from their tables
// where they have none (recommendations, measures, bias audits, technologies).
import type { LocalText } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { depiaRecordsOf } from "../assessments/depia.ts";
import { risksOf } from "../assessments/risks.ts";
import type {} from "../bias-audit/schema.ts";
import type {} from "../expert-table/schema.ts";
import type {} from "../measures/schema.ts";
import type { PointSource, SourcePoint } from "./model.ts";


/** Technologies for which a bias audit of the outcomes belongs in the contract. */
const AUDITED_TECHNOLOGIES = ["ai_algorithm", "profiling"];

/** Every recommendation of every given expert-table advice on the project, in the order they were given. */
export async function recommendationPoints(deps: Deps, organisationId: string, projectId: string): Promise<SourcePoint[]> {
  const rows = await deps.db
    .selectFrom("expert_recommendations")
    .innerJoin("expert_advice", "expert_advice.id", "expert_recommendations.advice_id")
    .innerJoin("advice_requests", "advice_requests.id", "expert_advice.request_id")
    .select(["expert_recommendations.id", "expert_recommendations.number", "expert_recommendations.text", "expert_recommendations.response", "expert_recommendations.response_text", "expert_advice.given_at", "advice_requests.id as request_id"])
    .where("expert_recommendations.organisation_id", "=", organisationId)
    .where("advice_requests.project_id", "=", projectId)
    .where("expert_advice.status", "=", "given")
    .orderBy("expert_advice.given_at")
    .orderBy("expert_recommendations.number")
    .execute();
  return rows.map((r) => ({
    key: `advice:${r.id}`,
    source: "advice",
    params: { number: r.number, date: (r.given_at ?? "").slice(0, 10) },
    text: r.text,
    ...(r.response && r.response_text ? { context: r.response_text } : {}),
    href: `/expert-table/requests/${r.request_id}`,
  }));
}

/**
 * The DEPIA reviewers' remarks: the advice of every review that found the
 * DEPIA improvable or acceptable (the conditions it was accepted under), and
 * every section they found improvable. A review that found it "to correct"
 * asks for a new DEPIA version, not for a clause; its points come with the
 * review of that version.
 */
export async function reviewPoints(deps: Deps, organisationId: string, projectId: string): Promise<SourcePoint[]> {
  const records = await depiaRecordsOf(deps, organisationId, projectId);
  if (!records) return [];
  const instrument = deps.instruments.latest("depia");
  const href = `/projects/${projectId}/depia`;
  const out: SourcePoint[] = [];
  for (const r of records.reviews) {
    const params = { role: r.role, version: r.version, date: r.givenAt.slice(0, 10), verdict: r.overall };
    if (r.overall !== "to_correct" && r.advice.trim()) out.push({ key: `review:${r.id}`, source: "review", params, text: r.advice, href });
    for (const s of r.sections.filter((x) => x.verdict === "improvable")) {
      const title = instrument?.sections.find((x) => x.id === s.sectionId)?.title ?? { nl: s.sectionId, en: s.sectionId };
      out.push({ key: `review_section:${r.id}:${s.sectionId}`, source: "review_section", params, sectionTitle: title, text: s.note, href });
    }
  }
  return out;
}

interface MeasureRow {
  id: string;
  title: string;
  status: string;
}

/** The project's measures, for marking which depend on the supplier. */
export async function projectMeasures(deps: Deps, organisationId: string, projectId: string): Promise<MeasureRow[]> {
  return deps.db.selectFrom("measures").select(["id", "title", "status"]).where("organisation_id", "=", organisationId).where("project_id", "=", projectId).orderBy("created_at").orderBy("id").execute();
}

/**
 * Open risks whose measure depends on this contract's supplier: a risk in the
 * project's register linked to a measure the lead marked for this contract,
 * while that measure is not set aside ("explained"). The register has no
 * closed state: a risk stands until it is removed, so it counts as open.
 */
export async function riskPoints(deps: Deps, organisationId: string, projectId: string, markedMeasureIds: readonly string[]): Promise<SourcePoint[]> {
  if (markedMeasureIds.length === 0) return [];
  const measures = await projectMeasures(deps, organisationId, projectId);
  const live = new Map(measures.filter((m) => markedMeasureIds.includes(m.id) && m.status !== "explained").map((m) => [m.id, m.title]));
  const risks = await risksOf(deps, organisationId, projectId);
  return risks
    .filter((r) => r.measureIds.some((id) => live.has(id)))
    .map((r) => ({
      key: `risk:${r.id}`,
      source: "risk",
      params: { label: r.label },
      text: r.description,
      context: r.measureIds.filter((id) => live.has(id)).map((id) => live.get(id)).join("; "),
      href: `/projects/${projectId}/depia/risks/${r.id}`,
    }));
}

/**
 * Bias-audit obligations: each finished bias audit of the project (the
 * supplier helps repeat it and puts right what it finds), and for a project
 * with AI or profiling the duty to deliver outcome data for bias audits at all.
 */
export async function biasPoints(deps: Deps, organisationId: string, projectId: string): Promise<SourcePoint[]> {
  const project = await deps.db.selectFrom("projects").select("technologies_json").where("organisation_id", "=", organisationId).where("id", "=", projectId).executeTakeFirst();
  const technologies = parseList(project?.technologies_json);
  const audits = await deps.db
    .selectFrom("bias_audits")
    .select(["id", "name", "report_json", "finished_at"])
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .where("status", "=", "done")
    .orderBy("finished_at")
    .orderBy("id")
    .execute();
  const out: SourcePoint[] = [];
  if (technologies.some((t) => AUDITED_TECHNOLOGIES.includes(t))) out.push({ key: "bias_duty", source: "bias_duty", params: {}, text: "", href: null });
  for (const a of audits) {
    const tests = testCounts(a.report_json);
    out.push({ key: `bias_audit:${a.id}`, source: "bias_audit", params: { date: (a.finished_at ?? "").slice(0, 10), significant: tests.significant, tests: tests.count }, text: a.name, href: `/bias-audits/${a.id}` });
  }
  return out;
}

function testCounts(json: string | null): { count: number; significant: number } {
  try {
    const report = JSON.parse(json ?? "{}") as { tests?: { count?: unknown; significant?: unknown } };
    return { count: Number(report.tests?.count ?? 0) || 0, significant: Number(report.tests?.significant ?? 0) || 0 };
  } catch {
    return { count: 0, significant: 0 };
  }
}

function parseList(json: string | null | undefined): string[] {
  try {
    const v: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** Every source's points for one contract, in a fixed order: advice, DEPIA, risks, bias audits. */
export async function sourcePoints(deps: Deps, organisationId: string, projectId: string, markedMeasureIds: readonly string[]): Promise<SourcePoint[]> {
  return [
    ...(await recommendationPoints(deps, organisationId, projectId)),
    ...(await reviewPoints(deps, organisationId, projectId)),
    ...(await riskPoints(deps, organisationId, projectId, markedMeasureIds)),
    ...(await biasPoints(deps, organisationId, projectId)),
  ];
}
