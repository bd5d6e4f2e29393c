import { z } from "zod";
import { hasProjectRole, isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { addToAgenda } from "../expert-table/meetings.ts";
import { isValueKey, parseStringList, VALUE_KEYS } from "../expert-table/values.ts";
import { indexPrecedent, setPrecedentVisibility, similarPrecedents, type PrecedentHit } from "./precedents.ts";
import "./schema.ts";

export const ORIGINS = ["board", "project", "deliberation", "resident", "own_initiative"] as const;
export type Origin = (typeof ORIGINS)[number];
export type CaseStatus = "open" | "adopted" | "answered";
export type Publication = "undecided" | "public" | "confidential";
export const DEFAULT_RESPONSE_WEEKS = 6;

const has = (actor: Actor, ...roles: string[]) => roles.some((r) => actor.organisationRoles.has(r as never));

/** The committee itself: members, chair and secretary. */
export function isCommittee(actor: Actor): boolean {
  return has(actor, "committee_member", "committee_chair", "committee_secretary");
}
/** Who sees committee cases: the committee, the FG as standing adviser, and the board. */
export function canSeeCases(actor: Actor): boolean {
  return isCommittee(actor) || has(actor, "fg", "board_member");
}
/** A committee member (or FG) holding a role in the project concerned is excluded from the case. */
export function isExcluded(actor: Actor, projectId: string | null): boolean {
  return !!projectId && isInvolvedIn(actor, projectId);
}

export interface CaseListItem {
  id: string;
  title: string;
  origin: Origin;
  status: CaseStatus;
  projectId: string | null;
  projectTitle: string | null;
  createdAt: string;
  adviceStatus: "none" | "draft" | "adopted";
  adoptedAt: string | null;
  responseDue: string | null;
  boardDecision: "follow" | "deviate" | null;
  overdue: boolean;
  published: boolean;
  excluded: boolean;
}

export interface CaseView extends CaseListItem {
  question: string;
  submitter: string | null;
  deliberationId: string | null;
  record: Record<string, unknown> | null;
  values: string[];
  technologies: string[];
  domain: string;
  responseWeeks: number;
  meeting: { id: string; date: string; title: string } | null;
  createdBy: string;
  /** Committee members and FG who hold a role in the project: excluded from this case. */
  excludedPeople: string[];
  /** Null when the viewer may not see the advice (non-public advice, or still a draft). */
  advice: {
    id: string;
    text: string;
    status: "draft" | "adopted";
    publication: Publication;
    publishedAt: string | null;
    adoptedAt: string | null;
    adoptedBy: string | null;
    responseDue: string | null;
    writtenBy: string;
    votes: { name: string; vote: "for" | "against" | "abstain" }[];
  } | null;
  boardResponse: { decision: "follow" | "deviate"; reasons: string; respondedBy: string; respondedAt: string } | null;
  fgNotes: { text: string; author: string; at: string }[];
  may: {
    draft: boolean;
    vote: boolean;
    adopt: boolean;
    publish: boolean;
    respond: boolean;
    fgNote: boolean;
    schedule: boolean;
    setDeadline: boolean;
  };
}

type CaseRow = Awaited<ReturnType<typeof caseRows>>[number];

function caseRows(deps: Deps, organisationId: string, caseId?: string) {
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

function today(deps: Deps): string {
  return deps.now().toISOString().slice(0, 10);
}

function toListItem(deps: Deps, actor: Actor, r: CaseRow): CaseListItem {
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
    boardDecision: (r.board_decision as "follow" | "deviate" | null) ?? null,
    overdue: adviceStatus === "adopted" && !r.board_decision && !!r.response_due && r.response_due < today(deps),
    published: !!r.published_at,
    excluded: isExcluded(actor, r.project_id),
  };
}

/** The project's owner sees the cases about their project (and their advice). */
function canSeeCase(actor: Actor, r: { project_id: string | null; created_by: string }): boolean {
  return canSeeCases(actor) || (!!r.project_id && hasProjectRole(actor, r.project_id, ["owner"])) || r.created_by === actor.userId;
}

function canSeeAdvice(actor: Actor, r: { project_id: string | null }, advice: { status: string; published_at: string | null }): boolean {
  if (advice.status === "draft") return isCommittee(actor) || has(actor, "fg");
  if (advice.published_at) return true;
  return canSeeCases(actor) || (!!r.project_id && hasProjectRole(actor, r.project_id, ["owner"]));
}

/** The dashboard: every case, with the board's deadline watched (overdue flagged). */
export async function listCases(deps: Deps, actor: Actor, options: { overdueOnly?: boolean } = {}): Promise<CaseListItem[]> {
  const rows = (await caseRows(deps, actor.organisationId)).filter((r) => canSeeCase(actor, r));
  const items = rows.map((r) => toListItem(deps, actor, r));
  return options.overdueOnly ? items.filter((i) => i.overdue) : items;
}

async function names(deps: Deps, organisationId: string, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", organisationId).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function loadCaseRow(deps: Deps, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = (await caseRows(deps, actor.organisationId, caseId))[0];
  if (!row || !canSeeCase(actor, row)) throw notFound();
  return row;
}

export async function getCase(deps: Deps, actor: Actor, caseId: string): Promise<CaseView> {
  const r = await loadCaseRow(deps, actor, caseId);
  const item = toListItem(deps, actor, r);
  const advice = r.advice_id ? await deps.db.selectFrom("committee_advice").selectAll().where("id", "=", r.advice_id).executeTakeFirst() : undefined;
  const adviceVisible = !!advice && canSeeAdvice(actor, r, advice);
  const votes = advice && adviceVisible ? await deps.db.selectFrom("committee_votes").select(["user_id", "vote"]).where("advice_id", "=", advice.id).orderBy("at").execute() : [];
  const response = advice && adviceVisible ? await deps.db.selectFrom("board_responses").selectAll().where("advice_id", "=", advice.id).executeTakeFirst() : undefined;
  const notes = canSeeCases(actor) ? await deps.db.selectFrom("committee_fg_notes").selectAll().where("case_id", "=", r.id).where("organisation_id", "=", actor.organisationId).orderBy("created_at").execute() : [];
  const meeting = r.meeting_id ? await deps.db.selectFrom("meetings").select(["id", "date", "title"]).where("id", "=", r.meeting_id).where("organisation_id", "=", actor.organisationId).executeTakeFirst() : undefined;
  const excludedPeople = r.project_id
    ? await deps.db
        .selectFrom("role_assignments as pr")
        .innerJoin("role_assignments as cr", "cr.user_id", "pr.user_id")
        .innerJoin("users", "users.id", "pr.user_id")
        .select("users.name")
        .distinct()
        .where("pr.organisation_id", "=", actor.organisationId)
        .where("pr.project_id", "=", r.project_id)
        .where("cr.project_id", "=", "")
        .where("cr.role", "in", ["committee_member", "committee_chair", "committee_secretary", "fg"])
        .orderBy("users.name")
        .execute()
    : [];
  const who = await names(deps, actor.organisationId, [r.created_by, advice?.written_by, advice?.adopted_by, response?.responded_by, ...votes.map((v) => v.user_id), ...notes.map((n) => n.author_id)]);
  const excluded = isExcluded(actor, r.project_id);
  const draft = advice?.status !== "adopted";
  const adopted = advice?.status === "adopted";
  return {
    ...item,
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
    excludedPeople: excludedPeople.map((p) => p.name),
    advice:
      advice && adviceVisible
        ? {
            id: advice.id,
            text: advice.text,
            status: advice.status as "draft" | "adopted",
            publication: advice.publication as Publication,
            publishedAt: advice.published_at,
            adoptedAt: advice.adopted_at,
            adoptedBy: advice.adopted_by ? (who.get(advice.adopted_by) ?? "") : null,
            responseDue: advice.response_due,
            writtenBy: who.get(advice.written_by) ?? "",
            votes: votes.map((v) => ({ name: who.get(v.user_id) ?? "", vote: v.vote as "for" | "against" | "abstain" })),
          }
        : null,
    boardResponse: response ? { decision: response.decision as "follow" | "deviate", reasons: response.reasons, respondedBy: who.get(response.responded_by) ?? "", respondedAt: response.responded_at } : null,
    fgNotes: notes.map((n) => ({ text: n.text, author: who.get(n.author_id) ?? "", at: n.created_at })),
    may: {
      draft: isCommittee(actor) && !excluded && draft,
      vote: has(actor, "committee_member", "committee_chair") && !excluded && !!advice && draft,
      adopt: has(actor, "committee_chair") && !excluded && !!advice && draft,
      publish: has(actor, "committee_chair", "committee_secretary") && !excluded && !!advice && !advice.published_at,
      respond: has(actor, "board_member") && adopted && !response,
      fgNote: has(actor, "fg") && !excluded,
      schedule: has(actor, "committee_chair", "committee_secretary") && !adopted,
      setDeadline: has(actor, "committee_chair", "committee_secretary") && !excluded && !response,
    },
  };
}

const valueList = z.array(z.string().max(60)).max(VALUE_KEYS.length).default([]).refine((vs) => vs.every(isValueKey), "field.invalid_choice");
const textList = z.array(z.string().trim().min(1).max(60, "field.too_long")).max(20).default([]);

export const CaseInput = z.object({
  title: fields.text(200),
  question: fields.text(8000),
  origin: z.enum(["board", "project", "resident", "own_initiative"], "field.invalid_choice"),
  projectId: z.string().trim().max(64, "field.too_long").optional().transform((v) => v || null),
  submitter: fields.optionalText(200),
  values: valueList,
  technologies: textList,
  domain: z.string().trim().max(80, "field.too_long").optional().transform((v) => v ?? ""),
  responseWeeks: z.coerce.number().int("field.number").min(1, "field.number").max(52, "field.number").optional(),
});

async function projectFacts(db: Deps["db"], organisationId: string, projectId: string) {
  const p = await db.selectFrom("projects").select(["id", "title", "domain", "technologies_json"]).where("id", "=", projectId).where("organisation_id", "=", organisationId).executeTakeFirst();
  if (!p) throw invalid([{ field: "projectId", messageKey: "committee.project_unknown" }]);
  return p;
}

/** Who may bring a case of each origin. A deliberation escalates through createCaseFromDeliberation. */
function mayOpen(actor: Actor, origin: Exclude<Origin, "deliberation">, projectId: string | null): boolean {
  switch (origin) {
    case "resident":
      return has(actor, "committee_secretary");
    case "board":
      return has(actor, "board_member", "committee_secretary");
    case "own_initiative":
      return isCommittee(actor);
    case "project":
      return has(actor, "committee_secretary") || (!!projectId && hasProjectRole(actor, projectId, ["owner", "lead"]));
  }
}

export async function createCase(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  const data = parseInput(CaseInput, input);
  if (data.origin === "project" && !data.projectId) throw invalid([{ field: "projectId", messageKey: "committee.project_required" }]);
  if (data.origin === "resident" && !data.submitter) throw invalid([{ field: "submitter", messageKey: "committee.submitter_required" }]);
  if (!mayOpen(actor, data.origin, data.projectId)) throw forbidden();
  const project = data.projectId ? await projectFacts(deps.db, actor.organisationId, data.projectId) : null;
  const id = deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    await insertCase(deps, tx, actor, id, {
      title: data.title,
      question: data.question,
      origin: data.origin,
      projectId: project?.id ?? null,
      deliberationId: null,
      submitter: data.submitter,
      record: null,
      values: data.values,
      technologies: data.technologies.length ? data.technologies : parseStringList(project?.technologies_json),
      domain: data.domain || project?.domain || "",
      responseWeeks: data.responseWeeks ?? DEFAULT_RESPONSE_WEEKS,
    });
  });
  return id;
}

