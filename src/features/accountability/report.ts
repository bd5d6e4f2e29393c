// The periodic reports for a chosen period [from, to], both days included:
// (a) for the board and the council: the year in data ethics; (b) for the
// ethics committee: the internal ethical considerations, for it to evaluate.
// Each part is one set-based statement; nothing here writes.
import { sql } from "kysely";
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid } from "../../platform/errors.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import "../deliberation/schema.ts";
import "../evaluations/schema.ts";
import "../expert-table/schema.ts";
import { canSeeReport, type ReportKind } from "./access.ts";
import { num, rows } from "./sql.ts";

/** The period as the form and the API send it. */
export const ReportPeriodInput = z.object({ from: fields.date(), to: fields.date() });

export interface Period {
  from: string;
  to: string;
  fromIso: string;
  /** The day after `to`, as a timestamp: the period is [fromIso, toIso). */
  toIso: string;
}

/** The period asked for, where a bound is missing: from 1 January of this year, to today (the page and the API alike). */
export function periodOrDefault(now: Date, asked: { from?: string | undefined; to?: string | undefined }): { from: string; to: string } {
  const today = now.toISOString().slice(0, 10);
  return { from: asked.from ?? `${today.slice(0, 4)}-01-01`, to: asked.to ?? today };
}

/** Refuses a period that ends before it starts, with its field. */
export function parsePeriod(input: unknown): Period {
  const { from, to } = parseInput(ReportPeriodInput, input);
  if (to < from) throw invalid([{ field: "to", messageKey: "accountability.period_order" }]);
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { from, to, fromIso: `${from}T00:00:00.000Z`, toIso: end.toISOString() };
}

export type Decision = "go" | "adjust" | "stop";

export interface GateItem {
  projectId: string;
  projectTitle: string;
  phase: string;
  decision: Decision;
  rationale: string;
  decidedAt: string;
}

export interface BoardReport {
  kind: "board";
  period: Period;
  started: { id: string; title: string; domain: string; phase: string; createdAt: string }[];
  decisions: Record<Decision, number>;
  /** Adjusted and stopped projects, with why. */
  changes: GateItem[];
  advice: { caseId: string; adviceId: string; title: string; adoptedAt: string; decision: string | null; reasons: string | null; respondedAt: string | null; published: boolean }[];
  recommendations: { comply: number; explain: number };
  audits: { id: string; title: string; type: string; status: string; finishedAt: string }[];
  findingsBySeverity: Record<string, number>;
  publications: { kind: "register" | "advice"; title: string; lars: string | null; adviceId: string | null; publishedAt: string }[];
  lessons: { projectId: string; projectTitle: string; phase: string; text: string; recordedAt: string }[];
  evaluations: { total: number; needsAttention: number };
}

export interface CommitteeReport {
  kind: "committee";
  period: Period;
  decisions: Record<Decision, number>;
  gates: GateItem[];
  answers: { source: "recommendation" | "board" | "finding"; projectTitle: string | null; subject: string; answer: "comply" | "explain"; text: string; answeredAt: string }[];
  deliberations: { id: string; title: string; projectTitle: string | null; status: string; heldOn: string; conclusion: string }[];
}

export type PeriodicReport = BoardReport | CommitteeReport;

type Ctx = { deps: Deps; org: string; p: Period };

const DECISIONS: readonly Decision[] = ["go", "adjust", "stop"];

async function gateItems({ deps, org, p }: Ctx, only?: readonly Decision[]): Promise<GateItem[]> {
  const filter = only ? sql`and g.decision in (${sql.join(only.map((d) => sql.lit(d)))})` : sql``;
  const found = await rows<{ project_id: string; title: string; phase: string; decision: string; rationale: string; decided_at: string }>(
    deps,
    sql`select g.project_id, p.title, g.phase, g.decision, g.rationale, g.decided_at from gate_decisions g join projects p on p.id = g.project_id
    where g.organisation_id = ${org} and g.decided_at >= ${p.fromIso} and g.decided_at < ${p.toIso} ${filter} order by g.decided_at, g.id`,
  );
  return found
    .filter((r) => (DECISIONS as readonly string[]).includes(r.decision))
    .map((r) => ({ projectId: r.project_id, projectTitle: r.title, phase: r.phase, decision: r.decision as Decision, rationale: r.rationale, decidedAt: r.decided_at }));
}

