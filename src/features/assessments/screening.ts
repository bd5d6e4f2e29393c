// Screening (pre-DPIA): the team fills the pre-dpia instrument (stored by
// instrument-responses); "afronden" freezes the answers and stores the outcome
// with the criteria that fired as evidence. The FG confirms or overrules it.
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { isInvolvedIn } from "../../domain/permissions/permissions.ts";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import { evaluateScreening, SCREENING_INSTRUMENT_ID, type FiredItem, type ScreeningOutcome, type ScreeningResult } from "../../domain/screening/evaluate.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { findResponse, freezeAnswers, getOrCreateResponse, type ResponseView } from "../instrument-responses/service.ts";
import { lockProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { openProject, parseJsonValue, requireActive, userName } from "./common.ts";
import { SCREENING_OUTCOMES } from "./rules.ts";

export const REASON_MAX = 2000;
const SCREENING_ID_MAX = 64;

export interface ScreeningRecord {
  id: string;
  projectId: string;
  responseId: string;
  responseVersion: number;
  instrumentVersion: string;
  /** The outcome as evaluated from the answers. */
  outcome: ScreeningOutcome;
  /** The outcome that counts: the FG's where the FG overruled. */
  effectiveOutcome: ScreeningOutcome;
  fired: FiredItem[];
  signals: ScreeningResult["signals"];
  score: ScreeningResult["score"];
  completedByName: string;
  completedAt: string;
  fg: { decision: "confirmed" | "overruled"; outcome: ScreeningOutcome | null; reason: string; byName: string; at: string } | null;
}

export interface ScreeningOverview {
  project: ProjectRef;
  /** The pre-dpia response with the current (draft) answers; null before anyone started. */
  response: ResponseView | null;
  /** The outcome of the current answers, provisional while questions are open. */
  live: ScreeningResult | null;
  /** Newest first. */
  records: ScreeningRecord[];
  current: ScreeningRecord | null;
  canFill: boolean;
  canFinish: boolean;
  canFgDecide: boolean;
}

type Row = import("kysely").Selectable<import("./schema.ts").ScreeningTable>;

const NO_SIGNALS: ScreeningResult["signals"] = { iama: { needed: false, reasons: [] }, dtia: { needed: false, reasons: [] }, kia: { needed: false, reasons: [] } };
const NO_SCORE: ScreeningResult["score"] = { value: 0, max: 0, threshold: null, aboveThreshold: false, unanswered: [] };
const isObject = <T>(v: unknown): v is T => !!v && typeof v === "object" && !Array.isArray(v);

function toRecord(r: Row): ScreeningRecord {
  const outcome = r.outcome as ScreeningOutcome;
  const fgOutcome = (r.fg_outcome as ScreeningOutcome | null) ?? null;
  return {
    id: r.id,
    projectId: r.project_id,
    responseId: r.response_id,
    responseVersion: r.response_version,
    instrumentVersion: r.instrument_version,
    outcome,
    effectiveOutcome: r.fg_decision === "overruled" && fgOutcome ? fgOutcome : outcome,
    fired: parseJsonValue<FiredItem[]>(r.fired_json, [], Array.isArray),
    signals: parseJsonValue<ScreeningResult["signals"]>(r.signals_json, NO_SIGNALS, isObject),
    score: parseJsonValue<ScreeningResult["score"]>(r.score_json, NO_SCORE, isObject),
    completedByName: r.completed_by_name,
    completedAt: r.completed_at,
    fg: r.fg_decision
      ? { decision: r.fg_decision as "confirmed" | "overruled", outcome: fgOutcome, reason: r.fg_reason ?? "", byName: r.fg_by_name ?? "", at: r.fg_at ?? "" }
      : null,
  };
}

/** Screening records of a project, newest first, without an acting user (snapshot, exports inside one organisation). */
export async function screeningRecordsOf(deps: Deps, organisationId: string, projectId: string): Promise<ScreeningRecord[]> {
  const rows = await deps.db
    .selectFrom("screenings")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .orderBy("completed_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toRecord);
}

/** The FG gives an opinion on screenings of projects they are not part of. */
export function mayDecideAsFg(actor: Actor, projectId: string): boolean {
  return actor.organisationRoles.has("fg") && !isInvolvedIn(actor, projectId);
}

function instrument(deps: Deps, version?: string) {
  const found = version ? deps.instruments.get(SCREENING_INSTRUMENT_ID, version) : deps.instruments.latest(SCREENING_INSTRUMENT_ID);
  if (!found) throw new Error(`instrument ${SCREENING_INSTRUMENT_ID} ${version ?? "latest"} is not loaded`);
  return found;
}

export async function getScreening(deps: Deps, actor: Actor, projectId: string): Promise<ScreeningOverview> {
  const project = await openProject(deps, actor, projectId);
  const response = await findResponse(deps, actor, project.id, SCREENING_INSTRUMENT_ID, { project });
  const live = response ? evaluateScreening(instrument(deps, response.instrumentVersion), response.answers) : null;
  const records = await screeningRecordsOf(deps, actor.organisationId, project.id);
  const current = records[0] ?? null;
  const editable = !!response?.canEdit || (canEditProject(actor, project.id) && !response);
  return {
    project,
    response,
    live,
    records,
    current,
    canFill: editable,
    canFinish: editable && canEditProject(actor, project.id) && !!live?.complete,
    canFgDecide: mayDecideAsFg(actor, project.id) && current !== null && current.fg === null,
  };
}

/** Opens (or starts) the project's pre-dpia response, for the form of instrument-responses. */
export async function startScreening(deps: Deps, actor: Actor, projectId: string): Promise<ResponseView> {
  const project = await openProject(deps, actor, projectId);
  requireActive(project);
  if (!canEditProject(actor, project.id)) throw forbidden();
  return getOrCreateResponse(deps, actor, project.id, SCREENING_INSTRUMENT_ID, { project });
}

/**
 * "Afronden": the owner or lead freezes the answers as a version and records
 * the outcome with every fired criterion and why. Refused while required
 * questions are open. A later screening (after a material change) is a new
 * record. The record is made from exactly the answers that are frozen, in the
 * same transaction as the version; the project is opened once.
 */
export async function finishScreening(deps: Deps, actor: Actor, projectId: string): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireActive(project);
    if (!canEditProject(actor, project.id)) throw forbidden();
    const response = await findResponse(tx, actor, project.id, SCREENING_INSTRUMENT_ID, { project });
    if (!response) throw new AppError("rule_refused", "assessments.screening.not_started");
    if (!evaluateScreening(instrument(tx, response.instrumentVersion), response.answers).complete) throw new AppError("rule_refused", "assessments.screening.incomplete");
    const frozen = await freezeAnswers(tx, actor, response.id, { note: "screening", project });
    const evidence = evaluateScreening(instrument(tx, frozen.instrumentVersion), frozen.answers);
    const id = tx.newId();
    await tx.db
      .insertInto("screenings")
      .values({
        id,
        organisation_id: actor.organisationId,
        project_id: project.id,
        response_id: response.id,
        response_version: frozen.number,
        instrument_version: frozen.instrumentVersion,
        outcome: evidence.outcome,
        fired_json: JSON.stringify(evidence.fired),
        signals_json: JSON.stringify(evidence.signals),
        score_json: JSON.stringify(evidence.score),
        completed_by: actor.userId,
        completed_by_name: await userName(tx, actor),
        completed_at: tx.now().toISOString(),
        fg_decision: null,
        fg_outcome: null,
        fg_reason: null,
        fg_by: null,
        fg_by_name: null,
        fg_at: null,
      })
      .execute();
    await tx.audit({
      action: "screening.completed",
      entityType: "project",
      entityId: project.id,
      after: { screeningId: id, responseVersion: frozen.number, outcome: evidence.outcome, fired: evidence.fired.map((f) => `${f.kind}:${f.id}`), signals: Object.entries(evidence.signals).filter(([, s]) => s.needed).map(([k]) => k) },
    });
    return id;
  });
}