interface NewCase {
  title: string;
  question: string;
  origin: Origin;
  projectId: string | null;
  deliberationId: string | null;
  submitter: string | null;
  record: Record<string, unknown> | null;
  values: string[];
  technologies: string[];
  domain: string;
  responseWeeks: number;
}

async function insertCase(deps: Deps, tx: Tx, actor: Actor, id: string, c: NewCase): Promise<void> {
  await tx.db
    .insertInto("committee_cases")
    .values({
      id,
      organisation_id: actor.organisationId,
      title: c.title,
      question: c.question,
      origin: c.origin,
      project_id: c.projectId,
      deliberation_id: c.deliberationId,
      submitter: c.submitter,
      record_json: c.record ? JSON.stringify(c.record) : null,
      values_json: JSON.stringify(c.values),
      technologies_json: JSON.stringify(c.technologies),
      domain: c.domain,
      status: "open",
      response_weeks: c.responseWeeks,
      meeting_id: null,
      created_by: actor.userId,
      created_at: deps.now().toISOString(),
    })
    .execute();
  await tx.audit({ action: "committee_case.created", entityType: "committee_case", entityId: id, after: { title: c.title, origin: c.origin, projectId: c.projectId, deliberationId: c.deliberationId } });
}

/**
 * Escalation of a moral deliberation: a case carrying the deliberation's
 * record, created in the deliberation's own transaction (one click, all or nothing).
 */
