import type { Kysely } from "kysely";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid } from "../../platform/errors.ts";
import { deliberationFigures } from "../deliberation/service.ts";
import { adviceTurnaround, recommendationResponses } from "../expert-table/service.ts";
import { daysBetween } from "../expert-table/values.ts";
import { canSeeCases, committeeFigures } from "./service.ts";

/** Median and maximum of a list of day counts; null when there is nothing to measure. */
export function turnaround(days: number[]): { count: number; median: number | null; max: number | null } {
  if (!days.length) return { count: 0, median: null, max: null };
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { count: sorted.length, median, max: sorted[sorted.length - 1]! };
}

export interface PeriodicReport {
  from: string;
  to: string;
  gateDecisions: { available: boolean; total: number; byDecision: Record<string, number>; items: { projectTitle: string; phase: string; decision: string; decidedAt: string }[] };
  deliberations: Awaited<ReturnType<typeof deliberationFigures>>;
  expertTable: { turnaround: ReturnType<typeof turnaround>; responses: { comply: number; explain: number; open: number } };
  committee: {
    casesOpened: number;
    byOrigin: Record<string, number>;
    requestToAdvice: ReturnType<typeof turnaround>;
    adviceToBoard: ReturnType<typeof turnaround>;
    boardFollow: number;
    boardDeviate: number;
    boardLate: number;
    overdueNow: number;
  };
}

/** Gate decisions come from the projects feature's table; without it the report says so. */
async function gateDecisions(deps: Deps, organisationId: string, fromIso: string, toIso: string): Promise<PeriodicReport["gateDecisions"]> {
  try {
    const db = deps.db as unknown as Kysely<any>;
    const rows = (await db
      .selectFrom("gate_decisions")
      .innerJoin("projects", "projects.id", "gate_decisions.project_id")
      .select(["projects.title", "gate_decisions.phase", "gate_decisions.decision", "gate_decisions.decided_at"])
      .where("gate_decisions.organisation_id", "=", organisationId)
      .where("gate_decisions.decided_at", ">=", fromIso)
      .where("gate_decisions.decided_at", "<", toIso)
      .orderBy("gate_decisions.decided_at")
      .execute()) as { title: string; phase: string; decision: string; decided_at: string }[];
    const byDecision: Record<string, number> = { go: 0, adjust: 0, stop: 0 };
    for (const r of rows) byDecision[r.decision] = (byDecision[r.decision] ?? 0) + 1;
    return { available: true, total: rows.length, byDecision, items: rows.map((r) => ({ projectTitle: r.title, phase: r.phase, decision: r.decision, decidedAt: r.decided_at })) };
  } catch {
    return { available: false, total: 0, byDecision: {}, items: [] };
  }
}

/** The committee's periodic overview of internal ethical considerations, for a period [from, to]. */
export async function periodicReport(deps: Deps, actor: Actor, period: { from: string; to: string }): Promise<PeriodicReport> {
  if (!canSeeCases(actor)) throw forbidden();
  const ok = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime());
  if (!ok(period.from)) throw invalid([{ field: "from", messageKey: "field.date" }]);
  if (!ok(period.to)) throw invalid([{ field: "to", messageKey: "field.date" }]);
  if (period.to < period.from) throw invalid([{ field: "to", messageKey: "committee.report_period_order" }]);
  const fromIso = `${period.from}T00:00:00.000Z`;
  const end = new Date(`${period.to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const toIso = end.toISOString();
  const toDate = toIso.slice(0, 10);
  const org = actor.organisationId;
  const [gates, deliberations, given, responses, committee] = await Promise.all([
    gateDecisions(deps, org, fromIso, toIso),
    deliberationFigures(deps, org, period.from, toDate),
    adviceTurnaround(deps, org, fromIso, toIso),
    recommendationResponses(deps, org, fromIso, toIso),
    committeeFigures(deps, org, fromIso, toIso),
  ]);
  return {
    from: period.from,
    to: period.to,
    gateDecisions: gates,
    deliberations,
    expertTable: { turnaround: turnaround(given.map((g) => daysBetween(g.requestedAt, g.givenAt))), responses },
    committee: {
      casesOpened: committee.casesOpened,
      byOrigin: committee.byOrigin,
      requestToAdvice: turnaround(committee.adopted.map((a) => daysBetween(a.requestedAt, a.adoptedAt))),
      adviceToBoard: turnaround(committee.responses.map((r) => daysBetween(r.adoptedAt, r.respondedAt))),
      boardFollow: committee.responses.filter((r) => r.decision === "follow").length,
      boardDeviate: committee.responses.filter((r) => r.decision === "deviate").length,
      boardLate: committee.responses.filter((r) => r.late).length,
      overdueNow: committee.overdueNow,
    },
  };
}
