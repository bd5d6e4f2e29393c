// Reading responses for the use cases of this feature: the row, the project it
// belongs to (checked through the projects feature), the instrument version it
// is pinned to, and its view. Every function takes the Deps (or the Tx) it
// reads through, so inside a use case it reads in that use case's transaction.
import { readJson } from "../../platform/db/json-columns.ts";
import { isFinal, isPhase } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import { responseStatus, sectionStatus, type Instrument, type ResponseProgress } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { lockForUpdate, type Tx } from "../../platform/transaction.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { SUBJECT_MAX, type DisplayStatus, type ResponseProgressSummary, type ResponseView, type SectionState } from "./model.ts";
import type { InstrumentResponseTable } from "./schema.ts";

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

/** The columns of a response the use cases read. */
export type ResponseRow = Pick<InstrumentResponseTable, (typeof ROW_COLUMNS)[number]>;

/**
 * Writes a change to the response unless someone changed it since it was read
 * (its revision moved on): then nothing is written and the user is told.
 */
export async function updateAtRevision(tx: Tx, actor: Actor, row: ResponseRow, change: Partial<Omit<InstrumentResponseTable, "id" | "organisation_id" | "revision">>): Promise<void> {
  const result = await tx.db
    .updateTable("instrument_responses")
    .set({ ...change, revision: row.revision + 1, updated_at: tx.now().toISOString(), updated_by: actor.userId, updated_by_name: actor.name })
    .where("id", "=", row.id)
    .where("organisation_id", "=", actor.organisationId)
    .where("revision", "=", row.revision)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError("conflict", "instrument_responses.changed_meanwhile");
}

/** Stored answers and marks: a JSON object, or nothing when the text is not one. */
export function parseObject(text: string): Record<string, unknown> {
  const v = readJson(text);
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function instrumentOf(deps: Deps, id: string, version: string): Instrument {
  const instrument = deps.instruments.get(id, version);
  // A pinned version that is no longer shipped is an installation error, not a user error.
  if (!instrument) throw new Error(`instrument ${id} ${version} is not loaded`);
  return instrument;
}

export function requireInstrument(deps: Deps, instrumentId: string): Instrument {
  const instrument = deps.instruments.latest(instrumentId);
  if (!instrument) throw notFound();
  return instrument;
}

export function sectionStates(instrument: Instrument, answers: Record<string, unknown>, marks: Record<string, unknown>): SectionState[] {
  return sectionStatus(instrument, answers).map((s) => {
    const markedForReview = marks[s.sectionId] === "for_review";
    const display: DisplayStatus = s.status === "not_applicable" || s.status === "not_started" ? s.status : markedForReview ? "for_review" : s.status;
    return { ...s, markedForReview, display };
  });
}

export function summarise(status: ResponseProgress, sections: SectionState[]): ResponseProgressSummary {
  const applicable = sections.filter((s) => s.status !== "not_applicable");
  return { status, sectionsApplicable: applicable.length, sectionsComplete: applicable.filter((s) => s.status === "complete").length, sections };
}

/** Stopped and closed projects keep their answers as they are. */
function isFrozen(project: ProjectRef): boolean {
  return isPhase(project.phase) && isFinal(project.phase);
}

export function mayEdit(actor: Actor, project: ProjectRef): boolean {
  return canWorkOnProject(actor, project.id) && !isFrozen(project);
}

export function requireEdit(actor: Actor, project: ProjectRef): void {
  if (!canWorkOnProject(actor, project.id)) throw forbidden();
  if (isFrozen(project)) throw new AppError("rule_refused", "instrument_responses.project_frozen");
}

export function toView(deps: Deps, row: ResponseRow, canEdit: boolean): ResponseView {
  const instrument = instrumentOf(deps, row.instrument_id, row.instrument_version);
  const answers = parseObject(row.answers_json);
  return {
    id: row.id,
    projectId: row.project_id,
    instrumentId: row.instrument_id,
    instrumentVersion: row.instrument_version,
    latestInstrumentVersion: deps.instruments.latest(row.instrument_id)?.version ?? row.instrument_version,
    subject: row.subject,
    answers,
    sections: sectionStates(instrument, answers, parseObject(row.section_marks_json)),
    status: responseStatus(instrument, answers),
    revision: row.revision,
    lastVersion: row.last_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
    canEdit,
  };
}

export function cleanSubject(subject: string | undefined): string {
  const s = (subject ?? "").trim();
  if (s.length > SUBJECT_MAX || !/^[A-Za-z0-9_-]*$/.test(s)) throw invalid([{ field: "subject", messageKey: "field.invalid" }]);
  return s;
}

export function readRow(deps: Deps, organisationId: string, responseId: string): Promise<ResponseRow | undefined> {
  return deps.db.selectFrom("instrument_responses").select(ROW_COLUMNS).where("id", "=", responseId).where("organisation_id", "=", organisationId).executeTakeFirst();
}

export function findRow(deps: Deps, organisationId: string, projectId: string, instrumentId: string, subject: string): Promise<ResponseRow | undefined> {
  return deps.db
    .selectFrom("instrument_responses")
    .select(ROW_COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .where("instrument_id", "=", instrumentId)
    .where("subject", "=", subject)
    .executeTakeFirst();
}

/** The responses of several projects to one instrument (subject ""), in one statement. */
export function projectsRows(deps: Deps, organisationId: string, projectIds: readonly string[], instrumentId: string): Promise<ResponseRow[]> {
  return deps.db
    .selectFrom("instrument_responses")
    .select(ROW_COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where("project_id", "in", [...projectIds])
    .where("instrument_id", "=", instrumentId)
    .where("subject", "=", "")
    .execute();
}

export function projectRows(deps: Deps, organisationId: string, projectId: string): Promise<ResponseRow[]> {
  return deps.db
    .selectFrom("instrument_responses")
    .select(ROW_COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .orderBy("instrument_id")
    .orderBy("subject")
    .execute();
}

export interface OpenOptions {
  /** The response's project, when the calling use case opened it already: it is not opened again. */
  project?: ProjectRef;
  /** Lock the row until the transaction ends (a use case that changes it). */
  lock?: boolean;
}

export interface Opened {
  row: ResponseRow;
  project: ProjectRef;
}

/** Opens a response the actor may see: its project must be visible to them; otherwise "not found". */
export async function openResponse(deps: Deps, actor: Actor, responseId: string, options: OpenOptions = {}): Promise<Opened> {
  const query = deps.db.selectFrom("instrument_responses").select(ROW_COLUMNS).where("id", "=", responseId).where("organisation_id", "=", actor.organisationId);
  const row = await (options.lock ? lockForUpdate(deps, query) : query).executeTakeFirst();
  if (!row) throw notFound();
  if (options.project) {
    if (options.project.id !== row.project_id) throw notFound();
    return { row, project: options.project };
  }
  return { row, project: await loadProjectForActor(deps.db, actor, row.project_id) };
}

/** The same, for a use case that changes the response: the team of a project that is not stopped or closed. */
export async function openForEdit(deps: Deps, actor: Actor, responseId: string, options: OpenOptions = {}): Promise<Opened> {
  const opened = await openResponse(deps, actor, responseId, options);
  requireEdit(actor, opened.project);
  return opened;
}
