import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { lockWritableAdvice } from "./access.ts";
import { insertDraftAdvice, insertRecommendation, RecommendationText } from "./advice-rows.ts";
import { parseRecord } from "./fields.ts";
import { LIMITS } from "./limits.ts";
import { knownValueKeys } from "./values.ts";

export const AdviceInput = z.object({
  summary: z.string().trim().max(LIMITS.summary, "field.too_long").default(""),
  /** Finding per value key of the organisation's value set; an empty finding is left out. */
  findings: z.record(z.string().max(40, "field.too_long"), fields.optionalText(LIMITS.finding)).default({}),
  /** When given, replaces the recommendations in this order; an empty one is refused. */
  recommendations: z.array(RecommendationText).max(50, "field.too_long").optional(),
});

/** Writes (or rewrites) the one advice of a request while it is a draft. */
export async function saveAdvice(deps: Deps, actor: Actor, requestId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const data = parseInput(AdviceInput, input);
    const { row, advice } = await lockWritableAdvice(tx, actor, requestId);
    // Findings on values outside the organisation's set are left out, as are empty ones.
    const known = await knownValueKeys(tx, actor.organisationId, Object.keys(data.findings));
    const findings = Object.fromEntries(known.flatMap((k) => (data.findings[k] ? [[k, data.findings[k]] as const] : [])));
    let adviceId = advice?.id;
    if (advice) {
      await tx.db.updateTable("expert_advice").set({ summary: data.summary, findings_json: JSON.stringify(findings), updated_at: tx.now().toISOString() }).where("id", "=", advice.id).execute();
    } else {
      adviceId = await insertDraftAdvice(tx, actor, row.id, { summary: data.summary, findings });
    }
    if (data.recommendations) {
      await tx.db.deleteFrom("expert_recommendations").where("advice_id", "=", adviceId!).execute();
      for (const [i, text] of data.recommendations.entries()) await insertRecommendation(tx, actor, adviceId!, i + 1, text);
    }
    await tx.audit({
      action: advice ? "expert_advice.updated" : "expert_advice.created",
      entityType: "expert_advice",
      entityId: adviceId!,
      before: advice ? { summary: advice.summary, findings: parseRecord(advice.findings_json) } : undefined,
      after: { requestId: row.id, summary: data.summary, findings, recommendations: data.recommendations },
    });
    return adviceId!;
  });
}
