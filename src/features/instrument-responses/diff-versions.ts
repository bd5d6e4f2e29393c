import type { Actor } from "../../domain/permissions/permissions.ts";
import { compareVersions, diffAnswers } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { valueLabels } from "../values/service.ts";
import { answerWordsByLang } from "./answer-words.ts";
import type { VersionDiff, VersionRef } from "./model.ts";
import { versionOf } from "./queries.ts";
import { instrumentOf, openResponse, parseObject, type OpenOptions } from "./response-store.ts";

/** A readable diff between two versions (or a version and the current answers), question by question. */
export async function diffVersions(deps: Deps, actor: Actor, responseId: string, from: VersionRef, to: VersionRef, options: OpenOptions = {}): Promise<VersionDiff> {
  const { row } = await openResponse(deps, actor, responseId, options);
  const load = async (ref: VersionRef) =>
    ref === "current"
      ? { answers: parseObject(row.answers_json), instrumentVersion: row.instrument_version, at: row.updated_at }
      : await versionOf(deps, actor.organisationId, row.id, ref).then((v) => ({ answers: v.answers, instrumentVersion: v.instrumentVersion, at: v.createdAt }));
  const a = await load(from);
  const b = await load(to);
  // Questions and options from the newer instrument version; each side's value names as they were at its own moment.
  const newer = compareVersions(a.instrumentVersion, b.instrumentVersion) > 0 ? a : b;
  const instrument = instrumentOf(deps, row.instrument_id, newer.instrumentVersion);
  const words = answerWordsByLang();
  const labelsAt = async (at: string) => Object.fromEntries(Object.entries(await valueLabels(deps, actor.organisationId, at)).map(([k, v]) => [k, v.name]));
  const beforeSide = diffAnswers(instrument, a.answers, b.answers, { valueLabels: await labelsAt(a.at), words });
  const afterSide = diffAnswers(instrument, a.answers, b.answers, { valueLabels: await labelsAt(b.at), words });
  const changes = beforeSide.map((c, i) => ({ ...c, after: afterSide[i]!.after }));
  const changed = new Set(changes.map((c) => c.sectionId));
  return { from, to, changes, changedSections: instrument.sections.filter((s) => changed.has(s.id)).map((s) => s.id) };
}
