// The accountability dashboard's figures for the 3rd line: every figure is
// counted by the database (GROUP BY), each list is one statement with a limit,
// always the same statements whatever the number of projects. The tables of
// other features are read through their schema types (module augmentation);
// nothing here writes.
import { sql } from "kysely";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import "../assessments/schema.ts";
import "../audits/schema.ts";
import "../bias-audit/schema.ts";
import "../committee/schema.ts";
import "../measures/schema.ts";
import "../procurement/schema.ts";
import "../projects/schema.ts";
import "../register/schema.ts";
import "../values/schema.ts";
import { canSeeDashboard } from "./access.ts";
import { jsonInt, num, quarterStart, rows, yearQuarter, yearQuarterGroup } from "./sql.ts";

/** How many records a list on the dashboard shows; its total is counted beside it. */
export const LIST_LIMIT = 10;
/** Quarters in the trend table, the current one included. */
export const TREND_QUARTERS = 8;

export const COUNTERS = [
  "measures_open",
  "measures_overdue",
  "measures_awaiting_signoff",
  "measures_done",
  "measures_explained",
  "depia_waiting_review",
  "contracts_awaiting_signoff",
  "advice_draft",
  "advice_adopted",
  "advice_published",
  "board_follow",
  "board_deviate",
  "board_overdue",
  "register_unpublished",
  "register_published",
  "register_retracted",
  "register_revision_overdue",
  "findings_open",
  "stops",
] as const;
export type Counter = (typeof COUNTERS)[number];

export const TREND_KINDS = ["projects_started", "gate_decisions", "stops", "measures_done", "findings", "advice_adopted", "published"] as const;
export type TrendKind = (typeof TREND_KINDS)[number];

export interface Count<K extends string> {
  key: K;
  count: number;
}

export interface DashboardFigures {
  today: string;
  counters: Record<Counter, number>;
  projects: { phase: string; domain: string; count: number }[];
  gates: { phase: string; decision: string; count: number }[];
  stops: { projectId: string; title: string; phase: string; rationale: string; decidedAt: string }[];
  screenings: { outcome: string; fg: string; count: number }[];
  depiaReviews: { role: string; overall: string; count: number }[];
  waitingReviews: { projectId: string; title: string; version: number; submittedAt: string }[];
  overdueMeasures: { id: string; projectId: string; projectTitle: string; title: string; dueDate: string; status: string }[];
  audits: Count<string>[];
  findings: { severity: string; state: string; count: number }[];
  openFindings: { auditId: string; auditTitle: string; projectTitle: string; number: number; title: string; severity: string; state: string }[];
  biasAudits: { status: string; count: number; withDifferences: number }[];
  biasFound: { id: string; name: string; projectTitle: string | null; tests: number; significant: number; finishedAt: string }[];
  deviations: { caseId: string; adviceId: string; title: string; reasons: string; respondedAt: string; published: boolean }[];
  revisionOverdue: { projectId: string; name: string; revisionDate: string }[];
  heatMap: { valueKey: string; nameNl: string; nameEn: string; likelihood: string; impact: string; count: number }[];
  trends: { kind: TrendKind; year: number; quarter: number; count: number }[];
  trendFrom: string;
}

type Ctx = { deps: Deps; org: string; today: string };

