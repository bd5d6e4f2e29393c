import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import { computeVisibility, validateAnswers, type AnswerError, type Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, type FieldError } from "../../platform/errors.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockProjectForActor } from "../projects/access.ts";
import { insertMaterialChange } from "../projects/record-material-change.ts";
import { CHANGE_KINDS, INSTRUMENT_ID, needsAttention } from "./model.ts";

export const EvaluationAnswersInput = z.object({
  answers: z.record(z.string().max(64, "field.too_long"), z.string().max(2000, "field.too_long")),
});

const ANSWER_KEYS: Partial<Record<AnswerError["code"], MessageKey>> = {
  required: "evaluations.answer.required",
  invalid_option: "evaluations.answer.invalid_option",
  too_long: "evaluations.answer.too_long",
};

export function latestEvaluationInstrument(deps: Deps): Instrument {
  const instrument = deps.instruments.latest(INSTRUMENT_ID);
  if (!instrument) throw new Error(`instrument ${INSTRUMENT_ID} is missing`);
  return instrument;
}

/** Only the answers to questions that apply, trimmed; an empty answer is none. */
function applicable(instrument: Instrument, sent: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const trimmed = Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ""));
  const visible = computeVisibility(instrument, trimmed).questions;
  for (const [k, v] of Object.entries(trimmed)) if (visible.has(k)) out[k] = v as string;
  return out;
}

/**
 * The project's team records a periodic evaluation, in execution or in the
 * evaluation phase: every applicable question answered. A material change it
 * reports is recorded as one, which re-opens the screening.
 */
export async function recordPeriodicEvaluation(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    if (!canWorkOnProject(actor, project.id)) throw new AppError("forbidden", "evaluations.only_team");
    if (project.phase !== "execution" && project.phase !== "evaluation") throw new AppError("rule_refused", "evaluations.wrong_phase");
    const data = parseInput(EvaluationAnswersInput, input);
    const instrument = latestEvaluationInstrument(tx);
    const answers = applicable(instrument, data.answers);
    const unknown = Object.keys(data.answers).filter((k) => !instrument.sections.some((s) => s.questions.some((q) => q.id === k)));
    const errors: FieldError[] = [
      ...unknown.map((k) => ({ field: k, messageKey: "evaluations.answer.unknown" as const })),
      ...validateAnswers(instrument, answers).map((e) => ({ field: e.path, messageKey: ANSWER_KEYS[e.code] ?? ("evaluations.answer.invalid" as const), params: e.params })),
    ];
    if (errors.length) throw new AppError("validation", "evaluations.refused", { fieldErrors: errors });
    const now = tx.now().toISOString();
    const change = (CHANGE_KINDS as readonly string[]).includes(answers.material_change ?? "") ? (answers.material_change as (typeof CHANGE_KINDS)[number]) : null;
    const user = await tx.db.selectFrom("users").select("name").where("id", "=", actor.userId).executeTakeFirst();
    const id = tx.newId();
    await tx.db
      .insertInto("periodic_evaluations")
      .values({
        id,
        organisation_id: actor.organisationId,
        project_id: project.id,
        phase: project.phase,
        instrument_id: instrument.id,
        instrument_version: instrument.version,
        answers_json: JSON.stringify(answers),
        needs_attention: needsAttention(answers) ? 1 : 0,
        material_change: change,
        recorded_by: actor.userId,
        recorded_by_name: user?.name ?? actor.name,
        recorded_at: now,
      })
      .execute();
    await tx.audit({ action: "project.periodic_evaluation_recorded", entityType: "project", entityId: project.id, after: { evaluationId: id, phase: project.phase, instrument: `${instrument.id} ${instrument.version}`, answers } });
    if (change) await insertMaterialChange(tx, actor, project.id, change, answers.material_change_note ?? "", now);
    return id;
  });
}
