import type { Deps } from "../../platform/deps.ts";
import type { DeliberationFigures, ReportPeriod } from "../committee/report.ts";
import { DELIBERATION_STATUSES, METHODS, type DeliberationStatus } from "./methods.ts";
import "./schema.ts";

/** The gate snapshot's count: deliberations of the project neither closed nor escalated. */
export async function openDeliberationCount(deps: Deps, organisationId: string, projectId: string): Promise<number> {
  const r = await deps.db
    .selectFrom("deliberations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Deliberations held in the period, for the committee's periodic report. */
export async function deliberationFigures(deps: Deps, organisationId: string, period: ReportPeriod): Promise<DeliberationFigures> {
  const rows = await deps.db
    .selectFrom("deliberations")
    .select(["id", "title", "method", "status", "held_on", "conclusion"])
    .where("organisation_id", "=", organisationId)
    .where("held_on", ">=", period.fromDate)
    .where("held_on", "<", period.toDate)
    .orderBy("held_on")
    .execute();
  const count = (keep: (r: (typeof rows)[number]) => boolean) => rows.filter(keep).length;
  return {
    total: rows.length,
    byStatus: Object.fromEntries(DELIBERATION_STATUSES.map((s) => [s, count((r) => r.status === s)])) as Record<DeliberationStatus, number>,
    byMethod: Object.fromEntries(METHODS.map((m) => [m, count((r) => r.method === m)])),
    items: rows.map((r) => ({ id: r.id, title: r.title, status: r.status as DeliberationStatus, heldOn: r.held_on, conclusion: r.conclusion })),
  };
}

/** The same count for several projects of one organisation, in one statement. */
export async function openDeliberationCounts(deps: Deps, organisationId: string, projectIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await deps.db
    .selectFrom("deliberations")
    .select(["project_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("organisation_id", "=", organisationId)
    .where("project_id", "in", [...projectIds])
    .where("status", "=", "open")
    .groupBy("project_id")
    .execute();
  return new Map(rows.map((r) => [r.project_id ?? "", Number(r.n)]));
}
