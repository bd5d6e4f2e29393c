// A project's responses to instruments: generic for every instrument (canvas,
// screening, DEPIA, deliberations, evaluations). Each response is pinned to
// one instrument version; answers are checked by the instrument engine before
// anything is stored; versions freeze the answers with a number, who, when and
// a note; colleagues comment per question.
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import {
  compareVersions,
  diffAnswers,
  responseStatus,
  sectionStatus,
  validateAnswers,
  type AnswerChange,
  type Answers,
  type AnswerError,
  type Instrument,
  type LocalText,
  type ResponseProgress,
  type SectionStatus,
} from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, notFound, type FieldError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { valueKeys, valueLabels } from "../values/service.ts";
import "./schema.ts";

/** Text answers without their own max_length in the instrument are limited to this many characters. */
export const TEXT_MAX = 10_000;
export const COMMENT_MAX = 2_000;
export const NOTE_MAX = 500;
const SUBJECT_MAX = 64;
/** Phases in which a project's instruments can no longer change. */
const FROZEN_PHASES = new Set(["stopped", "closed"]);

/** What a section shows: the engine's status, or "for_review" when the team marked it so. */
export type DisplayStatus = "not_started" | "in_progress" | "for_review" | "complete" | "not_applicable";

export interface SectionState extends SectionStatus {
  markedForReview: boolean;
  display: DisplayStatus;
}

export interface ResponseView {
  id: string;
  projectId: string;
  instrumentId: string;
  /** The pinned version. */
  instrumentVersion: string;
  /** The newest loaded version of the instrument; differs from instrumentVersion when an upgrade is possible. */
  latestInstrumentVersion: string;
  subject: string;
  answers: Record<string, unknown>;
  sections: SectionState[];
  status: ResponseProgress;
  revision: number;
  /** Number of the last frozen version; 0 when none. */
  lastVersion: number;
  createdAt: string;
  updatedAt: string;
  updatedByName: string;
  /** Whether the actor may change answers, marks and versions (project team, project not stopped or closed). */
  canEdit: boolean;
}

export interface ResponseSummary {
  id: string;
  instrumentId: string;
  instrumentVersion: string;
  subject: string;
  status: ResponseProgress;
  lastVersion: number;
  updatedAt: string;
}

export interface ResponseVersionSummary {
  number: number;
  instrumentVersion: string;
  note: string;
  createdAt: string;
  createdByName: string;
}

export interface ResponseVersion extends ResponseVersionSummary {
  answers: Record<string, unknown>;
}

/** "current" is the answers as they are now, not frozen. */
export type VersionRef = number | "current";

export interface VersionDiff {
  from: VersionRef;
  to: VersionRef;
  changes: AnswerChange[];
  /** Section ids with a change, in instrument order. */
  changedSections: string[];
}

