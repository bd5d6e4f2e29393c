import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { responseStatus, validateAnswers, type AnswerError } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, type FieldError } from "../../platform/errors.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockContract, requireChangeable } from "./access.ts";
import { checklistInstrument, parseAnswers } from "./facts.ts";
import { expectedRevision } from "./input.ts";
import { LIMITS } from "./model.ts";
import { writeRevision } from "./revise.ts";

/** The answers to store, keyed by question id; an empty answer removes one. Drafts may be incomplete. */
export const ChecklistInput = z.object({
  answers: z.record(z.string().max(LIMITS.id, "field.too_long"), z.union([z.string().max(LIMITS.subject, "field.too_long"), z.null()])),
  expectedRevision,
});

const ANSWER_KEYS: Partial<Record<AnswerError["code"], MessageKey>> = {
  unknown_question: "procurement.answer.unknown_question",
  wrong_type: "procurement.answer.wrong_type",
  invalid_option: "procurement.answer.invalid_option",
  too_long: "procurement.answer.too_long",
  required: "procurement.answer.required",
};

export function answerFieldErrors(errors: AnswerError[]): FieldError[] {
  return errors.map((e) => ({ field: e.path, messageKey: ANSWER_KEYS[e.code] ?? "procurement.answer.invalid", params: e.params }));
}

function merged(before: Record<string, unknown>, patch: Record<string, string | null>): Record<string, unknown> {
  const after: Record<string, unknown> = { ...before };
  for (const [id, value] of Object.entries(patch)) {
    if (value === null || value.trim() === "") delete after[id];
    else after[id] = value.trim();
  }
  return after;
}

/**
 * The owner or lead fills the clause checklist, pinned to the instrument
 * version of the contract. Answers are checked by the instrument engine; one
 * wrong answer refuses the whole save and changes nothing. A change re-opens a
 * given sign-off. Returns the checklist's progress after the save.
 */
export async function saveChecklist(deps: Deps, actor: Actor, contractId: string, input: unknown): Promise<{ revision: number; progress: ReturnType<typeof responseStatus> }> {
  return inTransaction(deps, actor, async (tx) => {
    const { row, project } = await lockContract(tx, actor, contractId);
    const data = parseInput(ChecklistInput, input);
    requireChangeable(actor, project, row, data.expectedRevision);
    const instrument = checklistInstrument(tx, row);
    const before = parseAnswers(row.checklist_answers_json);
    const after = merged(before, data.answers);
    const errors = validateAnswers(instrument, after, { partial: true });
    if (errors.length) throw new AppError("validation", "procurement.checklist.refused", { fieldErrors: answerFieldErrors(errors) });
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]));
    if (changed.length === 0) return { revision: row.revision, progress: responseStatus(instrument, after) };
    const revision = await writeRevision(tx, actor, row, { checklist_answers_json: JSON.stringify(after) });
    await tx.audit({
      action: "contract.checklist_saved",
      entityType: "contract",
      entityId: row.id,
      before: { revision: row.revision, answers: Object.fromEntries(changed.map((id) => [id, before[id] ?? null])) },
      after: { revision, answers: Object.fromEntries(changed.map((id) => [id, after[id] ?? null])) },
    });
    return { revision, progress: responseStatus(instrument, after) };
  });
}
