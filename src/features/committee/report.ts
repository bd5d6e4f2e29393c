import type { Kysely } from "kysely";
import { z } from "zod";
import { GATE_DECISIONS } from "../../domain/lifecycle/decision.ts";
import type { GateDecision } from "../../domain/lifecycle/snapshot.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid } from "../../platform/errors.ts";
import { parseInput } from "../../platform/validation.ts";
import { dateField } from "../expert-table/fields.ts";
import { adviceTurnaround, recommendationResponses } from "../expert-table/service.ts";
import { canSeeCases } from "./access.ts";
import { daysBetween } from "./dates.ts";
import { committeeFigures } from "./figures.ts";

/** The report's period: [fromDate, toDate) as dates and as ISO timestamps. */
export interface ReportPeriod {
  fromDate: string;
  toDate: string;
  fromIso: string;
  toIso: string;
}

/** Moral deliberations held in the period (the deliberation feature brings them). */
export interface DeliberationFigures {
  total: number;
  byStatus: Record<"open" | "closed" | "escalated", number>;
  byMethod: Record<string, number>;
  items: { id: string; title: string; status: "open" | "closed" | "escalated"; heldOn: string; conclusion: string }[];
}

/**
 * What other features bring to the committee's periodic report. The feature
 * holding moral deliberations contributes its figures here, so the committee
 * needs no import of it (the deliberation feature imports the committee's
 * escalation, not the other way round).
 */
export interface ReportSource {
  deliberations(deps: Deps, organisationId: string, period: ReportPeriod): Promise<DeliberationFigures>;
}

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** Figures for the ethics committee's periodic report. */
    committeeReportSources: ReportSource;
  }
}

const NO_DELIBERATIONS: DeliberationFigures = { total: 0, byStatus: { open: 0, closed: 0, escalated: 0 }, byMethod: {}, items: [] };

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
  gateDecisions: { available: boolean; total: number; byDecision: Record<GateDecision, number>; items: { projectTitle: string; phase: string; decision: GateDecision; decidedAt: string }[] };
  deliberations: DeliberationFigures;
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
async function gateDecisions(deps: Deps, organisationId: string, period: ReportPeriod): Promise<PeriodicReport["gateDecisions"]> {
  try {
    const db = deps.db as unknown as Kysely<any>;
    const rows = (await db
      .selectFrom("gate_decisions")
      .innerJoin("projects", "projects.id", "gate_decisions.project_id")
      .select(["projects.title", "gate_decisions.phase", "gate_decisions.decision", "gate_decisions.decided_at"])
      .where("gate_decisions.organisation_id", "=", organisationId)
      .where("gate_decisions.decided_at", ">=", period.fromIso)
      .where("gate_decisions.decided_at", "<", period.toIso)
      .orderBy("gate_decisions.decided_at")
      .execute()) as { title: string; phase: string; decision: string; decided_at: string }[];
    const decided = rows.flatMap((r) => (GATE_DECISIONS.includes(r.decision as GateDecision) ? [{ projectTitle: r.title, phase: r.phase, decision: r.decision as GateDecision, decidedAt: r.decided_at }] : []));
    const byDecision: Record<GateDecision, number> = { go: 0, adjust: 0, stop: 0 };
    for (const r of decided) byDecision[r.decision]++;
    return { available: true, total: decided.length, byDecision, items: decided };
  } catch {
    return { available: false, total: 0, byDecision: { go: 0, adjust: 0, stop: 0 }, items: [] };
  }
}

/** The report's period as the form sends it: from and to, both included. */
export const ReportPeriodInput = z.object({ from: dateField(), to: dateField() });

function reportPeriod(input: unknown): { from: string; to: string; period: ReportPeriod } {
  const { from, to } = parseInput(ReportPeriodInput, input);
  if (to < from) throw invalid([{ field: "to", messageKey: "committee.report_period_order" }]);
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const toIso = end.toISOString();
  return { from, to, period: { fromDate: from, toDate: toIso.slice(0, 10), fromIso: `${from}T00:00:00.000Z`, toIso } };
}

/** The committee's periodic overview of internal ethical considerations, for a period [from, to]. */
export async function periodicReport(deps: Deps, actor: Actor, input: { from: string; to: string }): Promise<PeriodicReport> {
  if (!canSeeCases(actor)) throw forbidden();
  const { from, to, period } = reportPeriod(input);
  const org = actor.organisationId;
  const source = deps.extensions.get("committeeReportSources")[0];
  const [gates, deliberations, given, responses, committee] = await Promise.all([
    gateDecisions(deps, org, period),
    source ? source.deliberations(deps, org, period) : NO_DELIBERATIONS,
    adviceTurnaround(deps, org, period.fromIso, period.toIso),
    recommendationResponses(deps, org, period.fromIso, period.toIso),
    committeeFigures(deps, org, period.fromIso, period.toIso),
  ]);
  return {
    from,
    to,
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