export interface ResponseComment {
  id: string;
  questionId: string;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface ResponseProgressSummary {
  status: ResponseProgress;
  sectionsApplicable: number;
  sectionsComplete: number;
  sections: SectionState[];
}

export interface UpgradePreview {
  from: string;
  to: string;
  /** What changes in the answers, described with the new version's labels (or the old one's for dropped questions). */
  changes: AnswerChange[];
  /** Answers that cannot be carried over: their question is gone or no longer accepts the answer. */
  dropped: { questionId: string; label: LocalText }[];
  questionsAdded: { questionId: string; label: LocalText }[];
}

type ResponseRow = {
  id: string;
  organisation_id: string;
  project_id: string;
  instrument_id: string;
  instrument_version: string;
  subject: string;
  answers_json: string;
  section_marks_json: string;
  revision: number;
  last_version: number;
  created_at: string;
  updated_at: string;
  updated_by_name: string;
};

// ---------------------------------------------------------------------------
// Reading

function parseJson(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function instrumentOf(deps: Deps, id: string, version: string): Instrument {
  const instrument = deps.instruments.get(id, version);
  // A pinned version that is no longer shipped is an installation error, not a user error.
  if (!instrument) throw new Error(`instrument ${id} ${version} is not loaded`);
  return instrument;
}

function sectionStates(instrument: Instrument, answers: Record<string, unknown>, marks: Record<string, unknown>): SectionState[] {
  return sectionStatus(instrument, answers).map((s) => {
    const markedForReview = marks[s.sectionId] === "for_review";
    const display: DisplayStatus = s.status === "not_applicable" || s.status === "not_started" ? s.status : markedForReview ? "for_review" : s.status;
    return { ...s, markedForReview, display };
  });
}

function mayEdit(actor: Actor, project: ProjectRef): boolean {
  return canWorkOnProject(actor, project.id) && !FROZEN_PHASES.has(project.phase);
}

function toView(deps: Deps, row: ResponseRow, canEdit: boolean): ResponseView {
  const instrument = instrumentOf(deps, row.instrument_id, row.instrument_version);
  const answers = parseJson(row.answers_json);
  return {
    id: row.id,
    projectId: row.project_id,
    instrumentId: row.instrument_id,
    instrumentVersion: row.instrument_version,
    latestInstrumentVersion: deps.instruments.latest(row.instrument_id)?.version ?? row.instrument_version,
    subject: row.subject,
    answers,
    sections: sectionStates(instrument, answers, parseJson(row.section_marks_json)),
    status: responseStatus(instrument, answers),
    revision: row.revision,
    lastVersion: row.last_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
    canEdit,
  };
}

const ROW_COLUMNS = [
  "id",
  "organisation_id",
  "project_id",
  "instrument_id",
  "instrument_version",
  "subject",
  "answers_json",
  "section_marks_json",
  "revision",
  "last_version",
  "created_at",
  "updated_at",
  "updated_by_name",
] as const;

async function readRow(deps: Deps, organisationId: string, responseId: string): Promise<ResponseRow | undefined> {
  return deps.db.selectFrom("instrument_responses").select(ROW_COLUMNS).where("id", "=", responseId).where("organisation_id", "=", organisationId).executeTakeFirst();
}

/** Opens a response the actor may see: its project must be visible to them; otherwise "not found". */
async function openResponse(deps: Deps, actor: Actor, responseId: string): Promise<{ row: ResponseRow; project: ProjectRef }> {
  const row = await readRow(deps, actor.organisationId, responseId);
  if (!row) throw notFound();
  const project = await loadProjectForActor(deps.db, actor, row.project_id);
  return { row, project };
}

async function openForEdit(deps: Deps, actor: Actor, responseId: string): Promise<{ row: ResponseRow; project: ProjectRef }> {
  const opened = await openResponse(deps, actor, responseId);
  requireEdit(actor, opened.project);
  return opened;
}

function requireEdit(actor: Actor, project: ProjectRef): void {
  if (!canWorkOnProject(actor, project.id)) throw forbidden();
  if (FROZEN_PHASES.has(project.phase)) throw new AppError("rule_refused", "instrument_responses.project_frozen");
}

function requireInstrument(deps: Deps, instrumentId: string): Instrument {
  const instrument = deps.instruments.latest(instrumentId);
  if (!instrument) throw notFound();
  return instrument;
}

function cleanSubject(subject: string | undefined): string {
  const s = (subject ?? "").trim();
  if (s.length > SUBJECT_MAX || !/^[A-Za-z0-9_-]*$/.test(s)) throw new AppError("validation", "error.validation", { fieldErrors: [{ field: "subject", messageKey: "field.invalid" }] });
  return s;
}

async function findRow(deps: Deps, organisationId: string, projectId: string, instrumentId: string, subject: string): Promise<ResponseRow | undefined> {
  return deps.db
    .selectFrom("instrument_responses")
    .select(ROW_COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .where("instrument_id", "=", instrumentId)
    .where("subject", "=", subject)
    .executeTakeFirst();
}

/** The project's response to an instrument, or null when nobody has started one. */
export async function findResponse(deps: Deps, actor: Actor, projectId: string, instrumentId: string, options: { subject?: string } = {}): Promise<ResponseView | null> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  requireInstrument(deps, instrumentId);
  const row = await findRow(deps, actor.organisationId, project.id, instrumentId, cleanSubject(options.subject));
  return row ? toView(deps, row, mayEdit(actor, project)) : null;
}

/**
 * The project's response to an instrument; the first call creates it, pinned
 * to the newest instrument version. Anyone who may see the project may open
 * it (an empty response changes nothing), so the 2nd line can comment.
 */
export async function getOrCreateResponse(deps: Deps, actor: Actor, projectId: string, instrumentId: string, options: { subject?: string } = {}): Promise<ResponseView> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const instrument = requireInstrument(deps, instrumentId);
  const subject = cleanSubject(options.subject);
  const existing = await findRow(deps, actor.organisationId, project.id, instrumentId, subject);
  if (existing) return toView(deps, existing, mayEdit(actor, project));
  const id = deps.newId();
  const now = deps.now().toISOString();
  try {
    await inTransaction(deps, actor, async (tx) => {
      await tx.db
        .insertInto("instrument_responses")
        .values({
          id,
          organisation_id: actor.organisationId,
          project_id: project.id,
          instrument_id: instrument.id,
          instrument_version: instrument.version,
          subject,
          answers_json: "{}",
          section_marks_json: "{}",
          revision: 0,
          last_version: 0,
          created_at: now,
          created_by: actor.userId,
          updated_at: now,
          updated_by: actor.userId,
          updated_by_name: actor.name,
        })
        .execute();
      await tx.audit({ action: "instrument_response.created", entityType: "instrument_response", entityId: id, after: { projectId: project.id, instrumentId: instrument.id, instrumentVersion: instrument.version, subject } });
    });
  } catch (e) {
    // Two first visits at once: the unique index lets one win; use that one.
    const raced = await findRow(deps, actor.organisationId, project.id, instrumentId, subject);
    if (!raced) throw e;
    return toView(deps, raced, mayEdit(actor, project));
  }
  return toView(deps, (await readRow(deps, actor.organisationId, id))!, mayEdit(actor, project));
}

export async function getResponse(deps: Deps, actor: Actor, responseId: string): Promise<ResponseView> {
  const { row, project } = await openResponse(deps, actor, responseId);
  return toView(deps, row, mayEdit(actor, project));
}

/** Every response of a project, for overviews and the API. */
export async function listProjectResponses(deps: Deps, actor: Actor, projectId: string): Promise<ResponseSummary[]> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const rows = await deps.db
    .selectFrom("instrument_responses")
    .select(ROW_COLUMNS)
    .where("organisation_id", "=", actor.organisationId)
    .where("project_id", "=", project.id)
    .orderBy("instrument_id")
    .orderBy("subject")
    .execute();
  return rows.map((r) => {
    const instrument = instrumentOf(deps, r.instrument_id, r.instrument_version);
    return {
      id: r.id,
      instrumentId: r.instrument_id,
      instrumentVersion: r.instrument_version,
      subject: r.subject,
      status: responseStatus(instrument, parseJson(r.answers_json)),
      lastVersion: r.last_version,
      updatedAt: r.updated_at,
    };
  });
}

