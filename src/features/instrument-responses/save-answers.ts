import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { validateAnswers, type AnswerError, type Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, type FieldError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { valueKeys } from "../values/service.ts";
import { ID_MAX, TEXT_MAX, type ResponseView } from "./model.ts";
import { instrumentOf, openForEdit, parseObject, readRow, toView, updateAtRevision } from "./response-store.ts";

export const AnswersInput = z.record(z.string().max(ID_MAX, "field.too_long"), z.unknown());

/** The API's request to save answers; the options are those of SaveOptions. */
export const SaveAnswersInput = z.object({ answers: AnswersInput, partial: z.boolean().optional(), expectedRevision: z.number().int().optional() });

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
  /** The response's project, when the calling use case opened it already. */
  project?: ProjectRef;
}

function isEmptyAnswer(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}

/** Strings longer than the instrument allows, or than TEXT_MAX where it sets no limit, anywhere in an answer. */
function textLimitErrors(instrument: Instrument, answers: Record<string, unknown>): AnswerError[] {
  const errors: AnswerError[] = [];
  const limits = new Map(instrument.sections.flatMap((s) => s.questions).map((q) => [q.id, "max_length" in q && q.max_length ? q.max_length : TEXT_MAX]));
  for (const [id, value] of Object.entries(answers)) {
    const max = limits.get(id) ?? TEXT_MAX;
    const walk = (v: unknown, path: string): void => {
      if (typeof v === "string" && v.length > max) errors.push({ questionId: id, path, code: "too_long", params: { max } });
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(value, id);
  }
  return errors;
}

/** Engine errors as field errors, worded by this feature's catalogue. */
export function answerFieldErrors(errors: AnswerError[]): FieldError[] {
  return errors.map((e) => ({ field: e.path, messageKey: `instrument_responses.answer.${e.code}`, params: e.params }));
}

function merged(before: Record<string, unknown>, patch: Record<string, unknown>, partial: boolean): Record<string, unknown> {
  const after: Record<string, unknown> = partial ? { ...before } : {};
  for (const [id, value] of Object.entries(patch)) {
    if (isEmptyAnswer(value)) delete after[id];
    else after[id] = value;
  }
  return after;
}

/**
 * Checks the answers with the instrument engine and stores them. An answer of
 * the wrong type (or any other problem) refuses the whole save with field
 * errors and changes nothing. The response stays locked from the read to the
 * write, so two saves at once line up and a merge lands on the other's answers.
 */
export async function saveAnswers(deps: Deps, actor: Actor, responseId: string, answers: unknown, options: SaveOptions = {}): Promise<ResponseView> {
  const patch = parseInput(AnswersInput, answers);
  const partial = options.partial ?? true;
  return inTransaction(deps, actor, async (tx) => {
    const { row } = await openForEdit(tx, actor, responseId, { project: options.project, lock: true });
    if (options.expectedRevision !== undefined && options.expectedRevision !== row.revision) throw new AppError("conflict", "instrument_responses.changed_meanwhile");
    const instrument = instrumentOf(tx, row.instrument_id, row.instrument_version);
    const before = parseObject(row.answers_json);
    const after = merged(before, patch, partial);
    const errors = [...validateAnswers(instrument, after, { partial, valueKeys: await valueKeys(tx, actor.organisationId) }), ...textLimitErrors(instrument, after)];
    if (errors.length) throw new AppError("validation", "instrument_responses.answers_refused", { fieldErrors: answerFieldErrors(errors) });
    const changedIds = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]));
    if (changedIds.length === 0) return toView(tx, row, true);
    await updateAtRevision(tx, actor, row, { answers_json: JSON.stringify(after) });
    await tx.audit({
      action: "instrument_response.answers_saved",
      entityType: "instrument_response",
      entityId: row.id,
      before: { revision: row.revision, answers: Object.fromEntries(changedIds.map((id) => [id, before[id] ?? null])) },
      after: { revision: row.revision + 1, answers: Object.fromEntries(changedIds.map((id) => [id, after[id] ?? null])) },
    });
    return toView(tx, (await readRow(tx, actor.organisationId, row.id))!, true);
  });
}
