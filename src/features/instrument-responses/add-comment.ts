import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { COMMENT_MAX, ID_MAX } from "./model.ts";
import { instrumentOf, openResponse } from "./response-store.ts";

export const CommentInput = z.object({
  questionId: z.string().trim().min(1, "field.required").max(ID_MAX, "field.too_long"),
  body: z.string().trim().min(1, "field.required").max(COMMENT_MAX, "field.too_long"),
});

/** A colleague's comment on one question. Everyone who may see the project may comment; nobody needs to edit. */
export async function addComment(deps: Deps, actor: Actor, responseId: string, input: unknown): Promise<string> {
  const data = parseInput(CommentInput, input);
  return inTransaction(deps, actor, async (tx) => {
    const { row } = await openResponse(tx, actor, responseId);
    const instrument = instrumentOf(tx, row.instrument_id, row.instrument_version);
    if (!instrument.sections.some((s) => s.questions.some((q) => q.id === data.questionId))) {
      throw invalid([{ field: "questionId", messageKey: "instrument_responses.unknown_question" }]);
    }
    const id = tx.newId();
    await tx.db
      .insertInto("instrument_response_comments")
      .values({ id, organisation_id: actor.organisationId, response_id: row.id, question_id: data.questionId, body: data.body, author_id: actor.userId, author_name: actor.name, created_at: tx.now().toISOString() })
      .execute();
    await tx.audit({ action: "instrument_response.comment_added", entityType: "instrument_response", entityId: row.id, after: { commentId: id, questionId: data.questionId, body: data.body } });
    return id;
  });
}