/** Progress of a project's response to an instrument; "not_started" when there is none. */
export async function responseProgress(deps: Deps, actor: Actor, projectId: string, instrumentId: string, options: { subject?: string } = {}): Promise<ResponseProgressSummary> {
  const response = await findResponse(deps, actor, projectId, instrumentId, options);
  const instrument = response ? instrumentOf(deps, response.instrumentId, response.instrumentVersion) : requireInstrument(deps, instrumentId);
  const sections = response?.sections ?? sectionStates(instrument, {}, {});
  return summarise(response?.status ?? "not_started", sections);
}

function summarise(status: ResponseProgress, sections: SectionState[]): ResponseProgressSummary {
  const applicable = sections.filter((s) => s.status !== "not_applicable");
  return { status, sectionsApplicable: applicable.length, sectionsComplete: applicable.filter((s) => s.status === "complete").length, sections };
}

/**
 * The status of a project's response without an acting user, for gate
 * snapshot contributors (which run for the projects feature, inside one
 * organisation). Never use it to show answers.
 */
export async function projectResponseStatus(deps: Deps, organisationId: string, projectId: string, instrumentId: string, subject = ""): Promise<ResponseProgressSummary> {
  const row = await findRow(deps, organisationId, projectId, instrumentId, subject);
  if (!row) {
    const instrument = deps.instruments.latest(instrumentId);
    return summarise("not_started", instrument ? sectionStates(instrument, {}, {}) : []);
  }
  const view = toView(deps, row, false);
  return summarise(view.status, view.sections);
}

// ---------------------------------------------------------------------------
// Saving answers