export async function createCaseFromDeliberation(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  d: { deliberationId: string; title: string; question: string; projectId: string | null; record: Record<string, unknown>; values: string[] },
): Promise<string> {
  const project = d.projectId ? await projectFacts(tx.db, actor.organisationId, d.projectId) : null;
  const id = deps.newId();
  await insertCase(deps, tx, actor, id, {
    title: d.title,
    question: d.question,
    origin: "deliberation",
    projectId: d.projectId,
    deliberationId: d.deliberationId,
    submitter: null,
    record: d.record,
    values: d.values.filter(isValueKey),
    technologies: parseStringList(project?.technologies_json),
    domain: project?.domain ?? "",
    responseWeeks: DEFAULT_RESPONSE_WEEKS,
  });
  return id;
}

function refuseIfExcluded(actor: Actor, r: { project_id: string | null }): void {
  if (isExcluded(actor, r.project_id)) throw new AppError("forbidden", "committee.excluded");
}

async function adviceOf(deps: Deps, r: CaseRow) {
  return r.advice_id ? deps.db.selectFrom("committee_advice").selectAll().where("id", "=", r.advice_id).executeTakeFirst() : undefined;
}

export const AdviceTextInput = z.object({ text: fields.text(20000) });

/** Drafts (or redrafts) the committee's advice; excluded members are refused. */
export async function saveCommitteeAdvice(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<string> {
  const r = await loadCaseRow(deps, actor, caseId);
  if (!isCommittee(actor)) throw forbidden();
  refuseIfExcluded(actor, r);
  const { text } = parseInput(AdviceTextInput, input);
  const advice = await adviceOf(deps, r);
  if (advice?.status === "adopted") throw new AppError("rule_refused", "committee.already_adopted");
  const now = deps.now().toISOString();
  const id = advice?.id ?? deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    if (advice) {
      await tx.db.updateTable("committee_advice").set({ text, updated_at: now }).where("id", "=", id).execute();
      // A changed text needs fresh votes.
      await tx.db.deleteFrom("committee_votes").where("advice_id", "=", id).execute();
    } else {
      await tx.db
        .insertInto("committee_advice")
        .values({ id, organisation_id: actor.organisationId, case_id: r.id, text, status: "draft", publication: "undecided", published_at: null, adopted_at: null, adopted_by: null, response_due: null, written_by: actor.userId, created_at: now, updated_at: now })
        .execute();
    }
    await tx.audit({ action: advice ? "committee_advice.updated" : "committee_advice.drafted", entityType: "committee_advice", entityId: id, before: advice ? { text: advice.text } : undefined, after: { caseId: r.id, text } });
  });
  return id;
}

