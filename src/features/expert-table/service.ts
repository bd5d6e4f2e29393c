import { z } from "zod";
import type { ExpertAdviceState } from "../../domain/lifecycle/snapshot.ts";
import { hasProjectRole, isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject, canViewProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { loadProjectForActor } from "../projects/access.ts";
import { createMeasureVia } from "./measures-bridge.ts";
import { addToAgenda, dateField } from "./meetings.ts";
import "./schema.ts";
import { parseRecord, VALUE_KEYS } from "./values.ts";

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

export type RequestStatus = "requested" | "scheduled" | "given";
export type RecommendationResponse = "comply" | "explain";

export interface RecommendationView {
  id: string;
  number: number;
  text: string;
  response: RecommendationResponse | null;
  responseText: string | null;
  respondedBy: string | null;
  respondedAt: string | null;
  measureId: string | null;
}

export interface AdviceView {
  id: string;
  status: "draft" | "given";
  summary: string;
  findings: Record<string, string>;
  writtenBy: string;
  givenAt: string | null;
  givenBy: string | null;
  recommendations: RecommendationView[];
}

export interface AdviceRequestView {
  id: string;
  projectId: string;
  projectTitle: string;
  question: string;
  canvasLink: string;
  status: RequestStatus;
  requestedBy: string;
  requestedAt: string;
  givenAt: string | null;
  meeting: { id: string; date: string; title: string } | null;
  advice: AdviceView | null;
  /** What the viewer may do here. */
  may: { schedule: boolean; write: boolean; respond: boolean; involved: boolean };
}

export interface AdviceRequestListItem {
  id: string;
  projectId: string;
  projectTitle: string;
  question: string;
  status: RequestStatus;
  requestedAt: string;
  givenAt: string | null;
  meetingDate: string | null;
  recommendationsTotal: number;
  recommendationsAnswered: number;
}

export const RequestAdviceInput = z.object({
  projectId: z.string().trim().min(1, "field.required").max(64, "field.too_long"),
  question: fields.text(4000),
});

export async function requestAdvice(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  const data = parseInput(RequestAdviceInput, input);
  const project = await loadProjectForActor(deps.db, actor, data.projectId).catch(() => {
    throw new AppError("validation", "error.validation", { fieldErrors: [{ field: "projectId", messageKey: "expert_table.project_unknown" }] });
  });
  if (!canEditProject(actor, project.id)) throw new AppError("forbidden", "expert_table.only_lead_requests");
  const open = await deps.db
    .selectFrom("advice_requests")
    .select("id")
    .where("organisation_id", "=", actor.organisationId)
    .where("project_id", "=", project.id)
    .where("status", "!=", "given")
    .executeTakeFirst();
  if (open) throw new AppError("conflict", "expert_table.request_open");
  const id = deps.newId();
  const now = deps.now().toISOString();
  const canvasLink = `/projects/${project.id}/canvas`;
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("advice_requests")
      .values({ id, organisation_id: actor.organisationId, project_id: project.id, question: data.question, canvas_link: canvasLink, status: "requested", meeting_id: null, requested_by: actor.userId, requested_at: now, given_at: null })
      .execute();
    await tx.audit({ action: "advice_request.created", entityType: "advice_request", entityId: id, after: { projectId: project.id, question: data.question } });
  });
  return id;
}

async function recommendationCounts(deps: Deps, organisationId: string, requestIds: string[]) {
  if (!requestIds.length) return new Map<string, { total: number; answered: number }>();
  const rows = await deps.db
    .selectFrom("expert_recommendations")
    .innerJoin("expert_advice", "expert_advice.id", "expert_recommendations.advice_id")
    .select(["expert_advice.request_id", "expert_recommendations.response"])
    .where("expert_recommendations.organisation_id", "=", organisationId)
    .where("expert_advice.request_id", "in", requestIds)
    .execute();
  const out = new Map<string, { total: number; answered: number }>();
  for (const r of rows) {
    const c = out.get(r.request_id) ?? { total: 0, answered: 0 };
    c.total++;
    if (r.response) c.answered++;
    out.set(r.request_id, c);
  }
  return out;
}