async function decisionCounts({ deps, org, p }: Ctx): Promise<Record<Decision, number>> {
  const found = await rows<{ decision: string; n: unknown }>(
    deps,
    sql`select decision, count(*) as n from gate_decisions where organisation_id = ${org} and decided_at >= ${p.fromIso} and decided_at < ${p.toIso} group by decision`,
  );
  const out: Record<Decision, number> = { go: 0, adjust: 0, stop: 0 };
  for (const r of found) if ((DECISIONS as readonly string[]).includes(r.decision)) out[r.decision as Decision] = num(r.n);
  return out;
}

async function boardParts({ deps, org, p }: Ctx) {
  const within = (column: string) => sql`${sql.raw(column)} >= ${p.fromIso} and ${sql.raw(column)} < ${p.toIso}`;
  return Promise.all([
    rows<{ id: string; title: string; domain: string; phase: string; created_at: string }>(
      deps,
      sql`select id, title, domain, phase, created_at from projects where organisation_id = ${org} and ${within("created_at")} order by created_at, id`,
    ),
    rows<{ case_id: string; advice_id: string; title: string; adopted_at: string; decision: string | null; reasons: string | null; responded_at: string | null; published_at: string | null }>(
      deps,
      sql`select c.id as case_id, a.id as advice_id, c.title, a.adopted_at, b.decision, b.reasons, b.responded_at, a.published_at
      from committee_advice a join committee_cases c on c.id = a.case_id left join board_responses b on b.advice_id = a.id
      where a.organisation_id = ${org} and a.adopted_at is not null and ${within("a.adopted_at")} order by a.adopted_at, a.id`,
    ),
    rows<{ response: string; n: unknown }>(
      deps,
      sql`select response, count(*) as n from expert_recommendations where organisation_id = ${org} and response is not null and ${within("responded_at")} group by response`,
    ),
    rows<{ id: string; title: string; type: string; status: string; at: string }>(
      deps,
      sql`select a.id, a.title, a.type, a.status, min(s.at) as at from audits a join audit_status_changes s on s.audit_id = a.id
      where a.organisation_id = ${org} and s.to_status = 'final' and ${within("s.at")} group by a.id, a.title, a.type, a.status order by min(s.at)`,
    ),
    rows<{ severity: string; n: unknown }>(
      deps,
      sql`select severity, count(*) as n from audit_findings where organisation_id = ${org} and ${within("created_at")} group by severity`,
    ),
    rows<{ kind: "register" | "advice"; title: string | null; lars: string | null; advice_id: string | null; at: string }>(
      deps,
      sql`select 'register' as kind, coalesce(e.pub_name, p.title) as title, e.lars, null as advice_id, e.first_published_at as at
        from register_entries e join projects p on p.id = e.project_id where e.organisation_id = ${org} and e.first_published_at is not null and ${within("e.first_published_at")}
      union all select 'advice', c.title, null, a.id, a.published_at from committee_advice a join committee_cases c on c.id = a.case_id
        where a.organisation_id = ${org} and a.published_at is not null and ${within("a.published_at")}
      order by 5`,
    ),
    rows<{ project_id: string; title: string; phase: string; text: string; recorded_at: string }>(
      deps,
      sql`select e.project_id, p.title, e.phase, e.text, e.recorded_at from project_evaluations e join projects p on p.id = e.project_id
      where e.organisation_id = ${org} and ${within("e.recorded_at")} order by e.recorded_at, e.id`,
    ),
    rows<{ n: unknown; attention: unknown }>(
      deps,
      sql`select count(*) as n, coalesce(sum(needs_attention), 0) as attention from periodic_evaluations where organisation_id = ${org} and ${within("recorded_at")}`,
    ),
  ]);
}