export const VoteInput = z.object({ vote: z.enum(["for", "against", "abstain"], "field.invalid_choice") });

/** Members and the chair vote on the draft; an excluded member's vote is refused; the FG does not vote. */
export async function castVote(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  const r = await loadCaseRow(deps, actor, caseId);
  if (!has(actor, "committee_member", "committee_chair")) throw new AppError("forbidden", "committee.no_vote");
  refuseIfExcluded(actor, r);
  const { vote } = parseInput(VoteInput, input);
  const advice = await adviceOf(deps, r);
  if (!advice) throw new AppError("rule_refused", "committee.no_advice_yet");
  if (advice.status === "adopted") throw new AppError("rule_refused", "committee.already_adopted");
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    const existing = await tx.db.selectFrom("committee_votes").select(["id", "vote"]).where("advice_id", "=", advice.id).where("user_id", "=", actor.userId).executeTakeFirst();
    if (existing) await tx.db.updateTable("committee_votes").set({ vote, at: now }).where("id", "=", existing.id).execute();
    else await tx.db.insertInto("committee_votes").values({ id: deps.newId(), organisation_id: actor.organisationId, advice_id: advice.id, user_id: actor.userId, vote, at: now }).execute();
    await tx.audit({ action: "committee_advice.voted", entityType: "committee_advice", entityId: advice.id, before: existing ? { vote: existing.vote } : undefined, after: { vote } });
  });
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The chair adopts the advice after the members voted, with more votes for than against. */
export async function adoptAdvice(deps: Deps, actor: Actor, caseId: string): Promise<void> {
  const r = await loadCaseRow(deps, actor, caseId);
  if (!has(actor, "committee_chair")) throw new AppError("forbidden", "committee.only_chair_adopts");
  refuseIfExcluded(actor, r);
  const advice = await adviceOf(deps, r);
  if (!advice) throw new AppError("rule_refused", "committee.no_advice_yet");
  if (advice.status === "adopted") throw new AppError("rule_refused", "committee.already_adopted");
  const votes = await deps.db.selectFrom("committee_votes").select("vote").where("advice_id", "=", advice.id).execute();
  if (!votes.length) throw new AppError("rule_refused", "committee.no_votes");
  const pro = votes.filter((v) => v.vote === "for").length;
  const contra = votes.filter((v) => v.vote === "against").length;
  if (pro <= contra) throw new AppError("rule_refused", "committee.no_majority", { params: { for: pro, against: contra } });
  const now = deps.now().toISOString();
  const due = addDays(now, 7 * Number(r.response_weeks));
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("committee_advice").set({ status: "adopted", adopted_at: now, adopted_by: actor.userId, response_due: due, updated_at: now }).where("id", "=", advice.id).execute();
    await tx.db.updateTable("committee_cases").set({ status: "adopted" }).where("id", "=", r.id).execute();
    await indexPrecedent(deps, tx, {
      organisationId: actor.organisationId,
      sourceType: "committee_advice",
      sourceId: advice.id,
      title: r.title,
      summary: advice.text,
      fullText: `${r.question} ${advice.text}`,
      values: parseStringList(r.values_json),
      technologies: parseStringList(r.technologies_json),
      domain: r.domain,
      year: Number(now.slice(0, 4)),
      visibility: advice.publication === "public" && advice.published_at ? "public" : "committee",
      url: `/committee/cases/${r.id}`,
    });
    await tx.audit({ action: "committee_advice.adopted", entityType: "committee_advice", entityId: advice.id, before: { status: "draft" }, after: { status: "adopted", votesFor: pro, votesAgainst: contra, responseDue: due } });
  });
}