function isEmptyAnswer(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}

const TOO_LONG = "too_long" as const;

/** Strings longer than the instrument allows, or than TEXT_MAX where it sets no limit, anywhere in an answer. */
function textLimitErrors(instrument: Instrument, answers: Record<string, unknown>): AnswerError[] {
  const errors: AnswerError[] = [];
  const limits = new Map(instrument.sections.flatMap((s) => s.questions).map((q) => [q.id, "max_length" in q && q.max_length ? q.max_length : TEXT_MAX]));
  for (const [id, value] of Object.entries(answers)) {
    const max = limits.get(id) ?? TEXT_MAX;
    const walk = (v: unknown, path: string): void => {
      if (typeof v === "string" && v.length > max) errors.push({ questionId: id, path, code: TOO_LONG, messageKey: `instrument.answer.${TOO_LONG}`, params: { max } });
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(value, id);
  }
  return errors;
}

/** Engine errors as field errors; message keys are this feature's catalogue keys. */
export function answerFieldErrors(errors: AnswerError[]): FieldError[] {
  return errors.map((e) => ({ field: e.path, messageKey: `instrument_responses.answer.${e.code}`, params: e.params }));
}

const AnswersInput = z.record(z.string().max(100, "field.too_long"), z.unknown());

export interface SaveOptions {
  /**
   * true (default): the answers are a change — merged into the stored ones (an
   * empty value removes an answer) and checked for their shape only, so drafts
   * and autosave work. false: the answers replace all stored ones and must be
   * complete (required questions answered).
   */
  partial?: boolean;
  /** Refuse with a conflict when the response changed since this revision. */
  expectedRevision?: number;
}

/**
 * Checks the answers with the instrument engine and stores them. An answer of
 * the wrong type (or any other problem) refuses the whole save with field
 * errors and changes nothing.
 */
export async function saveAnswers(deps: Deps, actor: Actor, responseId: string, answers: unknown, options: SaveOptions = {}): Promise<ResponseView> {
  const patch = parseInput(AnswersInput, answers);
  const partial = options.partial ?? true;
  for (let attempt = 0; ; attempt++) {
    const { row, project } = await openForEdit(deps, actor, responseId);
    if (options.expectedRevision !== undefined && options.expectedRevision !== row.revision) throw new AppError("conflict", "instrument_responses.changed_meanwhile");
    const instrument = instrumentOf(deps, row.instrument_id, row.instrument_version);
    const before = parseJson(row.answers_json);
    const after: Record<string, unknown> = partial ? { ...before } : {};
    for (const [id, value] of Object.entries(patch)) {
      if (isEmptyAnswer(value)) delete after[id];
      else after[id] = value;
    }
    const errors = [
      ...validateAnswers(instrument, after, { partial, valueKeys: await valueKeys(deps, actor.organisationId) }),
      ...textLimitErrors(instrument, after),
    ];
    if (errors.length) throw new AppError("validation", "instrument_responses.answers_refused", { fieldErrors: answerFieldErrors(errors) });
    const changedIds = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]));
    if (changedIds.length === 0) return toView(deps, row, true);
    const now = deps.now().toISOString();
    const saved = await inTransaction(deps, actor, async (tx) => {
      const result = await tx.db
        .updateTable("instrument_responses")
        .set({ answers_json: JSON.stringify(after), revision: row.revision + 1, updated_at: now, updated_by: actor.userId, updated_by_name: actor.name })
        .where("id", "=", row.id)
        .where("organisation_id", "=", actor.organisationId)
        .where("revision", "=", row.revision)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await tx.audit({
        action: "instrument_response.answers_saved",
        entityType: "instrument_response",
        entityId: row.id,
        before: { revision: row.revision, answers: Object.fromEntries(changedIds.map((id) => [id, before[id] ?? null])) },
        after: { revision: row.revision + 1, answers: Object.fromEntries(changedIds.map((id) => [id, after[id] ?? null])) },
      });
      return true;
    });
    if (saved) return getResponse(deps, actor, responseId);
    // Someone saved in between: with a merge, apply ours on top of theirs; a replace or an expected revision is a conflict.
    if (!partial || options.expectedRevision !== undefined || attempt >= 3) throw new AppError("conflict", "instrument_responses.changed_meanwhile");
  }
}

