// The AI Act classification of a project: the team answers the
// ai-act-classification instrument (stored by instrument-responses); "afronden"
// freezes the answers and records the outcome with every reason as evidence.
// The FG or the CIO's delegate, neither holding a role in the project, reviews it.
import { z } from "zod";
import { AI_ACT_INSTRUMENT_ID, classify, type ClassificationResult } from "../../domain/ai-act/index.ts";
import { isFinal, isPhase } from "../../domain/lifecycle/index.ts";
import { isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import type { Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { findResponse, freezeAnswers, getOrCreateResponse, type ResponseView } from "../instrument-responses/service.ts";
import { loadProjectForActor, lockProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { classificationsOf, redoNeeded, type ClassificationRecord, type Redo, type ReviewerCapacity } from "./records.ts";
import { markFriaInDepia } from "./fria.ts";

export const REVIEW_NOTE_MAX = 2000;
const ID_MAX = 64;

export interface ClassificationOverview {
  project: ProjectRef;
  response: ResponseView | null;
  /** The outcome of the current answers on today's date; provisional while questions are open. */
  live: ClassificationResult | null;
  instrument: Instrument;
  records: ClassificationRecord[];
  current: ClassificationRecord | null;
  redo: Redo | null;
  canFill: boolean;
  canFinish: boolean;
  /** The capacity in which the actor may review the current record; null when they may not. */
  reviewAs: ReviewerCapacity | null;
}

export function aiActInstrument(deps: Deps, version?: string): Instrument {
  const found = version ? deps.instruments.get(AI_ACT_INSTRUMENT_ID, version) : deps.instruments.latest(AI_ACT_INSTRUMENT_ID);
  if (!found) throw new Error(`instrument ${AI_ACT_INSTRUMENT_ID} ${version ?? "latest"} is not loaded`);
  return found;
}

const today = (deps: Deps) => deps.now().toISOString().slice(0, 10);

function requireActive(project: ProjectRef): void {
  if (isPhase(project.phase) && isFinal(project.phase)) throw new AppError("rule_refused", "ai_act.project_final");
}

/** The FG, or the CIO (or the CIO's delegate, who holds the cio role), not holding a role in the project. */
export function reviewCapacity(actor: Actor, projectId: string): ReviewerCapacity | null {
  if (isInvolvedIn(actor, projectId)) return null;
  if (actor.organisationRoles.has("fg")) return "fg";
  if (actor.organisationRoles.has("cio")) return "cio";
  return null;
}

export async function getClassification(deps: Deps, actor: Actor, projectId: string): Promise<ClassificationOverview> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const response = await findResponse(deps, actor, project.id, AI_ACT_INSTRUMENT_ID, { project });
  const instrument = aiActInstrument(deps, response?.instrumentVersion);
  const live = response ? classify(response.answers, instrument, today(deps)) : null;
  const records = await classificationsOf(deps, actor.organisationId, project.id);
  const current = records[0] ?? null;
  const editable = !!response?.canEdit || (canEditProject(actor, project.id) && !response);
  const capacity = reviewCapacity(actor, project.id);
  return {
    project,
    response,
    live,
    instrument,
    records,
    current,
    redo: current ? await redoNeeded(deps, current) : null,
    canFill: editable,
    canFinish: editable && canEditProject(actor, project.id) && live?.state === "classified",
    reviewAs: current && !current.review ? capacity : null,
  };
}

/** Opens (or starts) the project's classification response, for the form of instrument-responses. */
export async function startClassification(deps: Deps, actor: Actor, projectId: string): Promise<ResponseView> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  requireActive(project);
  if (!canEditProject(actor, project.id)) throw forbidden();
  return getOrCreateResponse(deps, actor, project.id, AI_ACT_INSTRUMENT_ID, { project });
}

/**
 * "Afronden": the owner or lead freezes the answers and records the outcome with
 * every reason and duty. Refused while questions are open or answers contradict
 * each other. A later classification (material change, new instrument version)
 * is a new record; the old ones stay as they were.
 */
export async function finishClassification(deps: Deps, actor: Actor, projectId: string): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireActive(project);
    if (!canEditProject(actor, project.id)) throw forbidden();
    const response = await findResponse(tx, actor, project.id, AI_ACT_INSTRUMENT_ID, { project });
    if (!response) throw new AppError("rule_refused", "ai_act.not_started");
    const onDate = today(tx);
    const check = classify(response.answers, aiActInstrument(tx, response.instrumentVersion), onDate);
    if (check.state === "contradictory") throw new AppError("rule_refused", "ai_act.contradictory_answers");
    if (check.state === "incomplete") throw new AppError("rule_refused", "ai_act.incomplete");
    const frozen = await freezeAnswers(tx, actor, response.id, { note: "ai-act", project });
    const result = classify(frozen.answers, aiActInstrument(tx, frozen.instrumentVersion), onDate);
    const outcome = result.eventual?.outcome ?? "outside_scope";
    const id = tx.newId();
    await tx.db
      .insertInto("ai_act_classifications")
      .values({
        id,
        organisation_id: actor.organisationId,
        project_id: project.id,
        response_id: response.id,
        response_version: frozen.number,
        instrument_version: frozen.instrumentVersion,
        on_date: onDate,
        outcome,
        result_json: JSON.stringify(result),
        completed_by: actor.userId,
        completed_by_name: actor.name,
        completed_at: tx.now().toISOString(),
        review_decision: null,
        review_role: null,
        review_note: null,
        reviewed_by: null,
        reviewed_by_name: null,
        reviewed_at: null,
      })
      .execute();
    await tx.audit({
      action: "ai_act.classified",
      entityType: "project",
      entityId: project.id,
      after: { classificationId: id, responseVersion: frozen.number, instrumentVersion: frozen.instrumentVersion, onDate, outcome, current: result.current?.outcome ?? null, reasons: result.reasons.map((r) => r.code) },
    });
    if (result.duties.some((d) => d.duty === "fria")) await markFriaInDepia(tx, actor, project);
    return id;
  });
}