export const DeadlineInput = z.object({ responseWeeks: z.coerce.number("field.number").int("field.number").min(1, "field.number").max(52, "field.number") });

/** The board's deadline per case (default 6 weeks after adoption). */
export async function setResponseWeeks(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  const r = await loadCaseRow(deps, actor, caseId);
  if (!has(actor, "committee_chair", "committee_secretary")) throw forbidden();
  refuseIfExcluded(actor, r);
  const { responseWeeks } = parseInput(DeadlineInput, input);
  const advice = await adviceOf(deps, r);
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("committee_cases").set({ response_weeks: responseWeeks }).where("id", "=", r.id).execute();
    if (advice?.adopted_at) await tx.db.updateTable("committee_advice").set({ response_due: addDays(advice.adopted_at, 7 * responseWeeks) }).where("id", "=", advice.id).execute();
    await tx.audit({ action: "committee_case.deadline_set", entityType: "committee_case", entityId: r.id, before: { responseWeeks: r.response_weeks }, after: { responseWeeks } });
  });
}

export const PublicationInput = z.object({ publication: z.enum(["public", "confidential"], "field.invalid_choice") });

/** The committee decides per advice: public or not public. */
export async function decidePublication(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  const r = await loadCaseRow(deps, actor, caseId);
  if (!has(actor, "committee_chair", "committee_secretary")) throw forbidden();
  refuseIfExcluded(actor, r);
  const { publication } = parseInput(PublicationInput, input);
  const advice = await adviceOf(deps, r);
  if (!advice) throw new AppError("rule_refused", "committee.no_advice_yet");
  if (advice.published_at) throw new AppError("conflict", "committee.already_published");
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("committee_advice").set({ publication }).where("id", "=", advice.id).execute();
    await tx.audit({ action: "committee_advice.publication_decided", entityType: "committee_advice", entityId: advice.id, before: { publication: advice.publication }, after: { publication } });
  });
}