async function counters({ deps, org, today }: Ctx): Promise<Record<Counter, number>> {
  const open = sql`('open', 'in_progress', 'awaiting_signoff')`;
  const found = await rows<{ k: string; n: unknown }>(
    deps,
    sql`
    select 'measures_open' as k, count(*) as n from measures where organisation_id = ${org} and status in ${open}
    union all select 'measures_overdue', count(*) from measures where organisation_id = ${org} and status in ${open} and due_date is not null and due_date < ${today}
    union all select 'measures_' || status, count(*) from measures where organisation_id = ${org} and status in ('awaiting_signoff', 'done', 'explained') group by status
    union all select 'depia_waiting_review', count(*) from depia_versions v where v.organisation_id = ${org}
      and v.number = (select max(v2.number) from depia_versions v2 where v2.depia_id = v.depia_id)
      and not exists (select 1 from depia_reviews r where r.depia_id = v.depia_id and r.version_number = v.number and r.reviewer_role = 'fg')
    union all select 'contracts_awaiting_signoff', count(*) from contracts c where c.organisation_id = ${org} and c.status = 'active'
      and (select count(distinct s.slot) from contract_signoffs s where s.contract_id = c.id and s.revision = c.revision) < 2
    union all select 'advice_' || status, count(*) from committee_advice where organisation_id = ${org} group by status
    union all select 'advice_published', count(*) from committee_advice where organisation_id = ${org} and published_at is not null
    union all select 'board_' || decision, count(*) from board_responses where organisation_id = ${org} group by decision
    union all select 'board_overdue', count(*) from committee_advice a where a.organisation_id = ${org} and a.status = 'adopted'
      and a.response_due is not null and a.response_due < ${today} and not exists (select 1 from board_responses b where b.advice_id = a.id)
    union all select 'register_' || public_state, count(*) from register_entries where organisation_id = ${org} group by public_state
    union all select 'register_revision_overdue', count(*) from register_entries where organisation_id = ${org} and public_state = 'published' and revision_date is not null and revision_date < ${today}
    union all select 'findings_open', count(*) from audit_findings f left join measures m on m.id = f.measure_id where f.organisation_id = ${org}
      and (f.response is null or (f.response = 'agree' and (m.status is null or m.status not in ('done', 'explained'))))
    union all select 'stops', count(*) from gate_decisions where organisation_id = ${org} and decision = 'stop'`,
  );
  const out = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>;
  for (const r of found) if ((COUNTERS as readonly string[]).includes(r.k)) out[r.k as Counter] += num(r.n);
  return out;
}

async function grouped({ deps, org }: Ctx) {
  const [projects, gates, screenings, depiaReviews, audits, findings, biasAudits] = await Promise.all([
    rows<{ phase: string; domain: string; n: unknown }>(deps, sql`select phase, domain, count(*) as n from projects where organisation_id = ${org} group by phase, domain`),
    rows<{ phase: string; decision: string; n: unknown }>(deps, sql`select phase, decision, count(*) as n from gate_decisions where organisation_id = ${org} group by phase, decision`),
    // The latest screening of each project, with the FG's outcome where the FG overruled it.
    rows<{ outcome: string; fg: string; n: unknown }>(
      deps,
      sql`select case when s.fg_decision = 'overruled' and s.fg_outcome is not null then s.fg_outcome else s.outcome end as outcome,
        coalesce(s.fg_decision, 'waiting') as fg, count(*) as n
      from screenings s where s.organisation_id = ${org}
        and s.completed_at = (select max(s2.completed_at) from screenings s2 where s2.project_id = s.project_id)
      group by case when s.fg_decision = 'overruled' and s.fg_outcome is not null then s.fg_outcome else s.outcome end, coalesce(s.fg_decision, 'waiting')`,
    ),
    // The verdicts on the latest version of each DEPIA.
    rows<{ role: string; overall: string; n: unknown }>(
      deps,
      sql`select r.reviewer_role as role, r.overall as overall, count(*) as n from depia_reviews r where r.organisation_id = ${org}
        and r.version_number = (select max(v.number) from depia_versions v where v.depia_id = r.depia_id)
      group by r.reviewer_role, r.overall`,
    ),
    rows<{ status: string; n: unknown }>(deps, sql`select status, count(*) as n from audits where organisation_id = ${org} group by status`),
    rows<{ severity: string; state: string; n: unknown }>(
      deps,
      sql`select f.severity as severity, ${findingState} as state, count(*) as n
      from audit_findings f left join measures m on m.id = f.measure_id where f.organisation_id = ${org}
      group by f.severity, ${findingState}`,
    ),
    rows<{ status: string; n: unknown; d: unknown }>(
      deps,
      sql`select status, count(*) as n, sum(case when status = 'done' and report_json is not null and ${jsonInt(deps, "report_json", ["tests", "significant"])} > 0 then 1 else 0 end) as d
      from bias_audits where organisation_id = ${org} group by status`,
    ),
  ]);
  return {
    projects: projects.map((r) => ({ phase: r.phase, domain: r.domain, count: num(r.n) })),
    gates: gates.map((r) => ({ phase: r.phase, decision: r.decision, count: num(r.n) })),
    screenings: screenings.map((r) => ({ outcome: r.outcome, fg: r.fg, count: num(r.n) })),
    depiaReviews: depiaReviews.map((r) => ({ role: r.role, overall: r.overall, count: num(r.n) })),
    audits: audits.map((r) => ({ key: r.status, count: num(r.n) })),
    findings: findings.map((r) => ({ severity: r.severity, state: r.state, count: num(r.n) })),
    biasAudits: biasAudits.map((r) => ({ status: r.status, count: num(r.n), withDifferences: num(r.d) })),
  };
}

