import { z } from "zod";
import { hasProjectRole, isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { validateAnswers, sectionStatus, type Answers, type Instrument, type SectionProgress } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound, type FieldError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { createCaseFromDeliberation } from "../committee/service.ts";
import { indexPrecedent } from "../committee/precedents.ts";
import { createMeasureVia } from "../expert-table/measures-bridge.ts";
import { dateField } from "../expert-table/meetings.ts";
import { isValueKey, parseStringList, VALUE_KEYS } from "../expert-table/values.ts";
import "./schema.ts";

/** The four methods, each an instrument file whose sections are the steps. */
export const METHODS = ["deliberation-dilemma", "deliberation-utrecht", "deliberation-socratic", "deliberation-guidance-ethics"] as const;
export type Method = (typeof METHODS)[number];
export const PARTICIPANT_ROLES = ["facilitator", "case_holder", "scribe", "participant"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export type DeliberationStatus = "open" | "closed" | "escalated";

const isAdvisor = (actor: Actor) => actor.organisationRoles.has("ethics_advisor");

/** A facilitator opens a session: the ethics advisor, or a project lead for their own project. */
export function canOpenDeliberation(actor: Actor, projectId: string | null): boolean {
  return isAdvisor(actor) || (!!projectId && hasProjectRole(actor, projectId, ["lead"]));
}

interface Row {
  facilitator_id: string;
  project_id: string | null;
  id: string;
}

function canManage(actor: Actor, d: Row): boolean {
  return isAdvisor(actor) || d.facilitator_id === actor.userId || (!!d.project_id && hasProjectRole(actor, d.project_id, ["lead"]));
}

async function canView(deps: Deps, actor: Actor, d: Row): Promise<boolean> {
  if (canManage(actor, d)) return true;
  if (d.project_id && isInvolvedIn(actor, d.project_id)) return true;
  const p = await deps.db.selectFrom("deliberation_participants").select("id").where("deliberation_id", "=", d.id).where("user_id", "=", actor.userId).executeTakeFirst();
  return !!p;
}

export type DeliberationMethod = (typeof METHODS)[number];

function asMethod(method: string): DeliberationMethod {
  return (METHODS as readonly string[]).includes(method) ? (method as DeliberationMethod) : "deliberation-dilemma";
}

export interface DeliberationListItem {
  id: string;
  title: string;
  method: DeliberationMethod;
  status: DeliberationStatus;
  heldOn: string;
  projectId: string | null;
  projectTitle: string | null;
  committeeCaseId: string | null;
}

export interface StepView {
  sectionId: string;
  answers: Record<string, unknown>;
  status: SectionProgress;
  updatedAt: string | null;
}

export interface DeliberationView extends DeliberationListItem {
  caseDescription: string;
  methodVersion: string;
  facilitator: string;
  moralQuestion: string;
  stakeholders: string;
  values: string[];
  options: string;
  conclusion: string;
  participants: { id: string; name: string; userId: string | null; role: ParticipantRole }[];
  steps: StepView[];
  positions: { id: string; holder: string; position: string; arguments: string }[];
  actions: { id: string; title: string; description: string | null; ownerUserId: string | null; ownerName: string | null; dueDate: string | null; measureId: string | null }[];
  closedAt: string | null;
  escalatedAt: string | null;
  may: { edit: boolean; escalate: boolean; makeMeasure: boolean };
}

export function methodInstrument(deps: Deps, method: string, version: string): Instrument {
  const instrument = deps.instruments.get(method, version);
  if (!instrument) throw new AppError("internal", "deliberation.method_missing");
  return instrument;
}

export const OpenInput = z.object({
  title: fields.text(200),
  caseDescription: fields.text(8000),
  projectId: z.string().trim().max(64, "field.too_long").optional().transform((v) => v || null),
  method: z.enum(METHODS, "field.invalid_choice"),
  heldOn: dateField(),
});

export async function openDeliberation(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  const data = parseInput(OpenInput, input);
  if (data.projectId) {
    const p = await deps.db.selectFrom("projects").select("id").where("id", "=", data.projectId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
    if (!p) throw invalid([{ field: "projectId", messageKey: "deliberation.project_unknown" }]);
  }
  if (!canOpenDeliberation(actor, data.projectId)) throw forbidden();
  const instrument = deps.instruments.latest(data.method);
  if (!instrument) throw invalid([{ field: "method", messageKey: "deliberation.method_missing" }]);
  const id = deps.newId();
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("deliberations")
      .values({
        id,
        organisation_id: actor.organisationId,
        title: data.title,
        case_description: data.caseDescription,
        project_id: data.projectId,
        method: instrument.id,
        method_version: instrument.version,
        facilitator_id: actor.userId,
        status: "open",
        held_on: data.heldOn,
        moral_question: "",
        stakeholders: "",
        values_json: "[]",
        options: "",
        conclusion: "",
        committee_case_id: null,
        created_at: now,
        closed_at: null,
        escalated_at: null,
      })
      .execute();
    const user = await tx.db.selectFrom("users").select("name").where("id", "=", actor.userId).executeTakeFirst();
    await tx.db.insertInto("deliberation_participants").values({ id: deps.newId(), organisation_id: actor.organisationId, deliberation_id: id, name: user?.name ?? actor.name, user_id: actor.userId, role: "facilitator" }).execute();
    await tx.audit({ action: "deliberation.opened", entityType: "deliberation", entityId: id, after: { title: data.title, method: instrument.id, version: instrument.version, projectId: data.projectId } });
  });
  return id;
}

async function loadRow(deps: Deps, actor: Actor, id: string) {
  const d = await deps.db.selectFrom("deliberations").selectAll().where("id", "=", id).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  if (!d || !(await canView(deps, actor, d))) throw notFound();
  return d;
}

async function loadEditable(deps: Deps, actor: Actor, id: string) {
  const d = await loadRow(deps, actor, id);
  if (!canManage(actor, d)) throw forbidden();
  if (d.status !== "open") throw new AppError("rule_refused", "deliberation.not_open");
  return d;
}

export async function listDeliberations(deps: Deps, actor: Actor): Promise<DeliberationListItem[]> {
  const rows = await deps.db
    .selectFrom("deliberations")
    .leftJoin("projects", "projects.id", "deliberations.project_id")
    .selectAll("deliberations")
    .select("projects.title as project_title")
    .where("deliberations.organisation_id", "=", actor.organisationId)
    .orderBy("deliberations.held_on", "desc")
    .orderBy("deliberations.id")
    .execute();
  const out: DeliberationListItem[] = [];
  for (const r of rows) {
    if (!(await canView(deps, actor, r))) continue;
    out.push({ id: r.id, title: r.title, method: asMethod(r.method), status: r.status as DeliberationStatus, heldOn: r.held_on, projectId: r.project_id, projectTitle: r.project_title ?? null, committeeCaseId: r.committee_case_id });
  }
  return out;
}

export async function getDeliberation(deps: Deps, actor: Actor, id: string): Promise<DeliberationView> {
  const d = await loadRow(deps, actor, id);
  const project = d.project_id ? await deps.db.selectFrom("projects").select("title").where("id", "=", d.project_id).executeTakeFirst() : undefined;
  const participants = await deps.db.selectFrom("deliberation_participants").selectAll().where("deliberation_id", "=", d.id).orderBy("role").orderBy("name").execute();
  const stepRows = await deps.db.selectFrom("deliberation_steps").selectAll().where("deliberation_id", "=", d.id).execute();
  const positions = await deps.db.selectFrom("deliberation_positions").selectAll().where("deliberation_id", "=", d.id).orderBy("created_at").orderBy("id").execute();
  const actions = await deps.db.selectFrom("deliberation_actions").selectAll().where("deliberation_id", "=", d.id).orderBy("created_at").orderBy("id").execute();
  const userIds = [d.facilitator_id, ...actions.map((a) => a.owner_user_id)].filter((x): x is string => !!x);
  const users = await deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", actor.organisationId).where("id", "in", userIds).execute();
  const nameOf = (uid: string | null) => (uid ? (users.find((u) => u.id === uid)?.name ?? null) : null);
  const instrument = methodInstrument(deps, d.method, d.method_version);
  const all = mergedAnswers(stepRows);
  const statuses = sectionStatus(instrument, all);
  const open = d.status === "open";
  return {
    id: d.id,
    title: d.title,
    method: asMethod(d.method),
    methodVersion: d.method_version,
    status: d.status as DeliberationStatus,
    heldOn: d.held_on,
    projectId: d.project_id,
    projectTitle: project?.title ?? null,
    committeeCaseId: d.committee_case_id,
    caseDescription: d.case_description,
    facilitator: nameOf(d.facilitator_id) ?? "",
    moralQuestion: d.moral_question,
    stakeholders: d.stakeholders,
    values: parseStringList(d.values_json),
    options: d.options,
    conclusion: d.conclusion,
    participants: participants.map((p) => ({ id: p.id, name: p.name, userId: p.user_id, role: p.role as ParticipantRole })),
    steps: instrument.sections.map((s) => {
      const row = stepRows.find((r) => r.section_id === s.id);
      return { sectionId: s.id, answers: row ? (JSON.parse(row.answers_json) as Record<string, unknown>) : {}, status: statuses.find((x) => x.sectionId === s.id)?.status ?? "not_started", updatedAt: row?.updated_at ?? null };
    }),
    positions: positions.map((p) => ({ id: p.id, holder: p.holder, position: p.position, arguments: p.arguments })),
    actions: actions.map((a) => ({ id: a.id, title: a.title, description: a.description, ownerUserId: a.owner_user_id, ownerName: nameOf(a.owner_user_id), dueDate: a.due_date, measureId: a.measure_id })),
    closedAt: d.closed_at,
    escalatedAt: d.escalated_at,
    may: {
      edit: open && canManage(actor, d),
      escalate: open && canManage(actor, d),
      makeMeasure: !!d.project_id && hasProjectRole(actor, d.project_id, ["owner", "lead", "member"]),
    },
  };
}

function mergedAnswers(rows: { answers_json: string }[]): Record<string, unknown> {
  return Object.assign({}, ...rows.map((r) => JSON.parse(r.answers_json) as Record<string, unknown>));
}

export const ParticipantInput = z.object({
  name: fields.text(120),
  role: z.enum(PARTICIPANT_ROLES, "field.invalid_choice"),
  userId: z.string().trim().max(64, "field.too_long").optional().transform((v) => v || null),
});

export async function addParticipant(deps: Deps, actor: Actor, id: string, input: unknown): Promise<string> {
  const d = await loadEditable(deps, actor, id);
  const data = parseInput(ParticipantInput, input);
  if (data.userId) {
    const u = await deps.db.selectFrom("users").select("id").where("id", "=", data.userId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
    if (!u) throw invalid([{ field: "userId", messageKey: "deliberation.user_unknown" }]);
  }
  const pid = deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.insertInto("deliberation_participants").values({ id: pid, organisation_id: actor.organisationId, deliberation_id: d.id, name: data.name, user_id: data.userId, role: data.role }).execute();
    await tx.audit({ action: "deliberation.participant_added", entityType: "deliberation", entityId: d.id, after: data });
  });
  return pid;
}

