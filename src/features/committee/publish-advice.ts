import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import type { AdviceRow } from "./case-rows.ts";
import { lockForPublication } from "./lock-case-for.ts";
import { setPrecedentVisibility } from "./precedents.ts";

/** Publishes the advice inside the caller's transaction, when the committee decided it is public and it is adopted. */
export async function publishLocked(tx: Tx, advice: Pick<AdviceRow, "id" | "publication" | "status" | "published_at">): Promise<void> {
  if (advice.publication === "confidential") throw new AppError("rule_refused", "committee.publish_confidential");
  if (advice.publication !== "public") throw new AppError("rule_refused", "committee.publish_undecided");
  if (advice.status !== "adopted") throw new AppError("rule_refused", "committee.publish_draft");
  if (advice.published_at) throw new AppError("conflict", "committee.already_published");
  const now = tx.now().toISOString();
  await tx.db.updateTable("committee_advice").set({ published_at: now }).where("id", "=", advice.id).execute();
  await setPrecedentVisibility(tx, "committee_advice", advice.id, "public");
  await tx.audit({ action: "committee_advice.published", entityType: "committee_advice", entityId: advice.id, after: { publishedAt: now, url: `/openbaar/advies/${advice.id}` } });
}

/** Publishes an adopted advice the committee decided to make public; an advice marked confidential is refused. */
export async function publishAdvice(deps: Deps, actor: Actor, caseId: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { advice } = await lockForPublication(tx, actor, caseId);
    await publishLocked(tx, advice);
  });
}