/** Marks a section "for review" (or takes the mark off): a signal to colleagues, separate from completeness. */
export async function markSectionForReview(deps: Deps, actor: Actor, responseId: string, sectionId: string, forReview: boolean): Promise<void> {
  const { row } = await openForEdit(deps, actor, responseId);
  const instrument = instrumentOf(deps, row.instrument_id, row.instrument_version);
  if (!instrument.sections.some((s) => s.id === sectionId)) throw notFound();
  const marks = parseJson(row.section_marks_json);
  if ((marks[sectionId] === "for_review") === forReview) return;
  if (forReview) marks[sectionId] = "for_review";
  else delete marks[sectionId];
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .updateTable("instrument_responses")
      .set({ section_marks_json: JSON.stringify(marks), updated_at: deps.now().toISOString(), updated_by: actor.userId, updated_by_name: actor.name })
      .where("id", "=", row.id)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({ action: forReview ? "instrument_response.section_for_review" : "instrument_response.section_review_cleared", entityType: "instrument_response", entityId: row.id, after: { sectionId } });
  });
}

// ---------------------------------------------------------------------------
// Versions

const NoteInput = z.object({ note: z.string().trim().max(NOTE_MAX, "field.too_long").default("") });

/** Freezes the current answers as the next numbered version ("opslaan als nieuwe versie"). */
export async function freezeVersion(deps: Deps, actor: Actor, responseId: string, note?: string): Promise<ResponseVersionSummary> {
  const prepared = await prepareFreeze(deps, actor, responseId, note);
  return inTransaction(deps, actor, (tx) => prepared.freeze(tx));
}

export interface PreparedFreeze {
  /** The answers that will be frozen, and the instrument version they belong to. */
  answers: Answers;
  instrumentVersion: string;
  /** Freezes them inside the caller's transaction, so the version and the caller's own record are stored together. */
  freeze(tx: import("../../platform/transaction.ts").Tx): Promise<ResponseVersionSummary>;
}

/**
 * Checks and reads before a transaction opens (reads inside it would wait for
 * the embedded database's only connection), then freezes within the caller's
 * transaction: for features that store their own record with the version.
 */
export async function prepareFreeze(deps: Deps, actor: Actor, responseId: string, note?: string): Promise<PreparedFreeze> {
  const { note: cleanNote } = parseInput(NoteInput, { note: note ?? "" });
  const { row } = await openForEdit(deps, actor, responseId);
  return {
    answers: JSON.parse(row.answers_json) as Answers,
    instrumentVersion: row.instrument_version,
    freeze: (tx) => freezeIn(deps, actor, tx, row, cleanNote),
  };
}

async function freezeIn(deps: Deps, actor: Actor, tx: import("../../platform/transaction.ts").Tx, row: ResponseRow, note: string): Promise<ResponseVersionSummary> {
  const last = await tx.db
    .selectFrom("instrument_response_versions")
    .select((eb) => eb.fn.max("number").as("n"))
    .where("response_id", "=", row.id)
    .where("organisation_id", "=", actor.organisationId)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  const now = deps.now().toISOString();
  await tx.db
    .insertInto("instrument_response_versions")
    .values({
      id: deps.newId(),
      organisation_id: actor.organisationId,
      response_id: row.id,
      number,
      instrument_version: row.instrument_version,
      answers_json: row.answers_json,
      note,
      created_at: now,
      created_by: actor.userId,
      created_by_name: actor.name,
    })
    .execute();
  await tx.db.updateTable("instrument_responses").set({ last_version: number }).where("id", "=", row.id).where("organisation_id", "=", actor.organisationId).execute();
  await tx.audit({ action: "instrument_response.version_frozen", entityType: "instrument_response", entityId: row.id, after: { number, note, instrumentVersion: row.instrument_version } });
  return { number, instrumentVersion: row.instrument_version, note, createdAt: now, createdByName: actor.name };
}

export async function listVersions(deps: Deps, actor: Actor, responseId: string): Promise<ResponseVersionSummary[]> {
  const { row } = await openResponse(deps, actor, responseId);
  const rows = await deps.db
    .selectFrom("instrument_response_versions")
    .select(["number", "instrument_version", "note", "created_at", "created_by_name"])
    .where("response_id", "=", row.id)
    .where("organisation_id", "=", actor.organisationId)
    .orderBy("number", "desc")
    .execute();
  return rows.map((r) => ({ number: r.number, instrumentVersion: r.instrument_version, note: r.note, createdAt: r.created_at, createdByName: r.created_by_name }));
}