async function boardReport(ctx: Ctx): Promise<BoardReport> {
  const [decisions, changes, [started, advice, recs, audits, findings, publications, lessons, evaluations]] = await Promise.all([
    decisionCounts(ctx),
    gateItems(ctx, ["adjust", "stop"]),
    boardParts(ctx),
  ]);
  const recommendations = { comply: 0, explain: 0 };
  for (const r of recs) if (r.response === "comply" || r.response === "explain") recommendations[r.response] = num(r.n);
  return {
    kind: "board",
    period: ctx.p,
    started: started.map((r) => ({ id: r.id, title: r.title, domain: r.domain, phase: r.phase, createdAt: r.created_at })),
    decisions,
    changes,
    advice: advice.map((r) => ({ caseId: r.case_id, adviceId: r.advice_id, title: r.title, adoptedAt: r.adopted_at, decision: r.decision, reasons: r.reasons, respondedAt: r.responded_at, published: !!r.published_at })),
    recommendations,
    audits: audits.map((r) => ({ id: r.id, title: r.title, type: r.type, status: r.status, finishedAt: r.at })),
    findingsBySeverity: Object.fromEntries(findings.map((r) => [r.severity, num(r.n)])),
    publications: publications.map((r) => ({ kind: r.kind, title: r.title ?? "", lars: r.lars, adviceId: r.advice_id, publishedAt: r.at })),
    lessons: lessons.map((r) => ({ projectId: r.project_id, projectTitle: r.title, phase: r.phase, text: r.text, recordedAt: r.recorded_at })),
    evaluations: { total: num(evaluations[0]?.n), needsAttention: num(evaluations[0]?.attention) },
  };
}

async function committeeReport(ctx: Ctx): Promise<CommitteeReport> {
  const { deps, org, p } = ctx;
  const within = (column: string) => sql`${sql.raw(column)} >= ${p.fromIso} and ${sql.raw(column)} < ${p.toIso}`;
  const [decisions, gates, answers, deliberations] = await Promise.all([
    decisionCounts(ctx),
    gateItems(ctx),
    // Comply or explain: the project's answers to the expert table, the board's to the committee, management's to audit findings.
    rows<{ source: "recommendation" | "board" | "finding"; project_title: string | null; subject: string; answer: string; text: string | null; at: string }>(
      deps,
      sql`select 'recommendation' as source, p.title as project_title, r.text as subject, r.response as answer, r.response_text as text, r.responded_at as at
        from expert_recommendations r join expert_advice a on a.id = r.advice_id join advice_requests q on q.id = a.request_id join projects p on p.id = q.project_id
        where r.organisation_id = ${org} and r.response in ('comply', 'explain') and ${within("r.responded_at")}
      union all select 'board', p.title, c.title, case when b.decision = 'follow' then 'comply' else 'explain' end, b.reasons, b.responded_at
        from board_responses b join committee_advice a on a.id = b.advice_id join committee_cases c on c.id = a.case_id left join projects p on p.id = c.project_id
        where b.organisation_id = ${org} and ${within("b.responded_at")}
      union all select 'finding', p.title, f.title, case when f.response = 'agree' then 'comply' else 'explain' end, f.response_text, f.responded_at
        from audit_findings f join projects p on p.id = f.project_id
        where f.organisation_id = ${org} and f.response is not null and ${within("f.responded_at")}
      order by 6`,
    ),
    rows<{ id: string; title: string; project_title: string | null; status: string; held_on: string; conclusion: string }>(
      deps,
      sql`select d.id, d.title, p.title as project_title, d.status, d.held_on, d.conclusion from deliberations d left join projects p on p.id = d.project_id
      where d.organisation_id = ${org} and d.status in ('closed', 'escalated')
        and ((d.closed_at is not null and ${within("d.closed_at")}) or (d.escalated_at is not null and ${within("d.escalated_at")}))
      order by d.held_on, d.id`,
    ),
  ]);
  return {
    kind: "committee",
    period: p,
    decisions,
    gates,
    answers: answers.map((r) => ({ source: r.source, projectTitle: r.project_title, subject: r.subject, answer: r.answer === "comply" ? "comply" : "explain", text: r.text ?? "", answeredAt: r.at })),
    deliberations: deliberations.map((r) => ({ id: r.id, title: r.title, projectTitle: r.project_title, status: r.status, heldOn: r.held_on, conclusion: r.conclusion })),
  };
}

export async function periodicReport(deps: Deps, actor: Actor, kind: ReportKind, input: unknown): Promise<PeriodicReport> {
  if (!canSeeReport(actor, kind)) throw forbidden();
  const ctx: Ctx = { deps, org: actor.organisationId, p: parsePeriod(input) };
  return kind === "board" ? boardReport(ctx) : committeeReport(ctx);
}
