import type { ExpertAdviceState } from "../../domain/lifecycle/snapshot.ts";
import type { Deps } from "../../platform/deps.ts";
import { recommendationCounts } from "./list-advice-requests.ts";
import "./schema.ts";

/** The expert table's part of the gate snapshot: the project's latest request and its advice. */
export async function expertAdviceState(deps: Deps, organisationId: string, projectId: string): Promise<ExpertAdviceState> {
  const latest = await deps.db
    .selectFrom("advice_requests")
    .select(["id", "status", "requested_at", "given_at"])
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .orderBy("requested_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!latest) return { status: "none" };
  if (latest.status !== "given" || !latest.given_at) return { status: "requested", requestedOn: latest.requested_at.slice(0, 10) };
  const counts = (await recommendationCounts(deps, organisationId, [latest.id])).get(latest.id) ?? { total: 0, answered: 0 };
  return {
    status: "given",
    requestedOn: latest.requested_at.slice(0, 10),
    givenOn: latest.given_at.slice(0, 10),
    recommendationsTotal: counts.total,
    recommendationsAnswered: counts.answered,
  };
}

/** Turnaround for the periodic report: requests whose advice was given in the period. */
export async function adviceTurnaround(deps: Deps, organisationId: string, fromIso: string, toIso: string): Promise<{ requestedAt: string; givenAt: string }[]> {
  const rows = await deps.db
    .selectFrom("advice_requests")
    .select(["requested_at", "given_at"])
    .where("organisation_id", "=", organisationId)
    .where("given_at", ">=", fromIso)
    .where("given_at", "<", toIso)
    .execute();
  return rows.filter((r): r is { requested_at: string; given_at: string } => !!r.given_at).map((r) => ({ requestedAt: r.requested_at, givenAt: r.given_at }));
}

/** Responses to recommendations recorded in the period, for the periodic report. */
export async function recommendationResponses(deps: Deps, organisationId: string, fromIso: string, toIso: string): Promise<{ comply: number; explain: number; open: number }> {
  const rows = await deps.db
    .selectFrom("expert_recommendations")
    .innerJoin("expert_advice", "expert_advice.id", "expert_recommendations.advice_id")
    .select(["expert_recommendations.response", "expert_recommendations.responded_at", "expert_advice.given_at"])
    .where("expert_recommendations.organisation_id", "=", organisationId)
    .where("expert_advice.status", "=", "given")
    .execute();
  const out = { comply: 0, explain: 0, open: 0 };
  for (const r of rows) {
    if (r.response && r.responded_at && r.responded_at >= fromIso && r.responded_at < toIso) out[r.response === "comply" ? "comply" : "explain"]++;
    else if (!r.response && r.given_at && r.given_at < toIso) out.open++;
  }
  return out;
}

/** The same for several projects of one organisation, in two statements. */
export async function expertAdviceStates(deps: Deps, organisationId: string, projectIds: readonly string[]): Promise<Map<string, ExpertAdviceState>> {
  const rows = await deps.db
    .selectFrom("advice_requests")
    .select(["id", "project_id", "status", "requested_at", "given_at"])
    .where("organisation_id", "=", organisationId)
    .where("project_id", "in", [...projectIds])
    .orderBy("requested_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.project_id)) latest.set(r.project_id, r);
  const given = [...latest.values()].filter((r) => r.status === "given" && r.given_at);
  const counts = given.length ? await recommendationCounts(deps, organisationId, given.map((r) => r.id)) : new Map<string, { total: number; answered: number }>();
  const out = new Map<string, ExpertAdviceState>();
  for (const [projectId, r] of latest) {
    if (r.status !== "given" || !r.given_at) out.set(projectId, { status: "requested", requestedOn: r.requested_at.slice(0, 10) });
    else {
      const c = counts.get(r.id) ?? { total: 0, answered: 0 };
      out.set(projectId, { status: "given", requestedOn: r.requested_at.slice(0, 10), givenOn: r.given_at.slice(0, 10), recommendationsTotal: c.total, recommendationsAnswered: c.answered });
    }
  }
  return out;
}