export async function getVersion(deps: Deps, actor: Actor, responseId: string, number: number): Promise<ResponseVersion> {
  const { row } = await openResponse(deps, actor, responseId);
  const v = await deps.db
    .selectFrom("instrument_response_versions")
    .select(["number", "instrument_version", "note", "created_at", "created_by_name", "answers_json"])
    .where("response_id", "=", row.id)
    .where("organisation_id", "=", actor.organisationId)
    .where("number", "=", number)
    .executeTakeFirst();
  if (!v) throw notFound();
  return { number: v.number, instrumentVersion: v.instrument_version, note: v.note, createdAt: v.created_at, createdByName: v.created_by_name, answers: parseJson(v.answers_json) };
}

/** A readable diff between two versions (or a version and the current answers), question by question. */
export async function diffVersions(deps: Deps, actor: Actor, responseId: string, from: VersionRef, to: VersionRef): Promise<VersionDiff> {
  const { row } = await openResponse(deps, actor, responseId);
  const load = async (ref: VersionRef) =>
    ref === "current"
      ? { answers: parseJson(row.answers_json), instrumentVersion: row.instrument_version, at: row.updated_at }
      : await getVersion(deps, actor, responseId, ref).then((v) => ({ answers: v.answers, instrumentVersion: v.instrumentVersion, at: v.createdAt }));
  const a = await load(from);
  const b = await load(to);
  // Questions and options from the newer instrument version; each side's value names as they were at its own moment.
  const newer = compareVersions(a.instrumentVersion, b.instrumentVersion) > 0 ? a : b;
  const instrument = instrumentOf(deps, row.instrument_id, newer.instrumentVersion);
  const labelsAt = async (at: string) => Object.fromEntries(Object.entries(await valueLabels(deps, actor.organisationId, at)).map(([k, v]) => [k, v.name]));
  const beforeSide = diffAnswers(instrument, a.answers, b.answers, { valueLabels: await labelsAt(a.at) });
  const afterSide = diffAnswers(instrument, a.answers, b.answers, { valueLabels: await labelsAt(b.at) });
  const changes = beforeSide.map((c, i) => ({ ...c, after: afterSide[i]!.after }));
  const changed = new Set(changes.map((c) => c.sectionId));
  return { from, to, changes, changedSections: instrument.sections.filter((s) => changed.has(s.id)).map((s) => s.id) };
}

// ---------------------------------------------------------------------------
// Comments

export const CommentInput = z.object({
  questionId: z.string().trim().min(1, "field.required").max(100, "field.too_long"),
  body: z.string().trim().min(1, "field.required").max(COMMENT_MAX, "field.too_long"),
});

/** A colleague's comment on one question. Everyone who may see the project may comment; nobody needs to edit. */
export async function addComment(deps: Deps, actor: Actor, responseId: string, input: unknown): Promise<string> {
  const data = parseInput(CommentInput, input);
  const { row } = await openResponse(deps, actor, responseId);
  const instrument = instrumentOf(deps, row.instrument_id, row.instrument_version);
  if (!instrument.sections.some((s) => s.questions.some((q) => q.id === data.questionId))) {
    throw new AppError("validation", "error.validation", { fieldErrors: [{ field: "questionId", messageKey: "instrument_responses.unknown_question" }] });
  }
  const id = deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("instrument_response_comments")
      .values({ id, organisation_id: actor.organisationId, response_id: row.id, question_id: data.questionId, body: data.body, author_id: actor.userId, author_name: actor.name, created_at: deps.now().toISOString() })
      .execute();
    await tx.audit({ action: "instrument_response.comment_added", entityType: "instrument_response", entityId: row.id, after: { commentId: id, questionId: data.questionId, body: data.body } });
  });
  return id;
}

