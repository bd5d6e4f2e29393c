import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { userNames } from "../expert-table/access.ts";
import { parseStringList } from "../expert-table/fields.ts";
import { canSeeAdvice, canSeeCase, canSeeCases, has, isCommittee, isExcluded } from "./access.ts";
import { adviceOf, caseRows, loadCaseRow, toListItem, type AdviceRow, type CaseRow } from "./case-rows.ts";
import type { BoardDecision, CaseListItem, CaseView, Publication, Vote } from "./types.ts";

/** The dashboard: every case, with the board's deadline watched (overdue flagged). */
export async function listCases(deps: Deps, actor: Actor, options: { overdueOnly?: boolean } = {}): Promise<CaseListItem[]> {
  const rows = (await caseRows(deps, actor.organisationId)).filter((r) => canSeeCase(actor, r));
  const items = rows.map((r) => toListItem(deps, actor, r));
  return options.overdueOnly ? items.filter((i) => i.overdue) : items;
}

/** Committee members and the FG who hold a role in the case's project. */
async function excludedPeople(deps: Deps, actor: Actor, projectId: string | null): Promise<string[]> {
  if (!projectId) return [];
  const rows = await deps.db
    .selectFrom("role_assignments as pr")
    .innerJoin("role_assignments as cr", "cr.user_id", "pr.user_id")
    .innerJoin("users", "users.id", "pr.user_id")
    .select("users.name")
    .distinct()
    .where("pr.organisation_id", "=", actor.organisationId)
    .where("pr.project_id", "=", projectId)
    .where("cr.project_id", "=", "")
    .where("cr.role", "in", ["committee_member", "committee_chair", "committee_secretary", "fg"])
    .orderBy("users.name")
    .execute();
  return rows.map((p) => p.name);
}

/** The advice, its votes and the board's response, as far as the viewer may see them. */
async function adviceParts(deps: Deps, actor: Actor, r: CaseRow) {
  const advice = await adviceOf(deps, r);
  const visible = advice && canSeeAdvice(actor, r, advice) ? advice : undefined;
  const votes = visible ? await deps.db.selectFrom("committee_votes").select(["user_id", "vote"]).where("advice_id", "=", visible.id).orderBy("at").execute() : [];
  const response = visible ? await deps.db.selectFrom("board_responses").selectAll().where("advice_id", "=", visible.id).executeTakeFirst() : undefined;
  return { advice, visible, votes, response };
}

function adviceView(advice: AdviceRow, votes: { user_id: string; vote: string }[], who: Map<string, string>, actor: Actor): NonNullable<CaseView["advice"]> {
  return {
    id: advice.id,
    text: advice.text,
    status: advice.status as "draft" | "adopted",
    publication: advice.publication as Publication,
    publishedAt: advice.published_at,
    adoptedAt: advice.adopted_at,
    adoptedBy: advice.adopted_by ? (who.get(advice.adopted_by) ?? "") : null,
    responseDue: advice.response_due,
    writtenBy: who.get(advice.written_by) ?? "",
    votes: votes.map((v) => ({ name: who.get(v.user_id) ?? "", vote: v.vote as Vote })),
    ownVote: (votes.find((v) => v.user_id === actor.userId)?.vote as Vote | undefined) ?? null,
  };
}

/** What the viewer may do on the case. */
function mayOn(actor: Actor, r: CaseRow, advice: AdviceRow | undefined, answered: boolean): CaseView["may"] {
  const excluded = isExcluded(actor, r.project_id);
  const draft = advice?.status !== "adopted";
  const adopted = advice?.status === "adopted";
  return {
    draft: isCommittee(actor) && !excluded && draft,
    vote: has(actor, "committee_member", "committee_chair") && !excluded && !!advice && draft,
    adopt: has(actor, "committee_chair") && !excluded && !!advice && draft,
    publish: has(actor, "committee_chair", "committee_secretary") && !excluded && !!advice && !advice.published_at,
    respond: has(actor, "board_member") && adopted && !answered,
    fgNote: has(actor, "fg") && !excluded,
    schedule: has(actor, "committee_chair", "committee_secretary") && !adopted,
    setDeadline: has(actor, "committee_chair", "committee_secretary") && !excluded && !answered,
  };
}

export async function getCase(deps: Deps, actor: Actor, caseId: string): Promise<CaseView> {
  const r = await loadCaseRow(deps, actor, caseId);
  const { advice, visible, votes, response } = await adviceParts(deps, actor, r);
  const notes = canSeeCases(actor) ? await deps.db.selectFrom("committee_fg_notes").selectAll().where("case_id", "=", r.id).where("organisation_id", "=", actor.organisationId).orderBy("created_at").execute() : [];
  const meeting = r.meeting_id ? await deps.db.selectFrom("meetings").select(["id", "date", "title"]).where("id", "=", r.meeting_id).where("organisation_id", "=", actor.organisationId).executeTakeFirst() : undefined;
  const who = await userNames(deps, actor.organisationId, [r.created_by, advice?.written_by, advice?.adopted_by, response?.responded_by, ...votes.map((v) => v.user_id), ...notes.map((n) => n.author_id)]);
  return {
    ...toListItem(deps, actor, r),
    question: r.question,
    submitter: r.submitter,
    deliberationId: r.deliberation_id,
    record: r.record_json ? (JSON.parse(r.record_json) as Record<string, unknown>) : null,
    values: parseStringList(r.values_json),
    technologies: parseStringList(r.technologies_json),
    domain: r.domain,
    responseWeeks: Number(r.response_weeks),
    meeting: meeting ?? null,
    createdBy: who.get(r.created_by) ?? "",
    excludedPeople: await excludedPeople(deps, actor, r.project_id),
    advice: visible ? adviceView(visible, votes, who, actor) : null,
    boardResponse: response ? { decision: response.decision as BoardDecision, reasons: response.reasons, respondedBy: who.get(response.responded_by) ?? "", respondedAt: response.responded_at } : null,
    fgNotes: notes.map((n) => ({ text: n.text, author: who.get(n.author_id) ?? "", at: n.created_at })),
    may: mayOn(actor, r, advice, !!response),
  };
}
