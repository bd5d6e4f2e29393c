import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { createMeasure } from "../measures/service.ts";
import { lockRecommendation } from "./access.ts";
import { dateField } from "./fields.ts";

export const MeasureFromRecommendationInput = z.object({
  ownerUserId: z.string().trim().max(64, "field.too_long").optional().transform((v) => v || undefined),
  dueDate: z.union([z.literal(""), dateField()]).optional().transform((v) => v || undefined),
});

/** A measure's title is at most 200 characters: a longer text is cut with an ellipsis (the description keeps it whole). */
function measureTitle(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

/**
 * Turns a recommendation the project complies with into a measure (source:
 * advice), in one transaction with the measures feature's own use case.
 * Returns the measure's id and the request's.
 */
export async function recommendationToMeasure(deps: Deps, actor: Actor, recommendationId: string, input: unknown = {}): Promise<{ measureId: string; requestId: string }> {
  return inTransaction(deps, actor, async (tx) => {
    const { rec, request } = await lockRecommendation(tx, actor, recommendationId);
    if (!canEditProject(actor, request.project_id)) throw forbidden();
    if (rec.advice_status !== "given") throw new AppError("rule_refused", "expert_table.not_given_yet");
    if (rec.measure_id) throw new AppError("conflict", "expert_table.measure_exists");
    const data = parseInput(MeasureFromRecommendationInput, input);
    const measureId = await createMeasure(tx, actor, {
      projectId: request.project_id,
      title: measureTitle(rec.text),
      description: rec.text,
      ownerUserId: data.ownerUserId,
      dueDate: data.dueDate,
      source: { type: "advice", id: rec.id },
    });
    await tx.db.updateTable("expert_recommendations").set({ measure_id: measureId }).where("id", "=", rec.id).execute();
    await tx.audit({ action: "expert_recommendation.measure_created", entityType: "expert_recommendation", entityId: rec.id, after: { measureId } });
    return { measureId, requestId: request.id };
  });
}