export async function removeParticipant(deps: Deps, actor: Actor, id: string, participantId: string): Promise<void> {
  const d = await loadEditable(deps, actor, id);
  const p = await deps.db.selectFrom("deliberation_participants").selectAll().where("id", "=", participantId).where("deliberation_id", "=", d.id).executeTakeFirst();
  if (!p) throw notFound();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.deleteFrom("deliberation_participants").where("id", "=", p.id).execute();
    await tx.audit({ action: "deliberation.participant_removed", entityType: "deliberation", entityId: d.id, before: { name: p.name, role: p.role } });
  });
}

/**
 * Saves the answers of one step, checked by the instrument engine against the
 * method version the session is pinned to. Drafts may be incomplete; the
 * step's status says how far it is.
 */
export async function saveStep(deps: Deps, actor: Actor, id: string, sectionId: string, answers: unknown): Promise<SectionProgress> {
  const d = await loadEditable(deps, actor, id);
  const instrument = methodInstrument(deps, d.method, d.method_version);
  const section = instrument.sections.find((s) => s.id === sectionId);
  if (!section) throw notFound();
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) throw invalid([{ field: "_", messageKey: "deliberation.answers_invalid" }]);
  const own = new Set(section.questions.map((q) => q.id));
  const given = answers as Record<string, unknown>;
  const stranger = Object.keys(given).find((k) => !own.has(k));
  if (stranger) throw invalid([{ field: stranger, messageKey: "deliberation.answer.unknown_question" }]);
  const stepAnswers = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== null && v !== ""));
  const rows = await deps.db.selectFrom("deliberation_steps").selectAll().where("deliberation_id", "=", d.id).execute();
  const all: Answers = { ...mergedAnswers(rows.filter((r) => r.section_id !== sectionId)), ...stepAnswers };
  const errors = validateAnswers(instrument, all, { partial: true, valueKeys: VALUE_KEYS }).filter((e) => own.has(e.questionId));
  if (errors.length) {
    throw invalid(errors.map((e): FieldError => ({ field: e.path, messageKey: e.code === "too_long" ? "field.too_long" : `deliberation.answer.${answerCode(e.code)}`, params: e.params })));
  }
  const status = sectionStatus(instrument, all).find((s) => s.sectionId === sectionId)?.status ?? "not_started";
  const now = deps.now().toISOString();
  const existing = rows.find((r) => r.section_id === sectionId);
  await inTransaction(deps, actor, async (tx) => {
    if (existing) await tx.db.updateTable("deliberation_steps").set({ answers_json: JSON.stringify(stepAnswers), status, updated_by: actor.userId, updated_at: now }).where("id", "=", existing.id).execute();
    else await tx.db.insertInto("deliberation_steps").values({ id: deps.newId(), organisation_id: actor.organisationId, deliberation_id: d.id, section_id: sectionId, answers_json: JSON.stringify(stepAnswers), status, updated_by: actor.userId, updated_at: now }).execute();
    await tx.audit({ action: "deliberation.step_saved", entityType: "deliberation", entityId: d.id, before: existing ? { sectionId, answers: JSON.parse(existing.answers_json) } : undefined, after: { sectionId, answers: stepAnswers, status } });
  });
  return status;
}