/** Publishes an adopted advice the committee decided to make public; an advice marked confidential is refused. */
export async function publishAdvice(deps: Deps, actor: Actor, caseId: string): Promise<void> {
  const r = await loadCaseRow(deps, actor, caseId);
  if (!has(actor, "committee_chair", "committee_secretary")) throw forbidden();
  refuseIfExcluded(actor, r);
  const advice = await adviceOf(deps, r);
  if (!advice) throw new AppError("rule_refused", "committee.no_advice_yet");
  if (advice.publication === "confidential") throw new AppError("rule_refused", "committee.publish_confidential");
  if (advice.publication !== "public") throw new AppError("rule_refused", "committee.publish_undecided");
  if (advice.status !== "adopted") throw new AppError("rule_refused", "committee.publish_draft");
  if (advice.published_at) return;
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("committee_advice").set({ published_at: now }).where("id", "=", advice.id).execute();
    await setPrecedentVisibility(tx, "committee_advice", advice.id, "public");
    await tx.audit({ action: "committee_advice.published", entityType: "committee_advice", entityId: advice.id, after: { publishedAt: now, url: `/openbaar/advies/${advice.id}` } });
  });
}

export const BoardResponseInput = z.discriminatedUnion(
  "decision",
  [z.object({ decision: z.literal("follow"), reasons: z.string().trim().max(8000, "field.too_long").default("") }), z.object({ decision: z.literal("deviate"), reasons: fields.text(8000) })],
  { error: "field.invalid_choice" },
);

