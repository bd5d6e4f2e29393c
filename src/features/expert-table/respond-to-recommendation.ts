import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { lockRecommendation } from "./access.ts";
import { LIMITS } from "./limits.ts";

/**
 * The answer the person saw before they answered ("none" when there was
 * none; the form sends it): when someone else answered in the meantime, the
 * answer is a conflict instead of overwriting theirs.
 */
const expectedResponse = z.enum(["none", "comply", "explain"], "field.invalid_choice").optional();

export const RespondInput = z.discriminatedUnion(
  "response",
  [
    z.object({ response: z.literal("comply"), text: fields.text(LIMITS.response), expectedResponse }),
    z.object({ response: z.literal("explain"), text: fields.text(LIMITS.response), expectedResponse }),
  ],
  { error: "field.invalid_choice" },
);

/** The project's owner or lead answers one recommendation: comply (with how) or explain (why not). */
export async function respondToRecommendation(deps: Deps, actor: Actor, recommendationId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { rec, request } = await lockRecommendation(tx, actor, recommendationId);
    if (!canEditProject(actor, request.project_id)) throw new AppError("forbidden", "expert_table.only_lead_responds");
    if (rec.advice_status !== "given") throw new AppError("rule_refused", "expert_table.not_given_yet");
    const data = parseInput(RespondInput, input);
    if (data.expectedResponse && data.expectedResponse !== (rec.response ?? "none")) throw new AppError("conflict", "expert_table.answered_meanwhile");
    await tx.db
      .updateTable("expert_recommendations")
      .set({ response: data.response, response_text: data.text, responded_by: actor.userId, responded_at: tx.now().toISOString() })
      .where("id", "=", rec.id)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({
      action: "expert_recommendation.answered",
      entityType: "expert_recommendation",
      entityId: rec.id,
      before: rec.response ? { response: rec.response, text: rec.response_text } : undefined,
      after: { response: data.response, text: data.text },
    });
  });
}
