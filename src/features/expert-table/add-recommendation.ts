import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockWritableAdvice } from "./access.ts";
import { insertDraftAdvice, insertRecommendation, RecommendationText } from "./advice-rows.ts";

export const RecommendationInput = z.object({ text: RecommendationText });

/** Adds the next numbered recommendation to the draft advice; an empty recommendation is refused. */
export async function addRecommendation(deps: Deps, actor: Actor, requestId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const { text } = parseInput(RecommendationInput, input);
    const { row, advice } = await lockWritableAdvice(tx, actor, requestId);
    const adviceId = advice?.id ?? (await insertDraftAdvice(tx, actor, row.id, { summary: "", findings: {} }));
    const last = await tx.db.selectFrom("expert_recommendations").select((eb) => eb.fn.max<number>("number").as("n")).where("advice_id", "=", adviceId).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    const id = await insertRecommendation(tx, actor, adviceId, number, text);
    await tx.audit({ action: "expert_recommendation.added", entityType: "expert_advice", entityId: adviceId, after: { number, text } });
    return id;
  });
}
