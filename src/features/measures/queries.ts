// Reading measures: for pages, the API, other features and the gate snapshot.
// Handed a Tx, they read inside that transaction.
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { loadMeasure, measureRows, today, toMeasure, type Measure } from "./measure-rows.ts";

/** A project's measures, oldest first, with overdue ones flagged. */
export async function listMeasures(deps: Deps, actor: Actor, projectId: string): Promise<Measure[]> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const day = today(deps);
  const rows = await measureRows(deps, actor.organisationId).where("measures.project_id", "=", project.id).orderBy("measures.created_at").orderBy("measures.id").execute();
  return rows.map((r) => toMeasure(r, day));
}

/** One measure, for anyone who may see its project. */
export async function getMeasure(deps: Deps, actor: Actor, measureId: string): Promise<Measure> {
  return (await loadMeasure(deps, actor, measureId)).measure;
}

/** Counts for the gate "measures done or explained". */
export async function measureCounts(deps: Deps, project: ProjectRef): Promise<{ total: number; doneOrExplained: number; overdue: number }> {
  const rows = await deps.db
    .selectFrom("measures")
    .select(["status", "due_date"])
    .where("organisation_id", "=", project.organisationId)
    .where("project_id", "=", project.id)
    .execute();
  const day = today(deps);
  const closed = (s: string) => s === "done" || s === "explained";
  return {
    total: rows.length,
    doneOrExplained: rows.filter((r) => closed(r.status)).length,
    overdue: rows.filter((r) => !closed(r.status) && r.due_date !== null && r.due_date < day).length,
  };
}

/** The same counts for several projects of one organisation, in one statement. */
export async function measureCountsMany(deps: Deps, organisationId: string, projectIds: readonly string[]): Promise<Map<string, { total: number; doneOrExplained: number }>> {
  const rows = await deps.db
    .selectFrom("measures")
    .select(["project_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("organisation_id", "=", organisationId)
    .where("project_id", "in", [...projectIds])
    .groupBy(["project_id", "status"])
    .execute();
  const out = new Map<string, { total: number; doneOrExplained: number }>();
  for (const r of rows) {
    const c = out.get(r.project_id) ?? { total: 0, doneOrExplained: 0 };
    c.total += Number(r.n);
    if (r.status === "done" || r.status === "explained") c.doneOrExplained += Number(r.n);
    out.set(r.project_id, c);
  }
  return out;
}