/** unanswered, explained, in_progress (agreed, its measure not finished) or closed. */
const findingState = sql`case when f.response is null then 'unanswered' when f.response = 'explain' then 'explained'
  when m.status in ('done', 'explained') then 'closed' else 'in_progress' end`;

async function lists({ deps, org, today }: Ctx) {
  const limit = LIST_LIMIT;
  const [stops, waiting, overdue, openFindings, biasFound, deviations, revision] = await Promise.all([
    rows<{ project_id: string; title: string; phase: string; rationale: string; decided_at: string }>(
      deps,
      sql`select g.project_id, p.title, g.phase, g.rationale, g.decided_at from gate_decisions g join projects p on p.id = g.project_id
      where g.organisation_id = ${org} and g.decision = 'stop' order by g.decided_at desc limit ${limit}`,
    ),
    rows<{ project_id: string; title: string; number: unknown; submitted_at: string }>(
      deps,
      sql`select d.project_id, p.title, v.number, v.submitted_at from depia_versions v join depias d on d.id = v.depia_id join projects p on p.id = d.project_id
      where v.organisation_id = ${org} and v.number = (select max(v2.number) from depia_versions v2 where v2.depia_id = v.depia_id)
        and not exists (select 1 from depia_reviews r where r.depia_id = v.depia_id and r.version_number = v.number and r.reviewer_role = 'fg')
      order by v.submitted_at limit ${limit}`,
    ),
    rows<{ id: string; project_id: string; project_title: string; title: string; due_date: string; status: string }>(
      deps,
      sql`select m.id, m.project_id, p.title as project_title, m.title, m.due_date, m.status from measures m join projects p on p.id = m.project_id
      where m.organisation_id = ${org} and m.status in ('open', 'in_progress', 'awaiting_signoff') and m.due_date is not null and m.due_date < ${today}
      order by m.due_date, m.id limit ${limit}`,
    ),
    rows<{ audit_id: string; audit_title: string; project_title: string; number: unknown; title: string; severity: string; state: string }>(
      deps,
      sql`select f.audit_id, a.title as audit_title, p.title as project_title, f.number, f.title, f.severity, ${findingState} as state
      from audit_findings f join audits a on a.id = f.audit_id join projects p on p.id = f.project_id left join measures m on m.id = f.measure_id
      where f.organisation_id = ${org} and (f.response is null or (f.response = 'agree' and (m.status is null or m.status not in ('done', 'explained'))))
      order by case f.severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end, f.created_at limit ${limit}`,
    ),
    rows<{ id: string; name: string; project_title: string | null; tests: unknown; significant: unknown; finished_at: string | null }>(
      deps,
      sql`select b.id, b.name, p.title as project_title, ${jsonInt(deps, "b.report_json", ["tests", "count"])} as tests,
        ${jsonInt(deps, "b.report_json", ["tests", "significant"])} as significant, b.finished_at
      from bias_audits b left join projects p on p.id = b.project_id
      where b.organisation_id = ${org} and b.status = 'done' and b.report_json is not null order by b.finished_at desc limit ${limit}`,
    ),
    rows<{ case_id: string; advice_id: string; title: string; reasons: string; responded_at: string; published_at: string | null }>(
      deps,
      sql`select c.id as case_id, a.id as advice_id, c.title, b.reasons, b.responded_at, a.published_at
      from board_responses b join committee_advice a on a.id = b.advice_id join committee_cases c on c.id = a.case_id
      where b.organisation_id = ${org} and b.decision = 'deviate' order by b.responded_at desc limit ${limit}`,
    ),
    rows<{ project_id: string; name: string | null; revision_date: string }>(
      deps,
      sql`select e.project_id, coalesce(e.pub_name, p.title) as name, e.revision_date from register_entries e join projects p on p.id = e.project_id
      where e.organisation_id = ${org} and e.public_state = 'published' and e.revision_date is not null and e.revision_date < ${today}
      order by e.revision_date limit ${limit}`,
    ),
  ]);
  return {
    stops: stops.map((r) => ({ projectId: r.project_id, title: r.title, phase: r.phase, rationale: r.rationale, decidedAt: r.decided_at })),
    waitingReviews: waiting.map((r) => ({ projectId: r.project_id, title: r.title, version: num(r.number), submittedAt: r.submitted_at })),
    overdueMeasures: overdue.map((r) => ({ id: r.id, projectId: r.project_id, projectTitle: r.project_title, title: r.title, dueDate: r.due_date, status: r.status })),
    openFindings: openFindings.map((r) => ({ auditId: r.audit_id, auditTitle: r.audit_title, projectTitle: r.project_title, number: num(r.number), title: r.title, severity: r.severity, state: r.state })),
    biasFound: biasFound.map((r) => ({ id: r.id, name: r.name, projectTitle: r.project_title, tests: num(r.tests), significant: num(r.significant), finishedAt: r.finished_at ?? "" })),
    deviations: deviations.map((r) => ({ caseId: r.case_id, adviceId: r.advice_id, title: r.title, reasons: r.reasons, respondedAt: r.responded_at, published: !!r.published_at })),
    revisionOverdue: revision.map((r) => ({ projectId: r.project_id, name: r.name ?? "", revisionDate: r.revision_date })),
  };
}