const ANSWER_CODES = ["required", "wrong_type", "invalid_option", "unknown_value_tag", "cell_wrong_type", "unknown_question", "too_many_rows", "explanation_required"] as const;
function answerCode(code: string): (typeof ANSWER_CODES)[number] | "invalid" {
  return (ANSWER_CODES as readonly string[]).includes(code) ? (code as (typeof ANSWER_CODES)[number]) : "invalid";
}

export const RecordInput = z.object({
  moralQuestion: z.string().trim().max(2000, "field.too_long").default(""),
  stakeholders: z.string().trim().max(8000, "field.too_long").default(""),
  values: z.array(z.string().max(60)).max(VALUE_KEYS.length).default([]).refine((vs) => vs.every(isValueKey), "field.invalid_choice"),
  options: z.string().trim().max(8000, "field.too_long").default(""),
  conclusion: z.string().trim().max(8000, "field.too_long").default(""),
});

/** The write-up: moral question, stakeholders, values in tension, options, conclusion. */
export async function saveRecord(deps: Deps, actor: Actor, id: string, input: unknown): Promise<void> {
  const d = await loadEditable(deps, actor, id);
  const data = parseInput(RecordInput, input);
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .updateTable("deliberations")
      .set({ moral_question: data.moralQuestion, stakeholders: data.stakeholders, values_json: JSON.stringify(data.values), options: data.options, conclusion: data.conclusion })
      .where("id", "=", d.id)
      .execute();
    await tx.audit({
      action: "deliberation.record_saved",
      entityType: "deliberation",
      entityId: d.id,
      before: { moralQuestion: d.moral_question, stakeholders: d.stakeholders, values: parseStringList(d.values_json), options: d.options, conclusion: d.conclusion },
      after: data,
    });
  });
}

