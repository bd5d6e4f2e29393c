import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { loadRecommendation, lockWritableAdvice } from "./access.ts";

/** Removes a recommendation from the draft advice; the others are numbered again. Returns the request's id. */
export async function removeRecommendation(deps: Deps, actor: Actor, recommendationId: string): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const { rec, request } = await loadRecommendation(tx, actor, recommendationId);
    await lockWritableAdvice(tx, actor, request.id);
    await tx.db.deleteFrom("expert_recommendations").where("id", "=", rec.id).execute();
    const rest = await tx.db.selectFrom("expert_recommendations").select("id").where("advice_id", "=", rec.advice_id).orderBy("number").execute();
    for (const [i, r] of rest.entries()) await tx.db.updateTable("expert_recommendations").set({ number: i + 1 }).where("id", "=", r.id).execute();
    await tx.audit({ action: "expert_recommendation.removed", entityType: "expert_advice", entityId: rec.advice_id, before: { number: rec.number, text: rec.text } });
    return request.id;
  });
}
