import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { lockEditable } from "./access.ts";
import { indexConclusion } from "./finish.ts";

/** Closes the session; a conclusion is required, and it enters the precedent library. */
export async function closeDeliberation(deps: Deps, actor: Actor, id: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const d = await lockEditable(tx, actor, id, "closed");
    if (!d.conclusion.trim()) throw new AppError("rule_refused", "deliberation.conclusion_required");
    await tx.db.updateTable("deliberations").set({ status: "closed", closed_at: tx.now().toISOString() }).where("id", "=", d.id).execute();
    await indexConclusion(tx, d);
    await tx.audit({ action: "deliberation.closed", entityType: "deliberation", entityId: d.id, before: { status: "open" }, after: { status: "closed" } });
  });
}
