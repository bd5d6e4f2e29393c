import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { lockWritableAdvice } from "./access.ts";

/** The advice is given: from now on it is fixed and the project answers each recommendation. */
export async function finaliseAdvice(deps: Deps, actor: Actor, requestId: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { row, advice } = await lockWritableAdvice(tx, actor, requestId);
    if (!advice || advice.summary.trim() === "") throw new AppError("rule_refused", "expert_table.summary_required");
    const count = await tx.db.selectFrom("expert_recommendations").select((eb) => eb.fn.countAll<number>().as("n")).where("advice_id", "=", advice.id).executeTakeFirst();
    if (Number(count?.n ?? 0) === 0) throw new AppError("rule_refused", "expert_table.recommendation_required");
    const now = tx.now().toISOString();
    await tx.db.updateTable("expert_advice").set({ status: "given", given_by: actor.userId, given_at: now, updated_at: now }).where("id", "=", advice.id).execute();
    await tx.db.updateTable("advice_requests").set({ status: "given", given_at: now }).where("id", "=", row.id).execute();
    await tx.audit({ action: "expert_advice.given", entityType: "expert_advice", entityId: advice.id, before: { status: "draft" }, after: { status: "given", requestId: row.id } });
  });
}
