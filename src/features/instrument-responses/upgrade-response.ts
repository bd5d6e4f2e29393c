import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { compareVersions, diffAnswers, validateAnswers, type Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { valueKeys } from "../values/service.ts";
import { answerWordsByLang } from "./answer-words.ts";
import { insertVersion } from "./freeze-version.ts";
import { VERSION_MAX, type ResponseView, type UpgradePreview } from "./model.ts";
import { instrumentOf, openForEdit, openResponse, parseObject, readRow, toView, updateAtRevision, type ResponseRow } from "./response-store.ts";

/** The API's request: the instrument version to move to. */
export const UpgradeInput = z.object({ toVersion: z.string().trim().min(1, "field.required").max(VERSION_MAX, "field.too_long") });

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

async function buildPreview(deps: Deps, actor: Actor, row: ResponseRow, toVersion?: string): Promise<UpgradePreview & { carried: Record<string, unknown> }> {
  const from = instrumentOf(deps, row.instrument_id, row.instrument_version);
  const target = toVersion ? deps.instruments.get(row.instrument_id, toVersion) : deps.instruments.latest(row.instrument_id);
  if (!target) throw notFound();
  if (compareVersions(target.version, from.version) <= 0) throw new AppError("rule_refused", "instrument_responses.not_newer");
  const answers = parseObject(row.answers_json);
  const { carried, dropped } = carryOver(target, answers, await valueKeys(deps, actor.organisationId));
  const oldQuestions = new Map(from.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const changes = diffAnswers(target, answers, carried, { words: answerWordsByLang() }).map((c) =>
    c.sectionId === null && oldQuestions.has(c.questionId) ? { ...c, label: oldQuestions.get(c.questionId)!.label } : c,
  );
  return {
    from: from.version,
    to: target.version,
    changes,
    dropped: dropped.map((id) => ({ questionId: id, label: oldQuestions.get(id)?.label ?? { nl: id, en: id } })),
    questionsAdded: target.sections.flatMap((s) => s.questions).filter((q) => !oldQuestions.has(q.id)).map((q) => ({ questionId: q.id, label: q.label })),
    sectionsAdded: target.sections.filter((s) => !from.sections.some((o) => o.id === s.id)).map((s) => ({ sectionId: s.id, title: s.title })),
    carried,
  };
}

/** What moving the response to another (newer) instrument version would do to its answers. */
export async function previewUpgrade(deps: Deps, actor: Actor, responseId: string, toVersion?: string): Promise<UpgradePreview> {
  const { row } = await openResponse(deps, actor, responseId);
  const { carried: _carried, ...preview } = await buildPreview(deps, actor, row, toVersion);
  return preview;
}

/**
 * Moves the response to a newer instrument version. The answers as they were
 * are first frozen as a version, so nothing is lost; answers the new version
 * cannot hold are left out of the new draft.
 */
export async function upgradeResponse(deps: Deps, actor: Actor, responseId: string, toVersion: string): Promise<ResponseView> {
  return inTransaction(deps, actor, async (tx) => {
    const { row } = await openForEdit(tx, actor, responseId, { lock: true });
    const preview = await buildPreview(tx, actor, row, toVersion);
    await insertVersion(tx, actor, row, `instrument ${preview.from} → ${preview.to}`);
    await updateAtRevision(tx, actor, row, { instrument_version: preview.to, answers_json: JSON.stringify(preview.carried) });
    await tx.audit({
      action: "instrument_response.upgraded",
      entityType: "instrument_response",
      entityId: row.id,
      before: { instrumentVersion: preview.from },
      after: { instrumentVersion: preview.to, dropped: preview.dropped.map((d) => d.questionId) },
    });
    return toView(tx, (await readRow(tx, actor.organisationId, row.id))!, true);
  });
}