/** Table members see every request; others see the requests of projects they hold a role in. */
export async function listAdviceRequests(deps: Deps, actor: Actor, options: { status?: RequestStatus; projectId?: string } = {}): Promise<AdviceRequestListItem[]> {
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

async function loadRequestRow(deps: Deps, actor: Actor, requestId: string) {
  const row = await deps.db
    .selectFrom("advice_requests")
    .innerJoin("projects", "projects.id", "advice_requests.project_id")
    .selectAll("advice_requests")
    .select("projects.title as project_title")
    .where("advice_requests.id", "=", requestId)
    .where("advice_requests.organisation_id", "=", actor.organisationId)
    .executeTakeFirst();
  if (!row || !(isTableMember(actor) || canViewProject(actor, row.project_id))) throw notFound();
  return row;
}

async function userNames(deps: Deps, organisationId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", organisationId).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function getAdviceRequest(deps: Deps, actor: Actor, requestId: string): Promise<AdviceRequestView> {
  const row = await loadRequestRow(deps, actor, requestId);
  const advice = await deps.db.selectFrom("expert_advice").selectAll().where("request_id", "=", row.id).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  const recommendations = advice
    ? await deps.db.selectFrom("expert_recommendations").selectAll().where("advice_id", "=", advice.id).orderBy("number").execute()
    : [];
  const meeting = row.meeting_id
    ? await deps.db.selectFrom("meetings").select(["id", "date", "title"]).where("id", "=", row.meeting_id).where("organisation_id", "=", actor.organisationId).executeTakeFirst()
    : undefined;
  const names = await userNames(deps, actor.organisationId, [row.requested_by, advice?.written_by ?? null, advice?.given_by ?? null, ...recommendations.map((r) => r.responded_by)]);
  const given = advice?.status === "given";
  return {
    id: row.id,
    projectId: row.project_id,
    projectTitle: row.project_title,
    question: row.question,
    canvasLink: row.canvas_link,
    status: row.status as RequestStatus,
    requestedBy: names.get(row.requested_by) ?? "",
    requestedAt: row.requested_at,
    givenAt: row.given_at,
    meeting: meeting ?? null,
    advice: advice
      ? {
          id: advice.id,
          status: advice.status as "draft" | "given",
          summary: advice.summary,
          findings: parseRecord(advice.findings_json),
          writtenBy: names.get(advice.written_by) ?? "",
          givenAt: advice.given_at,
          givenBy: advice.given_by ? (names.get(advice.given_by) ?? "") : null,
          recommendations: recommendations.map((r) => ({
            id: r.id,
            number: r.number,
            text: r.text,
            response: r.response as RecommendationResponse | null,
            responseText: r.response_text,
            respondedBy: r.responded_by ? (names.get(r.responded_by) ?? "") : null,
            respondedAt: r.responded_at,
            measureId: r.measure_id,
          })),
        }
      : null,
    may: {
      schedule: canScheduleRequests(actor) && row.status !== "given",
      write: canWriteAdvice(actor, row.project_id) && !given,
      respond: canEditProject(actor, row.project_id) && given,
      involved: isTableMember(actor) && isInvolvedIn(actor, row.project_id),
    },
  };
}

export const ScheduleInput = z.object({ meetingId: z.string().trim().min(1, "field.required").max(64, "field.too_long") });

export async function scheduleAdviceRequest(deps: Deps, actor: Actor, requestId: string, input: unknown): Promise<void> {
  if (!canScheduleRequests(actor)) throw forbidden();
  const { meetingId } = parseInput(ScheduleInput, input);
  const row = await loadRequestRow(deps, actor, requestId);
  if (row.status === "given") throw new AppError("rule_refused", "expert_table.already_given");
  await inTransaction(deps, actor, async (tx) => {
    await addToAgenda(deps, tx, actor.organisationId, "expert_table", meetingId, { type: "advice_request", id: row.id });
    await tx.db.updateTable("advice_requests").set({ status: "scheduled", meeting_id: meetingId }).where("id", "=", row.id).where("organisation_id", "=", actor.organisationId).execute();
    await tx.audit({ action: "advice_request.scheduled", entityType: "advice_request", entityId: row.id, before: { status: row.status, meetingId: row.meeting_id }, after: { status: "scheduled", meetingId } });
  });
}

const findingsShape = z.object(Object.fromEntries(VALUE_KEYS.map((k) => [k, fields.optionalText(4000)])) as Record<(typeof VALUE_KEYS)[number], ReturnType<typeof fields.optionalText>>);

export const RecommendationText = fields.text(4000);

export const AdviceInput = z.object({
  summary: z.string().trim().max(8000, "field.too_long").default(""),
  findings: findingsShape.partial().default({}),
  /** When given, replaces the recommendations in this order; an empty one is refused. */
  recommendations: z.array(RecommendationText).max(50, "field.too_long").optional(),
});

async function requireWritableAdvice(deps: Deps, actor: Actor, requestId: string) {
  const row = await loadRequestRow(deps, actor, requestId);
  if (!isTableMember(actor)) throw forbidden();
  if (isInvolvedIn(actor, row.project_id)) throw new AppError("forbidden", "expert_table.involved");
  const advice = await deps.db.selectFrom("expert_advice").selectAll().where("request_id", "=", row.id).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  if (advice?.status === "given") throw new AppError("rule_refused", "expert_table.already_given");
  return { row, advice };
}

/** Writes (or rewrites) the one advice of a request while it is a draft. */
export async function saveAdvice(deps: Deps, actor: Actor, requestId: string, input: unknown): Promise<string> {
  const data = parseInput(AdviceInput, input);
  const { row, advice } = await requireWritableAdvice(deps, actor, requestId);
  const findings = Object.fromEntries(Object.entries(data.findings).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const now = deps.now().toISOString();
  const adviceId = advice?.id ?? deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    if (advice) {
      await tx.db.updateTable("expert_advice").set({ summary: data.summary, findings_json: JSON.stringify(findings), updated_at: now }).where("id", "=", advice.id).execute();
    } else {
      await tx.db
        .insertInto("expert_advice")
        .values({ id: adviceId, organisation_id: actor.organisationId, request_id: row.id, summary: data.summary, findings_json: JSON.stringify(findings), status: "draft", written_by: actor.userId, created_at: now, updated_at: now, given_by: null, given_at: null })
        .execute();
    }
    if (data.recommendations) {
      await tx.db.deleteFrom("expert_recommendations").where("advice_id", "=", adviceId).execute();
      let n = 0;
      for (const text of data.recommendations) {
        await tx.db
          .insertInto("expert_recommendations")
          .values({ id: deps.newId(), organisation_id: actor.organisationId, advice_id: adviceId, number: ++n, text, response: null, response_text: null, responded_by: null, responded_at: null, measure_id: null })
          .execute();
      }
    }
    await tx.audit({
      action: advice ? "expert_advice.updated" : "expert_advice.created",
      entityType: "expert_advice",
      entityId: adviceId,
      before: advice ? { summary: advice.summary, findings: parseRecord(advice.findings_json) } : undefined,
      after: { requestId: row.id, summary: data.summary, findings, recommendations: data.recommendations },
    });
  });
  return adviceId;
}

