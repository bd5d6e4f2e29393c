import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Tx } from "../../platform/transaction.ts";
import { fields } from "../../platform/validation.ts";
import { LIMITS } from "./limits.ts";
import "./schema.ts";

export const RecommendationText = fields.text(LIMITS.recommendation);

/** Inserts the draft advice of a request, inside the caller's transaction. */
export async function insertDraftAdvice(tx: Tx, actor: Actor, requestId: string, content: { summary: string; findings: Record<string, string> }): Promise<string> {
  const id = tx.newId();
  const now = tx.now().toISOString();
  await tx.db
    .insertInto("expert_advice")
    .values({ id, organisation_id: actor.organisationId, request_id: requestId, summary: content.summary, findings_json: JSON.stringify(content.findings), status: "draft", written_by: actor.userId, created_at: now, updated_at: now, given_by: null, given_at: null })
    .execute();
  return id;
}

/** Inserts recommendation number `number` of an advice, inside the caller's transaction. */
export async function insertRecommendation(tx: Tx, actor: Actor, adviceId: string, number: number, text: string): Promise<string> {
  const id = tx.newId();
  await tx.db
    .insertInto("expert_recommendations")
    .values({ id, organisation_id: actor.organisationId, advice_id: adviceId, number, text, response: null, response_text: null, responded_by: null, responded_at: null, measure_id: null })
    .execute();
  return id;
}
