import { isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { canViewProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, notFound } from "../../platform/errors.ts";
import { lockForUpdate } from "../../platform/transaction.ts";
import "./schema.ts";

/** Table members and the ethics advisor work on the expert table's advice. */
export function isTableMember(actor: Actor): boolean {
  return actor.organisationRoles.has("expert_table_member") || actor.organisationRoles.has("ethics_advisor");
}

/** The table's secretary schedules requests; any member or the ethics advisor may act as one. */
export const canScheduleRequests = isTableMember;

/** Segregation of duties: a member who holds a role in the project does not write its advice. */
export function canWriteAdvice(actor: Actor, projectId: string): boolean {
  return isTableMember(actor) && !isInvolvedIn(actor, projectId);
}

function requestQuery(deps: Deps, actor: Actor, requestId: string) {
  return deps.db
    .selectFrom("advice_requests")
    .innerJoin("projects", "projects.id", "advice_requests.project_id")
    .selectAll("advice_requests")
    .select("projects.title as project_title")
    .where("advice_requests.id", "=", requestId)
    .where("advice_requests.organisation_id", "=", actor.organisationId);
}

export type RequestRow = NonNullable<Awaited<ReturnType<ReturnType<typeof requestQuery>["executeTakeFirst"]>>>;

function visible(actor: Actor, row: RequestRow | undefined): RequestRow {
  if (!row || !(isTableMember(actor) || canViewProject(actor, row.project_id))) throw notFound();
  return row;
}

/** A request the actor may see; anything else is not found. */
export async function loadRequestRow(deps: Deps, actor: Actor, requestId: string): Promise<RequestRow> {
  return visible(actor, await requestQuery(deps, actor, requestId).executeTakeFirst());
}

/** The same inside a use case that changes the request or its advice: the request stays locked until the transaction ends. */
export async function lockRequestRow(tx: Deps, actor: Actor, requestId: string): Promise<RequestRow> {
  const locked = await lockForUpdate(tx, tx.db.selectFrom("advice_requests").select("id").where("id", "=", requestId).where("organisation_id", "=", actor.organisationId)).executeTakeFirst();
  if (!locked) throw notFound();
  return loadRequestRow(tx, actor, requestId);
}

export function adviceOfRequest(deps: Deps, actor: Actor, requestId: string) {
  return deps.db.selectFrom("expert_advice").selectAll().where("request_id", "=", requestId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
}

/** The request locked, with its advice, when the actor may still write that advice. */
export async function lockWritableAdvice(tx: Deps, actor: Actor, requestId: string) {
  const row = await lockRequestRow(tx, actor, requestId);
  if (!isTableMember(actor)) throw forbidden();
  if (isInvolvedIn(actor, row.project_id)) throw new AppError("forbidden", "expert_table.involved");
  const advice = await adviceOfRequest(tx, actor, row.id);
  if (advice?.status === "given") throw new AppError("rule_refused", "expert_table.already_given");
  return { row, advice };
}

function recommendationQuery(deps: Deps, actor: Actor, recommendationId: string) {
  return deps.db
    .selectFrom("expert_recommendations")
    .innerJoin("expert_advice", "expert_advice.id", "expert_recommendations.advice_id")
    .selectAll("expert_recommendations")
    .select(["expert_advice.request_id", "expert_advice.status as advice_status"])
    .where("expert_recommendations.id", "=", recommendationId)
    .where("expert_recommendations.organisation_id", "=", actor.organisationId);
}

/** A recommendation with its request, both visible to the actor. */
export async function loadRecommendation(deps: Deps, actor: Actor, recommendationId: string) {
  const rec = await recommendationQuery(deps, actor, recommendationId).executeTakeFirst();
  if (!rec) throw notFound();
  const request = await loadRequestRow(deps, actor, rec.request_id);
  return { rec, request };
}

/** The same inside a use case that decides on the recommendation: it stays locked until the transaction ends. */
export async function lockRecommendation(tx: Deps, actor: Actor, recommendationId: string) {
  const locked = await lockForUpdate(tx, tx.db.selectFrom("expert_recommendations").select("id").where("id", "=", recommendationId).where("organisation_id", "=", actor.organisationId)).executeTakeFirst();
  if (!locked) throw notFound();
  return loadRecommendation(tx, actor, recommendationId);
}

/** Which request a recommendation belongs to, and its number (for pages that show it in place). */
export async function recommendationRef(deps: Deps, actor: Actor, recommendationId: string): Promise<{ requestId: string; number: number }> {
  const { rec, request } = await loadRecommendation(deps, actor, recommendationId);
  return { requestId: request.id, number: rec.number };
}

/** Names of the organisation's people by id. */
export async function userNames(deps: Deps, organisationId: string, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", organisationId).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