/** Adds the next numbered recommendation to the draft advice; an empty recommendation is refused. */
export async function addRecommendation(deps: Deps, actor: Actor, requestId: string, input: unknown): Promise<string> {
  const { text } = parseInput(z.object({ text: RecommendationText }), input);
  const { row, advice } = await requireWritableAdvice(deps, actor, requestId);
  const now = deps.now().toISOString();
  const id = deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    let adviceId = advice?.id;
    if (!adviceId) {
      adviceId = deps.newId();
      await tx.db
        .insertInto("expert_advice")
        .values({ id: adviceId, organisation_id: actor.organisationId, request_id: row.id, summary: "", findings_json: "{}", status: "draft", written_by: actor.userId, created_at: now, updated_at: now, given_by: null, given_at: null })
        .execute();
    }
    const last = await tx.db.selectFrom("expert_recommendations").select((eb) => eb.fn.max<number>("number").as("n")).where("advice_id", "=", adviceId).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    await tx.db
      .insertInto("expert_recommendations")
      .values({ id, organisation_id: actor.organisationId, advice_id: adviceId, number, text, response: null, response_text: null, responded_by: null, responded_at: null, measure_id: null })
      .execute();
    await tx.audit({ action: "expert_recommendation.added", entityType: "expert_advice", entityId: adviceId, after: { number, text } });
  });
  return id;
}

async function loadRecommendation(deps: Deps, actor: Actor, recommendationId: string) {
  const rec = await deps.db
    .selectFrom("expert_recommendations")
    .innerJoin("expert_advice", "expert_advice.id", "expert_recommendations.advice_id")
    .selectAll("expert_recommendations")
    .select(["expert_advice.request_id", "expert_advice.status as advice_status"])
    .where("expert_recommendations.id", "=", recommendationId)
    .where("expert_recommendations.organisation_id", "=", actor.organisationId)
    .executeTakeFirst();
  if (!rec) throw notFound();
  const request = await loadRequestRow(deps, actor, rec.request_id);
  return { rec, request };
}

export async function removeRecommendation(deps: Deps, actor: Actor, recommendationId: string): Promise<void> {
  const { rec, request } = await loadRecommendation(deps, actor, recommendationId);
  await requireWritableAdvice(deps, actor, request.id);
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.deleteFrom("expert_recommendations").where("id", "=", rec.id).execute();
    const rest = await tx.db.selectFrom("expert_recommendations").select("id").where("advice_id", "=", rec.advice_id).orderBy("number").execute();
    let n = 0;
    for (const r of rest) await tx.db.updateTable("expert_recommendations").set({ number: ++n }).where("id", "=", r.id).execute();
    await tx.audit({ action: "expert_recommendation.removed", entityType: "expert_advice", entityId: rec.advice_id, before: { number: rec.number, text: rec.text } });
  });
}

