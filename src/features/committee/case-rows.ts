import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { lockForUpdate } from "../../platform/transaction.ts";
import { canSeeCase, isExcluded } from "./access.ts";
import "./schema.ts";
import type { BoardDecision, CaseListItem, CaseStatus, Origin } from "./types.ts";

export function caseRows(deps: Deps, organisationId: string, caseId?: string) {
  let q = deps.db
    .selectFrom("committee_cases")
    .leftJoin("projects", "projects.id", "committee_cases.project_id")
    .leftJoin("committee_advice", "committee_advice.case_id", "committee_cases.id")
    .leftJoin("board_responses", "board_responses.advice_id", "committee_advice.id")
    .selectAll("committee_cases")
    .select([
      "projects.title as project_title",
      "committee_advice.id as advice_id",
      "committee_advice.status as advice_status",
      "committee_advice.publication",
      "committee_advice.published_at",
      "committee_advice.adopted_at",
      "committee_advice.response_due",
      "board_responses.decision as board_decision",
    ])
    .where("committee_cases.organisation_id", "=", organisationId);
  if (caseId) q = q.where("committee_cases.id", "=", caseId);
  return q.orderBy("committee_cases.created_at", "desc").orderBy("committee_cases.id").execute();
}

export type CaseRow = Awaited<ReturnType<typeof caseRows>>[number];

export function today(deps: Deps): string {
  return deps.now().toISOString().slice(0, 10);
}

export function toListItem(deps: Deps, actor: Actor, r: CaseRow): CaseListItem {
  const adviceStatus = (r.advice_status as "draft" | "adopted" | null) ?? "none";
  return {
    id: r.id,
    title: r.title,
    origin: r.origin as Origin,
    status: r.status as CaseStatus,
    projectId: r.project_id,
    projectTitle: r.project_title ?? null,
    createdAt: r.created_at,
    adviceStatus,
    adoptedAt: r.adopted_at ?? null,
    responseDue: r.response_due ?? null,
    boardDecision: (r.board_decision as BoardDecision | null) ?? null,
    overdue: adviceStatus === "adopted" && !r.board_decision && !!r.response_due && r.response_due < today(deps),
    published: !!r.published_at,
    excluded: isExcluded(actor, r.project_id),
  };
}

/** A case the actor may see; anything else is not found. */
export async function loadCaseRow(deps: Deps, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = (await caseRows(deps, actor.organisationId, caseId))[0];
  if (!row || !canSeeCase(actor, row)) throw notFound();
  return row;
}

/**
 * The same inside a use case that decides on the case or its advice: the
 * case row stays locked until the transaction ends, so two decisions on one
 * case line up and the second sees what the first did.
 */
export async function lockCaseRow(tx: Deps, actor: Actor, caseId: string): Promise<CaseRow> {
  const locked = await lockForUpdate(tx, tx.db.selectFrom("committee_cases").select("id").where("id", "=", caseId).where("organisation_id", "=", actor.organisationId)).executeTakeFirst();
  if (!locked) throw notFound();
  return loadCaseRow(tx, actor, caseId);
}

export async function adviceOf(deps: Deps, r: CaseRow) {
  return r.advice_id ? deps.db.selectFrom("committee_advice").selectAll().where("id", "=", r.advice_id).executeTakeFirst() : undefined;
}

export type AdviceRow = NonNullable<Awaited<ReturnType<typeof adviceOf>>>;