export const ReviewInput = z.object({
  /** The record the reviewer looked at: when it was redone since, the review is a conflict. */
  classificationId: z.string().trim().max(ID_MAX, "field.invalid").optional(),
  decision: z.enum(["confirmed", "rejected"], "field.invalid_choice"),
  note: z.string().trim().max(REVIEW_NOTE_MAX, "field.too_long").optional().default(""),
}).superRefine((v, ctx) => {
  if (v.decision === "rejected" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "ai_act.review.note_required" });
});

/** The FG or the CIO's delegate confirms the latest classification, or rejects it with a reason (the team then redoes it). */
export async function reviewClassification(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireActive(project);
    if (isInvolvedIn(actor, project.id)) throw new AppError("forbidden", "ai_act.review.own_project");
    const capacity = reviewCapacity(actor, project.id);
    if (!capacity) throw forbidden();
    const data = parseInput(ReviewInput, input);
    const [current] = await classificationsOf(tx, actor.organisationId, project.id);
    if (!current) throw notFound();
    if (data.classificationId && data.classificationId !== current.id) throw new AppError("conflict", "ai_act.review.changed");
    if (current.review) throw new AppError("conflict", "ai_act.review.already");
    const res = await tx.db
      .updateTable("ai_act_classifications")
      .set({ review_decision: data.decision, review_role: capacity, review_note: data.note, reviewed_by: actor.userId, reviewed_by_name: actor.name, reviewed_at: tx.now().toISOString() })
      .where("id", "=", current.id)
      .where("organisation_id", "=", actor.organisationId)
      .where("review_decision", "is", null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError("conflict", "ai_act.review.already");
    await tx.audit({
      action: data.decision === "confirmed" ? "ai_act.review_confirmed" : "ai_act.review_rejected",
      entityType: "project",
      entityId: project.id,
      after: { classificationId: current.id, decision: data.decision, role: capacity, note: data.note },
    });
  });
}