export const PositionInput = z.object({ holder: fields.text(120), position: fields.text(2000), arguments: fields.text(8000) });

export async function addPosition(deps: Deps, actor: Actor, id: string, input: unknown): Promise<string> {
  const d = await loadEditable(deps, actor, id);
  const data = parseInput(PositionInput, input);
  const pid = deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.insertInto("deliberation_positions").values({ id: pid, organisation_id: actor.organisationId, deliberation_id: d.id, holder: data.holder, position: data.position, arguments: data.arguments, created_at: deps.now().toISOString() }).execute();
    await tx.audit({ action: "deliberation.position_added", entityType: "deliberation", entityId: d.id, after: data });
  });
  return pid;
}

export const ActionInput = z.object({
  title: fields.text(200),
  description: fields.optionalText(4000),
  ownerUserId: z.string().trim().max(64, "field.too_long").optional().transform((v) => v || null),
  dueDate: z.union([z.literal(""), dateField()]).optional().transform((v) => v || null),
});

export async function addAction(deps: Deps, actor: Actor, id: string, input: unknown): Promise<string> {
  const d = await loadEditable(deps, actor, id);
  const data = parseInput(ActionInput, input);
  if (data.ownerUserId) {
    const u = await deps.db.selectFrom("users").select("id").where("id", "=", data.ownerUserId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
    if (!u) throw invalid([{ field: "ownerUserId", messageKey: "deliberation.user_unknown" }]);
  }
  const aid = deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.insertInto("deliberation_actions").values({ id: aid, organisation_id: actor.organisationId, deliberation_id: d.id, title: data.title, description: data.description, owner_user_id: data.ownerUserId, due_date: data.dueDate, measure_id: null, created_at: deps.now().toISOString() }).execute();
    await tx.audit({ action: "deliberation.action_added", entityType: "deliberation", entityId: d.id, after: data });
  });
  return aid;
}

