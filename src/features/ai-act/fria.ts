// The FRIA (Art. 27) is a section of the DEPIA (instrument depia ≥ 1.1.0),
// shown when its question fria_applies says yes. This feature answers that
// question when the classification makes the FRIA a duty, pre-fills the FRIA
// from the DPIA's own answers where they already say it, and reads the FRIA's
// state from the DEPIA's section verdicts and the notification recorded here.
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import { prefillAnswers } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { depiaInstrument, depiaRecordsOf, latestVersion, verdictRecords } from "../assessments/depia-records.ts";
import { effectiveSectionVerdicts } from "../assessments/rules.ts";
import { findResponse, saveAnswers } from "../instrument-responses/service.ts";
import { lockProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { friaNotificationsOf } from "./records.ts";

export const FRIA_SECTION = "fria";
export const FRIA_QUESTION = "fria_applies";
export const NOTIFY_LIMITS = { authority: 200, reference: 200 } as const;

/** none: no DEPIA or no FRIA in it; otherwise as the DEPIA's reviewers judged the FRIA section of the latest version. */
export type FriaReview = "none" | "in_progress" | "accepted" | "reviews_reopened";

export interface FriaState {
  review: FriaReview;
  /** The DEPIA version of the latest submission holding the FRIA. */
  version: number | null;
  notified: { on: string; authority: string; reference: string; version: number } | null;
  /** The DEPIA's pinned instrument has no FRIA section: it must be upgraded first. */
  needsUpgrade: boolean;
}

async function unlessRefused<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}

/** The answers that switch the FRIA on in a DEPIA response, with its questions pre-filled from the DPIA's answers. */
export function friaAnswers(deps: Deps, instrumentVersion: string, answers: Record<string, unknown>): Record<string, unknown> | null {
  const instrument = depiaInstrument(deps, instrumentVersion);
  if (!instrument.sections.some((s) => s.id === FRIA_SECTION)) return null;
  const on = { ...answers, [FRIA_QUESTION]: "yes" };
  const filled = prefillAnswers(instrument, on, { depia: answers });
  const patch: Record<string, unknown> = answers[FRIA_QUESTION] === "yes" ? {} : { [FRIA_QUESTION]: "yes" };
  for (const f of filled) patch[f.questionId] = f.value;
  return patch;
}

/** Switches the FRIA section on in the project's DEPIA, when there is one that has it; otherwise nothing. */
export async function markFriaInDepia(tx: Tx, actor: Actor, project: ProjectRef): Promise<boolean> {
  const response = await unlessRefused(findResponse(tx, actor, project.id, "depia", { project }));
  if (!response || !response.canEdit) return false;
  const patch = friaAnswers(tx, response.instrumentVersion, response.answers);
  if (!patch) return false;
  if (Object.keys(patch).length === 0) return true;
  return (await unlessRefused(saveAnswers(tx, actor, response.id, patch, { project }))) !== null;
}

/** "Antwoorden overnemen": the team fills the FRIA from the DPIA's answers again (only empty questions). */
export async function prefillFria(deps: Deps, actor: Actor, projectId: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    if (!canWorkOnProject(actor, project.id)) throw forbidden();
    if (!(await markFriaInDepia(tx, actor, project))) throw new AppError("rule_refused", "ai_act.fria.no_depia");
  });
}

export async function friaState(deps: Deps, organisationId: string, projectId: string): Promise<FriaState> {
  const [n] = await friaNotificationsOf(deps, organisationId, projectId);
  const notified = n ? { on: n.notified_on, authority: n.authority, reference: n.reference, version: n.depia_version } : null;
  const records = await depiaRecordsOf(deps, organisationId, projectId);
  if (!records) return { review: "none", version: null, notified, needsUpgrade: false };
  const response = await deps.db.selectFrom("instrument_responses").select(["instrument_version", "answers_json"]).where("id", "=", records.responseId).where("organisation_id", "=", organisationId).executeTakeFirst();
  const hasSection = !!response && depiaInstrument(deps, response.instrument_version).sections.some((s) => s.id === FRIA_SECTION);
  const latest = latestVersion(records);
  const verdicts = verdictRecords(records);
  const judged = latest ? records.requiredReviewers.map((role) => effectiveSectionVerdicts(records.versions, verdicts, role, latest.number, [FRIA_SECTION])[FRIA_SECTION] ?? null) : [];
  const onFria = verdicts.some((v) => v.sectionId === FRIA_SECTION);
  const review: FriaReview = !latest || (!onFria && !hasSection)
    ? hasSection ? "in_progress" : "none"
    : judged.length > 0 && judged.every((v) => v?.verdict === "acceptable")
      ? "accepted"
      : judged.some((v) => v && v.verdict !== "acceptable")
        ? "reviews_reopened"
        : "in_progress";
  return { review, version: latest?.number ?? null, notified, needsUpgrade: !hasSection };
}

export const FriaNotificationInput = z.object({
  authority: fields.text(NOTIFY_LIMITS.authority),
  notifiedOn: fields.date(),
  reference: fields.optionalText(NOTIFY_LIMITS.reference),
});

/** Art. 27(3): the team records that the FRIA's results were notified to the market surveillance authority. Only an accepted FRIA. */
export async function recordFriaNotification(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    if (!canWorkOnProject(actor, project.id)) throw forbidden();
    const data = parseInput(FriaNotificationInput, input);
    const state = await friaState(tx, actor.organisationId, project.id);
    if (state.review !== "accepted" || state.version === null) throw new AppError("rule_refused", "ai_act.fria.not_accepted");
    const id = tx.newId();
    await tx.db
      .insertInto("ai_act_fria_notifications")
      .values({ id, organisation_id: actor.organisationId, project_id: project.id, depia_version: state.version, authority: data.authority, notified_on: data.notifiedOn, reference: data.reference ?? "", recorded_by: actor.userId, recorded_by_name: actor.name, recorded_at: tx.now().toISOString() })
      .execute();
    await tx.audit({ action: "ai_act.fria_notified", entityType: "project", entityId: project.id, after: { depiaVersion: state.version, authority: data.authority, notifiedOn: data.notifiedOn, reference: data.reference ?? "" } });
  });
}