/** The board answers an adopted advice: follow it, or deviate with reasons (comply or explain). */
export async function recordBoardResponse(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  const r = await loadCaseRow(deps, actor, caseId);
  if (!has(actor, "board_member")) throw new AppError("forbidden", "committee.only_board_responds");
  const advice = await adviceOf(deps, r);
  if (!advice || advice.status !== "adopted") throw new AppError("rule_refused", "committee.board_response_draft");
  const data = parseInput(BoardResponseInput, input);
  const existing = await deps.db.selectFrom("board_responses").select("id").where("advice_id", "=", advice.id).executeTakeFirst();
  if (existing) throw new AppError("conflict", "committee.board_already_responded");
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.insertInto("board_responses").values({ id: deps.newId(), organisation_id: actor.organisationId, advice_id: advice.id, decision: data.decision, reasons: data.reasons, responded_by: actor.userId, responded_at: now }).execute();
    await tx.db.updateTable("committee_cases").set({ status: "answered" }).where("id", "=", r.id).execute();
    await tx.audit({ action: "committee_advice.board_responded", entityType: "committee_advice", entityId: advice.id, after: { decision: data.decision, reasons: data.reasons, onTime: !advice.response_due || now.slice(0, 10) <= advice.response_due } });
  });
}

export const FgNoteInput = z.object({ text: fields.text(8000) });

/** The FG, standing adviser to the committee, adds a note to a case (and does not vote). */
export async function addFgNote(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  const r = await loadCaseRow(deps, actor, caseId);
  if (!has(actor, "fg")) throw forbidden();
  refuseIfExcluded(actor, r);
  const { text } = parseInput(FgNoteInput, input);
  const id = deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.insertInto("committee_fg_notes").values({ id, organisation_id: actor.organisationId, case_id: r.id, text, author_id: actor.userId, created_at: deps.now().toISOString() }).execute();
    await tx.audit({ action: "committee_case.fg_note_added", entityType: "committee_case", entityId: r.id, after: { text } });
  });
}

export async function scheduleCase(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  const r = await loadCaseRow(deps, actor, caseId);
  if (!has(actor, "committee_chair", "committee_secretary")) throw forbidden();
  const { meetingId } = parseInput(z.object({ meetingId: z.string().trim().min(1, "field.required").max(64, "field.too_long") }), input);
  await inTransaction(deps, actor, async (tx) => {
    await addToAgenda(deps, tx, actor.organisationId, "committee", meetingId, { type: "committee_case", id: r.id });
    await tx.db.updateTable("committee_cases").set({ meeting_id: meetingId }).where("id", "=", r.id).execute();
    await tx.audit({ action: "committee_case.scheduled", entityType: "committee_case", entityId: r.id, after: { meetingId } });
  });
}

/** "Vergelijkbare eerdere zaken" for a case. */
export async function similarCases(deps: Deps, actor: Actor, caseId: string): Promise<PrecedentHit[]> {
  const c = await getCase(deps, actor, caseId);
  if (!canSeeCases(actor)) return [];
  return similarPrecedents(deps, actor, {
    text: `${c.title} ${c.question}`,
    values: c.values,
    technologies: c.technologies,
    domain: c.domain,
    exclude: [...(c.advice ? [{ sourceType: "committee_advice" as const, sourceId: c.advice.id }] : []), ...(c.deliberationId ? [{ sourceType: "deliberation" as const, sourceId: c.deliberationId }] : [])],
  });
}

export interface PublicAdvice {
  id: string;
  organisationName: string;
  title: string;
  question: string;
  origin: Origin;
  text: string;
  adoptedAt: string;
  publishedAt: string;
  values: string[];
  boardResponse: { decision: "follow" | "deviate"; reasons: string; respondedAt: string } | null;
}

