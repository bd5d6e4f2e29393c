// Reading a project's responses, their versions and comments. Nothing here
// writes; the use cases that do are in their own files.
import type { Actor } from "../../domain/permissions/permissions.ts";
import { responseStatus } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import type { ResponseComment, ResponseProgressSummary, ResponseSummary, ResponseVersion, ResponseVersionSummary, ResponseView } from "./model.ts";
import {
  cleanSubject,
  findRow,
  instrumentOf,
  mayEdit,
  openResponse,
  parseObject,
  projectRows,
  requireInstrument,
  sectionStates,
  summarise,
  toView,
  type OpenOptions,
} from "./response-store.ts";

/** The project's response to an instrument, or null when nobody has started one. */
export async function findResponse(deps: Deps, actor: Actor, projectId: string, instrumentId: string, options: { subject?: string; project?: ProjectRef } = {}): Promise<ResponseView | null> {
  const project = options.project ?? (await loadProjectForActor(deps.db, actor, projectId));
  requireInstrument(deps, instrumentId);
  const row = await findRow(deps, actor.organisationId, project.id, instrumentId, cleanSubject(options.subject));
  return row ? toView(deps, row, mayEdit(actor, project)) : null;
}

export async function getResponse(deps: Deps, actor: Actor, responseId: string, options: OpenOptions = {}): Promise<ResponseView> {
  const { row, project } = await openResponse(deps, actor, responseId, options);
  return toView(deps, row, mayEdit(actor, project));
}

/** Every response of a project, for overviews and the API. */
export async function listProjectResponses(deps: Deps, actor: Actor, projectId: string): Promise<ResponseSummary[]> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const rows = await projectRows(deps, actor.organisationId, project.id);
  return rows.map((r) => ({
    id: r.id,
    instrumentId: r.instrument_id,
    instrumentVersion: r.instrument_version,
    subject: r.subject,
    status: responseStatus(instrumentOf(deps, r.instrument_id, r.instrument_version), parseObject(r.answers_json)),
    lastVersion: r.last_version,
    updatedAt: r.updated_at,
  }));
}

/** Progress of a project's response to an instrument; "not_started" when there is none. */
export async function responseProgress(deps: Deps, actor: Actor, projectId: string, instrumentId: string, options: { subject?: string } = {}): Promise<ResponseProgressSummary> {
  const response = await findResponse(deps, actor, projectId, instrumentId, options);
  const sections = response?.sections ?? sectionStates(requireInstrument(deps, instrumentId), {}, {});
  return summarise(response?.status ?? "not_started", sections);
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

/** One frozen version of a response already opened (its id checked against the actor). */
export async function versionOf(deps: Deps, organisationId: string, responseId: string, number: number): Promise<ResponseVersion> {
  const v = await deps.db
    .selectFrom("instrument_response_versions")
    .select(["number", "instrument_version", "note", "created_at", "created_by_name", "answers_json"])
    .where("response_id", "=", responseId)
    .where("organisation_id", "=", organisationId)
    .where("number", "=", number)
    .executeTakeFirst();
  if (!v) throw notFound();
  return { number: v.number, instrumentVersion: v.instrument_version, note: v.note, createdAt: v.created_at, createdByName: v.created_by_name, answers: parseObject(v.answers_json) };
}

export async function getVersion(deps: Deps, actor: Actor, responseId: string, number: number, options: OpenOptions = {}): Promise<ResponseVersion> {
  const { row } = await openResponse(deps, actor, responseId, options);
  return versionOf(deps, actor.organisationId, row.id, number);
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