export const FgDecisionInput = z
  .object({
    /** The screening the FG looked at (the form sends it): when it was redone since, the decision is a conflict. */
    screeningId: z.string().trim().max(SCREENING_ID_MAX, "field.invalid").optional(),
    decision: z.enum(["confirmed", "overruled"], "field.invalid_choice"),
    outcome: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.enum(SCREENING_OUTCOMES, "field.invalid_choice").optional()),
    reason: z.string().trim().max(REASON_MAX, "field.too_long").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "overruled") {
      if (!v.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "assessments.screening.fg_outcome_required" });
      if (!v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "assessments.screening.fg_reason_required" });
    }
  });

/** The screening the FG decides on: the latest, as the FG saw it, not decided yet. */
function screeningToDecide(current: ScreeningRecord | undefined, seen: string | undefined): ScreeningRecord {
  if (!current) throw notFound();
  if (seen && seen !== current.id) throw new AppError("conflict", "assessments.screening.fg_changed");
  if (current.fg) throw new AppError("conflict", "assessments.screening.fg_already");
  return current;
}

/**
 * The FG confirms the latest screening, or overrules its outcome with a reason.
 * Once per screening: the project stays locked from the read to the write, so
 * a second decision at the same moment is a conflict.
 */
export async function decideScreeningAsFg(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireActive(project);
    if (!actor.organisationRoles.has("fg")) throw forbidden();
    if (isInvolvedIn(actor, project.id)) throw new AppError("forbidden", "assessments.own_project");
    const data = parseInput(FgDecisionInput, input);
    const [latest] = await screeningRecordsOf(tx, actor.organisationId, project.id);
    const current = screeningToDecide(latest, data.screeningId);
    if (data.decision === "overruled" && data.outcome === current.outcome) throw invalid([{ field: "outcome", messageKey: "assessments.screening.fg_same_outcome" }]);
    const res = await tx.db
      .updateTable("screenings")
      .set({ fg_decision: data.decision, fg_outcome: data.decision === "overruled" ? data.outcome! : null, fg_reason: data.reason, fg_by: actor.userId, fg_by_name: await userName(tx, actor), fg_at: tx.now().toISOString() })
      .where("id", "=", current.id)
      .where("organisation_id", "=", actor.organisationId)
      .where("fg_decision", "is", null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError("conflict", "assessments.screening.fg_already");
    await tx.audit({
      action: data.decision === "confirmed" ? "screening.fg_confirmed" : "screening.fg_overruled",
      entityType: "project",
      entityId: project.id,
      before: { outcome: current.effectiveOutcome },
      after: { screeningId: current.id, decision: data.decision, outcome: data.decision === "overruled" ? data.outcome : current.outcome, reason: data.reason },
    });
  });
}