/** Risks per value of the organisation's value set, by their current position (after measures where scored). */
async function heatMap({ deps, org }: Ctx): Promise<DashboardFigures["heatMap"]> {
  const likelihood = sql`coalesce(r.residual_likelihood, r.inherent_likelihood)`;
  const impact = sql`coalesce(r.residual_impact, r.inherent_impact)`;
  const found = await rows<{ value_key: string; name_nl: string; name_en: string; sort_order: unknown; likelihood: string; impact: string; n: unknown }>(
    deps,
    sql`select v.key as value_key, v.name_nl, v.name_en, v.sort_order, ${likelihood} as likelihood, ${impact} as impact, count(*) as n
    from risks r join org_values v on v.organisation_id = r.organisation_id and r.values_json like '%"' || v.key || '"%'
    where r.organisation_id = ${org}
    group by v.key, v.name_nl, v.name_en, v.sort_order, ${likelihood}, ${impact}
    order by v.sort_order, v.key`,
  );
  return found.map((r) => ({ valueKey: r.value_key, nameNl: r.name_nl, nameEn: r.name_en, likelihood: r.likelihood, impact: r.impact, count: num(r.n) }));
}

/** Per quarter, from the start of the quarter TREND_QUARTERS−1 quarters back. */
async function trends({ deps, org }: Ctx, from: string): Promise<DashboardFigures["trends"]> {
  const part = (kind: TrendKind, table: string, column: string, extra = "") =>
    sql`select ${sql.lit(kind)} as k, ${yearQuarter(column)}, count(*) as n from ${sql.raw(table)} where organisation_id = ${org} and ${sql.raw(column)} >= ${from} ${sql.raw(extra)} group by ${yearQuarterGroup(column)}`;
  const found = await rows<{ k: TrendKind; y: unknown; q: unknown; n: unknown }>(
    deps,
    sql.join(
      [
        part("projects_started", "projects", "created_at"),
        part("gate_decisions", "gate_decisions", "decided_at"),
        part("stops", "gate_decisions", "decided_at", "and decision = 'stop'"),
        part("measures_done", "measures", "signed_off_at", "and signed_off_at is not null"),
        part("findings", "audit_findings", "created_at"),
        part("advice_adopted", "committee_advice", "adopted_at", "and adopted_at is not null"),
        part("published", "register_entries", "first_published_at", "and first_published_at is not null"),
      ],
      sql` union all `,
    ),
  );
  return found.map((r) => ({ kind: r.k, year: num(r.y), quarter: num(r.q), count: num(r.n) }));
}

export async function dashboardFigures(deps: Deps, actor: Actor): Promise<DashboardFigures> {
  if (!canSeeDashboard(actor)) throw forbidden();
  const today = deps.now().toISOString().slice(0, 10);
  const ctx: Ctx = { deps, org: actor.organisationId, today };
  const trendFrom = quarterStart(today, TREND_QUARTERS - 1);
  const [count, group, list, heat, trend] = await Promise.all([counters(ctx), grouped(ctx), lists(ctx), heatMap(ctx), trends(ctx, trendFrom)]);
  return { today, counters: count, ...group, ...list, heatMap: heat, trends: trend, trendFrom };
}
