import { z } from "zod";
import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import { canViewProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { isTableMember } from "./access.ts";
import "./schema.ts";
import type { AdviceRequestListItem, RequestStatus } from "./types.ts";

export const REQUEST_STATUSES = ["requested", "scheduled", "given"] as const satisfies readonly RequestStatus[];

/** The list's filters, as a query string or options. */
export const ListRequestsQuery = z.object({
  status: z.enum(REQUEST_STATUSES, "field.invalid_choice").optional(),
  projectId: z.string().trim().max(64, "field.too_long").optional(),
});

/** Per request: how many recommendations its advice has, and how many the project answered. */
export async function recommendationCounts(deps: Deps, organisationId: string, requestIds: string[]): Promise<Map<string, { total: number; answered: number }>> {
  const out = new Map<string, { total: number; answered: number }>();
  if (!requestIds.length) return out;
  const rows = await deps.db
    .selectFrom("expert_recommendations")
    .innerJoin("expert_advice", "expert_advice.id", "expert_recommendations.advice_id")
    .select(["expert_advice.request_id", "expert_recommendations.response"])
    .where("expert_recommendations.organisation_id", "=", organisationId)
    .where("expert_advice.request_id", "in", requestIds)
    .execute();
  for (const r of rows) {
    const c = out.get(r.request_id) ?? { total: 0, answered: 0 };
    c.total++;
    if (r.response) c.answered++;
    out.set(r.request_id, c);
  }
  return out;
}

/** Table members see every request; others see the requests of projects they hold a role in. */
export async function listAdviceRequests(deps: Deps, actor: Actor, options: z.infer<typeof ListRequestsQuery> = {}): Promise<AdviceRequestListItem[]> {
  let q = deps.db
    .selectFrom("advice_requests")
    .innerJoin("projects", "projects.id", "advice_requests.project_id")
    .leftJoin("meetings", "meetings.id", "advice_requests.meeting_id")
    .select([
      "advice_requests.id",
      "advice_requests.project_id",
      "projects.title",
      "advice_requests.question",
      "advice_requests.status",
      "advice_requests.requested_at",
      "advice_requests.given_at",
      "meetings.date as meeting_date",
    ])
    .where("advice_requests.organisation_id", "=", actor.organisationId);
  if (options.status) q = q.where("advice_requests.status", "=", options.status);
  if (options.projectId) q = q.where("advice_requests.project_id", "=", options.projectId);
  const rows = (await q.orderBy("advice_requests.requested_at", "desc").orderBy("advice_requests.id").execute()).filter(
    (r) => isTableMember(actor) || canViewProject(actor, r.project_id),
  );
  const counts = await recommendationCounts(deps, actor.organisationId, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    projectTitle: r.title,
    question: r.question,
    status: r.status as RequestStatus,
    requestedAt: r.requested_at,
    givenAt: r.given_at,
    meetingDate: r.meeting_date ?? null,
    recommendationsTotal: counts.get(r.id)?.total ?? 0,
    recommendationsAnswered: counts.get(r.id)?.answered ?? 0,
  }));
}

/** For the project panel: the latest request of a project the viewer may see. */
export async function latestRequestForProject(deps: Deps, actor: Actor, projectId: string): Promise<AdviceRequestListItem | null> {
  return (await listAdviceRequests(deps, actor, { projectId }))[0] ?? null;
}

/** Projects the actor leads or owns, for the request form. */
export async function projectsActorMayRequestFor(deps: Deps, actor: Actor): Promise<{ id: string; title: string }[]> {
  const ids = [...actor.projectRoles.keys()].filter((id) => hasProjectRole(actor, id, ["owner", "lead"]));
  if (!ids.length) return [];
  return deps.db.selectFrom("projects").select(["id", "title"]).where("organisation_id", "=", actor.organisationId).where("id", "in", ids).orderBy("title").execute();
}