/** An action of a deliberation linked to a project becomes a measure of that project (source: deliberation). */
export async function actionToMeasure(deps: Deps, actor: Actor, id: string, actionId: string): Promise<string> {
  const d = await loadRow(deps, actor, id);
  if (!d.project_id) throw new AppError("rule_refused", "deliberation.no_project_for_measure");
  const action = await deps.db.selectFrom("deliberation_actions").selectAll().where("id", "=", actionId).where("deliberation_id", "=", d.id).executeTakeFirst();
  if (!action) throw notFound();
  if (action.measure_id) throw new AppError("conflict", "deliberation.measure_exists");
  const measureId = await createMeasureVia(deps, actor, {
    projectId: d.project_id,
    title: action.title,
    description: action.description ?? undefined,
    ownerUserId: action.owner_user_id ?? undefined,
    dueDate: action.due_date ?? undefined,
    source: { type: "deliberation", id: d.id },
  });
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("deliberation_actions").set({ measure_id: measureId }).where("id", "=", action.id).execute();
    await tx.audit({ action: "deliberation.action_to_measure", entityType: "deliberation", entityId: d.id, after: { actionId: action.id, measureId } });
  });
  return measureId;
}

function recordOf(d: { title: string; case_description: string; moral_question: string; stakeholders: string; options: string; conclusion: string; method: string; held_on: string }, positions: { holder: string; position: string; arguments: string }[], actions: { title: string }[]) {
  return {
    case: d.case_description,
    method: d.method,
    held_on: d.held_on,
    moral_question: d.moral_question,
    stakeholders: d.stakeholders,
    options: d.options,
    positions: positions.map((p) => `${p.holder}: ${p.position} — ${p.arguments}`).join("\n"),
    conclusion: d.conclusion,
    actions: actions.map((a) => a.title).join("\n"),
  };
}

async function indexConclusion(deps: Deps, tx: Parameters<Parameters<typeof inTransaction>[2]>[0], d: { id: string; organisation_id: string; title: string; case_description: string; moral_question: string; conclusion: string; values_json: string; project_id: string | null; held_on: string }) {
  if (!d.conclusion.trim()) return;
  const project = d.project_id ? await tx.db.selectFrom("projects").select(["domain", "technologies_json"]).where("id", "=", d.project_id).executeTakeFirst() : undefined;
  await indexPrecedent(deps, tx, {
    organisationId: d.organisation_id,
    sourceType: "deliberation",
    sourceId: d.id,
    title: d.title,
    summary: d.conclusion,
    fullText: `${d.case_description} ${d.moral_question} ${d.conclusion}`,
    values: parseStringList(d.values_json),
    technologies: parseStringList(project?.technologies_json),
    domain: project?.domain ?? "",
    year: Number(d.held_on.slice(0, 4)),
    visibility: "deliberation",
    url: `/deliberations/${d.id}`,
  });
}