/** A published advice for its public page: no login, nothing but what the committee made public. */
export async function getPublicAdvice(deps: Deps, adviceId: string): Promise<PublicAdvice> {
  const row = await deps.db
    .selectFrom("committee_advice")
    .innerJoin("committee_cases", "committee_cases.id", "committee_advice.case_id")
    .innerJoin("organisations", "organisations.id", "committee_advice.organisation_id")
    .leftJoin("board_responses", "board_responses.advice_id", "committee_advice.id")
    .select([
      "committee_advice.id",
      "committee_advice.text",
      "committee_advice.status",
      "committee_advice.publication",
      "committee_advice.adopted_at",
      "committee_advice.published_at",
      "committee_cases.title",
      "committee_cases.question",
      "committee_cases.origin",
      "committee_cases.values_json",
      "organisations.name as organisation_name",
      "board_responses.decision",
      "board_responses.reasons",
      "board_responses.responded_at",
    ])
    .where("committee_advice.id", "=", adviceId)
    .executeTakeFirst();
  if (!row || row.publication !== "public" || !row.published_at || row.status !== "adopted" || !row.adopted_at) throw notFound();
  return {
    id: row.id,
    organisationName: row.organisation_name,
    title: row.title,
    question: row.question,
    origin: row.origin as Origin,
    text: row.text,
    adoptedAt: row.adopted_at,
    publishedAt: row.published_at,
    values: parseStringList(row.values_json),
    boardResponse: row.decision ? { decision: row.decision as "follow" | "deviate", reasons: row.reasons ?? "", respondedAt: row.responded_at ?? "" } : null,
  };
}

/** Published advice of an organisation, newest first, for the public register. */
export async function listPublishedAdvice(deps: Deps, organisationId: string): Promise<{ id: string; title: string; publishedAt: string }[]> {
  const rows = await deps.db
    .selectFrom("committee_advice")
    .innerJoin("committee_cases", "committee_cases.id", "committee_advice.case_id")
    .select(["committee_advice.id", "committee_cases.title", "committee_advice.published_at"])
    .where("committee_advice.organisation_id", "=", organisationId)
    .where("committee_advice.publication", "=", "public")
    .where("committee_advice.published_at", "is not", null)
    .orderBy("committee_advice.published_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, publishedAt: r.published_at! }));
}

/** Turnaround and board responses for the periodic report. */
export async function committeeFigures(deps: Deps, organisationId: string, fromIso: string, toIso: string) {
  const rows = await deps.db
    .selectFrom("committee_cases")
    .leftJoin("committee_advice", "committee_advice.case_id", "committee_cases.id")
    .leftJoin("board_responses", "board_responses.advice_id", "committee_advice.id")
    .select([
      "committee_cases.id",
      "committee_cases.origin",
      "committee_cases.created_at",
      "committee_advice.adopted_at",
      "committee_advice.response_due",
      "board_responses.decision",
      "board_responses.responded_at",
    ])
    .where("committee_cases.organisation_id", "=", organisationId)
    .execute();
  const inPeriod = (iso: string | null | undefined) => !!iso && iso >= fromIso && iso < toIso;
  return {
    casesOpened: rows.filter((r) => inPeriod(r.created_at)).length,
    byOrigin: Object.fromEntries(ORIGINS.map((o) => [o, rows.filter((r) => inPeriod(r.created_at) && r.origin === o).length])) as Record<Origin, number>,
    adopted: rows.filter((r) => inPeriod(r.adopted_at)).map((r) => ({ requestedAt: r.created_at, adoptedAt: r.adopted_at! })),
    responses: rows.filter((r) => inPeriod(r.responded_at)).map((r) => ({ adoptedAt: r.adopted_at!, respondedAt: r.responded_at!, decision: r.decision as "follow" | "deviate", late: !!r.response_due && r.responded_at!.slice(0, 10) > r.response_due })),
    overdueNow: rows.filter((r) => r.adopted_at && !r.decision && r.response_due && r.response_due < toIso.slice(0, 10)).length,
  };
}

/** Projects a case may be about: all for the committee side, otherwise the actor's own. */
export async function projectChoicesForCase(deps: Deps, actor: Actor): Promise<{ id: string; title: string }[]> {
  const rows = await deps.db.selectFrom("projects").select(["id", "title"]).where("organisation_id", "=", actor.organisationId).orderBy("title").execute();
  return canSeeCases(actor) ? rows : rows.filter((p) => actor.projectRoles.has(p.id));
}