/** Comments, oldest first; with questionId only those on that question. */
export async function listComments(deps: Deps, actor: Actor, responseId: string, options: { questionId?: string } = {}): Promise<ResponseComment[]> {
  const { row } = await openResponse(deps, actor, responseId);
  let q = deps.db
    .selectFrom("instrument_response_comments")
    .select(["id", "question_id", "body", "author_name", "created_at"])
    .where("response_id", "=", row.id)
    .where("organisation_id", "=", actor.organisationId);
  if (options.questionId) q = q.where("question_id", "=", options.questionId);
  const rows = await q.orderBy("created_at").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, questionId: r.question_id, body: r.body, authorName: r.author_name, createdAt: r.created_at }));
}

// ---------------------------------------------------------------------------
// Upgrading to a newer instrument version (an explicit step)

function carryOver(to: Instrument, answers: Record<string, unknown>, keys: string[]): { carried: Record<string, unknown>; dropped: string[] } {
  const carried: Record<string, unknown> = {};
  const dropped: string[] = [];
  const known = new Set(to.sections.flatMap((s) => s.questions.map((q) => q.id)));
  for (const [id, value] of Object.entries(answers)) {
    if (!known.has(id) || validateAnswers(to, { [id]: value }, { partial: true, valueKeys: keys }).length > 0) dropped.push(id);
    else carried[id] = value;
  }
  return { carried, dropped };
}

/** What moving the response to another (newer) instrument version would do to its answers. */
export async function previewUpgrade(deps: Deps, actor: Actor, responseId: string, toVersion?: string): Promise<UpgradePreview> {
  const { row } = await openResponse(deps, actor, responseId);
  const { carried: _carried, ...preview } = await buildPreview(deps, actor, row, toVersion);
  return preview;
}

async function buildPreview(deps: Deps, actor: Actor, row: ResponseRow, toVersion?: string): Promise<UpgradePreview & { carried: Record<string, unknown> }> {
  const from = instrumentOf(deps, row.instrument_id, row.instrument_version);
  const target = toVersion ? deps.instruments.get(row.instrument_id, toVersion) : deps.instruments.latest(row.instrument_id);
  if (!target) throw notFound();
  if (compareVersions(target.version, from.version) <= 0) throw new AppError("rule_refused", "instrument_responses.not_newer");
  const answers = parseJson(row.answers_json);
  const { carried, dropped } = carryOver(target, answers, await valueKeys(deps, actor.organisationId));
  const oldQuestions = new Map(from.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const changes = diffAnswers(target, answers, carried).map((c) => (c.sectionId === null && oldQuestions.has(c.questionId) ? { ...c, label: oldQuestions.get(c.questionId)!.label } : c));
  return {
    from: from.version,
    to: target.version,
    changes,
    dropped: dropped.map((id) => ({ questionId: id, label: oldQuestions.get(id)?.label ?? { nl: id, en: id } })),
    questionsAdded: target.sections.flatMap((s) => s.questions).filter((q) => !oldQuestions.has(q.id)).map((q) => ({ questionId: q.id, label: q.label })),
    carried,
  };
}

/**
 * Moves the response to a newer instrument version. The answers as they were
 * are first frozen as a version, so nothing is lost; answers the new version
 * cannot hold are left out of the new draft.
 */
export async function upgradeResponse(deps: Deps, actor: Actor, responseId: string, toVersion: string): Promise<ResponseView> {
  const { row } = await openForEdit(deps, actor, responseId);
  const preview = await buildPreview(deps, actor, row, toVersion);
  await inTransaction(deps, actor, async (tx) => {
    await freezeIn(deps, actor, tx, row, `instrument ${preview.from} → ${preview.to}`);
    const result = await tx.db
      .updateTable("instrument_responses")
      .set({ instrument_version: preview.to, answers_json: JSON.stringify(preview.carried), revision: row.revision + 1, updated_at: deps.now().toISOString(), updated_by: actor.userId, updated_by_name: actor.name })
      .where("id", "=", row.id)
      .where("organisation_id", "=", actor.organisationId)
      .where("revision", "=", row.revision)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError("conflict", "instrument_responses.changed_meanwhile");
    await tx.audit({
      action: "instrument_response.upgraded",
      entityType: "instrument_response",
      entityId: row.id,
      before: { instrumentVersion: preview.from },
      after: { instrumentVersion: preview.to, dropped: preview.dropped.map((d) => d.questionId) },
    });
  });
  return getResponse(deps, actor, responseId);
}