/** Closes the session; a conclusion is required, and it enters the precedent library. */
export async function closeDeliberation(deps: Deps, actor: Actor, id: string): Promise<void> {
  const d = await loadEditable(deps, actor, id);
  if (!d.conclusion.trim()) throw new AppError("rule_refused", "deliberation.conclusion_required");
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("deliberations").set({ status: "closed", closed_at: now }).where("id", "=", d.id).execute();
    await indexConclusion(deps, tx, d);
    await tx.audit({ action: "deliberation.closed", entityType: "deliberation", entityId: d.id, before: { status: "open" }, after: { status: "closed" } });
  });
}

/** One click: the outcome goes to the ethics committee as a new case that carries the record along. */
export async function escalateDeliberation(deps: Deps, actor: Actor, id: string): Promise<string> {
  const d = await loadEditable(deps, actor, id);
  const positions = await deps.db.selectFrom("deliberation_positions").selectAll().where("deliberation_id", "=", d.id).orderBy("created_at").execute();
  const actions = await deps.db.selectFrom("deliberation_actions").selectAll().where("deliberation_id", "=", d.id).orderBy("created_at").execute();
  const now = deps.now().toISOString();
  return inTransaction(deps, actor, async (tx) => {
    const caseId = await createCaseFromDeliberation(deps, tx, actor, {
      deliberationId: d.id,
      title: d.title,
      question: d.moral_question.trim() || d.case_description,
      projectId: d.project_id,
      record: recordOf(d, positions, actions),
      values: parseStringList(d.values_json),
    });
    await tx.db.updateTable("deliberations").set({ status: "escalated", escalated_at: now, committee_case_id: caseId }).where("id", "=", d.id).execute();
    await indexConclusion(deps, tx, d);
    await tx.audit({ action: "deliberation.escalated", entityType: "deliberation", entityId: d.id, before: { status: "open" }, after: { status: "escalated", committeeCaseId: caseId } });
    return caseId;
  });
}

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
export async function deliberationFigures(deps: Deps, organisationId: string, fromDate: string, toDate: string) {
  const rows = await deps.db
    .selectFrom("deliberations")
    .select(["id", "title", "method", "status", "held_on", "conclusion"])
    .where("organisation_id", "=", organisationId)
    .where("held_on", ">=", fromDate)
    .where("held_on", "<", toDate)
    .orderBy("held_on")
    .execute();
  return {
    total: rows.length,
    byStatus: { open: rows.filter((r) => r.status === "open").length, closed: rows.filter((r) => r.status === "closed").length, escalated: rows.filter((r) => r.status === "escalated").length },
    byMethod: Object.fromEntries(METHODS.map((m) => [m, rows.filter((r) => r.method === m).length])) as Record<Method, number>,
    items: rows.map((r) => ({ id: r.id, title: r.title, status: r.status as DeliberationStatus, heldOn: r.held_on, conclusion: r.conclusion })),
  };
}

/** Projects a lead may open a session for, or all projects for the ethics advisor. */
export async function projectChoices(deps: Deps, actor: Actor): Promise<{ id: string; title: string }[]> {
  const rows = await deps.db.selectFrom("projects").select(["id", "title"]).where("organisation_id", "=", actor.organisationId).orderBy("title").execute();
  return isAdvisor(actor) ? rows : rows.filter((r) => hasProjectRole(actor, r.id, ["lead"]));
}

/** People of the organisation, for linking participants and action owners. */
export async function peopleChoices(deps: Deps, actor: Actor): Promise<{ id: string; name: string }[]> {
  return deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", actor.organisationId).where("active", "=", 1).orderBy("name").execute();
}