/** The advice is given: from now on it is fixed and the project answers each recommendation. */
export async function finaliseAdvice(deps: Deps, actor: Actor, requestId: string): Promise<void> {
  const { row, advice } = await requireWritableAdvice(deps, actor, requestId);
  if (!advice || advice.summary.trim() === "") throw new AppError("rule_refused", "expert_table.summary_required");
  const count = await deps.db.selectFrom("expert_recommendations").select((eb) => eb.fn.countAll<number>().as("n")).where("advice_id", "=", advice.id).executeTakeFirst();
  if (Number(count?.n ?? 0) === 0) throw new AppError("rule_refused", "expert_table.recommendation_required");
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("expert_advice").set({ status: "given", given_by: actor.userId, given_at: now, updated_at: now }).where("id", "=", advice.id).execute();
    await tx.db.updateTable("advice_requests").set({ status: "given", given_at: now }).where("id", "=", row.id).execute();
    await tx.audit({ action: "expert_advice.given", entityType: "expert_advice", entityId: advice.id, before: { status: "draft" }, after: { status: "given", requestId: row.id } });
  });
}

export const RespondInput = z.discriminatedUnion(
  "response",
  [
    z.object({ response: z.literal("comply"), text: fields.text(4000) }),
    z.object({ response: z.literal("explain"), text: fields.text(4000) }),
  ],
  { error: "field.invalid_choice" },
);

/** The project's owner or lead answers one recommendation: comply (with how) or explain (why not). */
export async function respondToRecommendation(deps: Deps, actor: Actor, recommendationId: string, input: unknown): Promise<void> {
  const { rec, request } = await loadRecommendation(deps, actor, recommendationId);
  if (!canEditProject(actor, request.project_id)) throw new AppError("forbidden", "expert_table.only_lead_responds");
  if (rec.advice_status !== "given") throw new AppError("rule_refused", "expert_table.not_given_yet");
  const data = parseInput(RespondInput, input);
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .updateTable("expert_recommendations")
      .set({ response: data.response, response_text: data.text, responded_by: actor.userId, responded_at: now })
      .where("id", "=", rec.id)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({
      action: "expert_recommendation.answered",
      entityType: "expert_recommendation",
      entityId: rec.id,
      before: rec.response ? { response: rec.response, text: rec.response_text } : undefined,
      after: { response: data.response, text: data.text },
    });
  });
}

export const MeasureFromRecommendationInput = z.object({
  ownerUserId: z.string().trim().max(64, "field.too_long").optional().transform((v) => v || undefined),
  dueDate: z.union([z.literal(""), dateField()]).optional().transform((v) => v || undefined),
});

/** Turns a recommendation the project complies with into a measure (source: advice). */
export async function recommendationToMeasure(deps: Deps, actor: Actor, recommendationId: string, input: unknown = {}): Promise<string> {
  const { rec, request } = await loadRecommendation(deps, actor, recommendationId);
  if (!canEditProject(actor, request.project_id)) throw forbidden();
  if (rec.advice_status !== "given") throw new AppError("rule_refused", "expert_table.not_given_yet");
  if (rec.measure_id) throw new AppError("conflict", "expert_table.measure_exists");
  const data = parseInput(MeasureFromRecommendationInput, input);
  const measureId = await createMeasureVia(deps, actor, {
    projectId: request.project_id,
    title: rec.text.length > 200 ? `${rec.text.slice(0, 197)}…` : rec.text,
    description: rec.text,
    ownerUserId: data.ownerUserId,
    dueDate: data.dueDate,
    source: { type: "advice", id: rec.id },
  });
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("expert_recommendations").set({ measure_id: measureId }).where("id", "=", rec.id).execute();
    await tx.audit({ action: "expert_recommendation.measure_created", entityType: "expert_recommendation", entityId: rec.id, after: { measureId } });
  });
  return measureId;
}

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
  let comply = 0;
  let explain = 0;
  let open = 0;
  for (const r of rows) {
    if (r.response && r.responded_at && r.responded_at >= fromIso && r.responded_at < toIso) {
      if (r.response === "comply") comply++;
      else explain++;
    } else if (!r.response && r.given_at && r.given_at < toIso) open++;
  }
  return { comply, explain, open };
}

/** Which request a recommendation belongs to, and its number (for pages that show it in place). */
export async function recommendationRef(deps: Deps, actor: Actor, recommendationId: string): Promise<{ requestId: string; number: number }> {
  const { rec, request } = await loadRecommendation(deps, actor, recommendationId);
  return { requestId: request.id, number: rec.number };
}
