import type { Actor } from "../../domain/permissions/permissions.ts";
import { sectionStatus, validateAnswers, type AnswerErrorCode, type Answers, type Section, type SectionProgress } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid, notFound, type FieldError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { valueKeys } from "../values/service.ts";
import { lockEditable } from "./access.ts";
import { methodInstrument } from "./methods.ts";
import { mergedAnswers } from "./step-answers.ts";

const ANSWER_CODES = ["required", "wrong_type", "invalid_option", "unknown_value_tag", "cell_wrong_type", "unknown_question", "too_many_rows", "explanation_required"] as const;
function answerCode(code: AnswerErrorCode | string): (typeof ANSWER_CODES)[number] | "invalid" {
  return (ANSWER_CODES as readonly string[]).includes(code) ? (code as (typeof ANSWER_CODES)[number]) : "invalid";
}

/** The given answers of one step: an object holding only that step's questions; empty answers are left out. */
function stepAnswers(section: Section, answers: unknown): Record<string, unknown> {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) throw invalid([{ field: "_", messageKey: "deliberation.answers_invalid" }]);
  const own = new Set(section.questions.map((q) => q.id));
  const stranger = Object.keys(answers).find((k) => !own.has(k));
  if (stranger) throw invalid([{ field: stranger, messageKey: "deliberation.answer.unknown_question" }]);
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined && v !== null && v !== ""));
}

/**
 * Saves the answers of one step, checked by the instrument engine against the
 * method version the session is pinned to and the organisation's value set.
 * Drafts may be incomplete; the step's status says how far it is.
 */
export async function saveStep(deps: Deps, actor: Actor, id: string, sectionId: string, answers: unknown): Promise<SectionProgress> {
  return inTransaction(deps, actor, async (tx) => {
    const d = await lockEditable(tx, actor, id);
    const instrument = methodInstrument(tx, d.method, d.method_version);
    const section = instrument.sections.find((s) => s.id === sectionId);
    if (!section) throw notFound();
    const given = stepAnswers(section, answers);
    const rows = await tx.db.selectFrom("deliberation_steps").selectAll().where("deliberation_id", "=", d.id).execute();
    const all: Answers = { ...mergedAnswers(rows.filter((r) => r.section_id !== sectionId)), ...given };
    const own = new Set(section.questions.map((q) => q.id));
    const errors = validateAnswers(instrument, all, { partial: true, valueKeys: await valueKeys(tx, actor.organisationId) }).filter((e) => own.has(e.questionId));
    if (errors.length) {
      throw invalid(errors.map((e): FieldError => ({ field: e.path, messageKey: e.code === "too_long" ? "field.too_long" : `deliberation.answer.${answerCode(e.code)}`, params: e.params })));
    }
    const status = sectionStatus(instrument, all).find((s) => s.sectionId === sectionId)?.status ?? "not_started";
    const now = tx.now().toISOString();
    const existing = rows.find((r) => r.section_id === sectionId);
    const answersJson = JSON.stringify(given);
    if (existing) await tx.db.updateTable("deliberation_steps").set({ answers_json: answersJson, status, updated_by: actor.userId, updated_at: now }).where("id", "=", existing.id).execute();
    else await tx.db.insertInto("deliberation_steps").values({ id: tx.newId(), organisation_id: actor.organisationId, deliberation_id: d.id, section_id: sectionId, answers_json: answersJson, status, updated_by: actor.userId, updated_at: now }).execute();
    await tx.audit({ action: "deliberation.step_saved", entityType: "deliberation", entityId: d.id, before: existing ? { sectionId, answers: JSON.parse(existing.answers_json) } : undefined, after: { sectionId, answers: given, status } });
    return status;
  });
}
