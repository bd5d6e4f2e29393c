// The state of an audit's follow-up: the measures its agreed findings became.
import type { Deps } from "../../platform/deps.ts";

export interface FindingMeasure {
  id: string;
  title: string;
  status: string;
  dueDate: string | null;
  ownerName: string | null;
  /** done or explained */
  closed: boolean;
}

const isClosed = (status: string) => status === "done" || status === "explained";

/** The measures of the given ids (read-only from the measures feature's table), by id. */
export async function measuresById(deps: Deps, organisationId: string, ids: readonly string[]): Promise<Map<string, FindingMeasure>> {
  if (!ids.length) return new Map();
  const rows = await deps.db
    .selectFrom("measures")
    .leftJoin("users", "users.id", "measures.owner_user_id")
    .select(["measures.id", "measures.title", "measures.status", "measures.due_date", "users.name as owner_name"])
    .where("measures.organisation_id", "=", organisationId)
    .where("measures.id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, status: r.status, dueDate: r.due_date, ownerName: r.owner_name ?? null, closed: isClosed(r.status) }]));
}

/** How far the follow-up is: agreed findings whose measure is done or explained, out of all agreed findings. */
export async function followUpProgress(deps: Deps, organisationId: string, auditId: string): Promise<{ agreed: number; closed: number; unanswered: number }> {
  const findings = await deps.db.selectFrom("audit_findings").select(["response", "measure_id"]).where("audit_id", "=", auditId).where("organisation_id", "=", organisationId).execute();
  const agreed = findings.filter((f) => f.response === "agree");
  const measures = await measuresById(deps, organisationId, agreed.flatMap((f) => (f.measure_id ? [f.measure_id] : [])));
  return {
    agreed: agreed.length,
    closed: agreed.filter((f) => f.measure_id && measures.get(f.measure_id)?.closed).length,
    unanswered: findings.filter((f) => f.response === null).length,
  };
}
