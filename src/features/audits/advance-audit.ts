import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockAuditForWork, userName } from "./access.ts";
import { followUpProgress } from "./follow-up.ts";
import { AdvanceAuditInput, AUDIT_STATUSES, nextStatus, type AuditStatus } from "./types.ts";

/**
 * Moves an audit one step forward (planned → fieldwork → draft report → final
 * → followed up), recording who and when. Final needs a management response
 * to every finding; followed up needs the measures of the agreed findings
 * done or explained. A step someone else already took is a conflict.
 */
export async function advanceAudit(deps: Deps, actor: Actor, auditId: string, input: unknown): Promise<AuditStatus> {
  return inTransaction(deps, actor, async (tx) => {
    const { audit } = await lockAuditForWork(tx, actor, auditId);
    const { to } = parseInput(AdvanceAuditInput, input);
    if (AUDIT_STATUSES.indexOf(to) <= AUDIT_STATUSES.indexOf(audit.status)) throw new AppError("conflict", "audits.status_changed_meanwhile");
    if (to !== nextStatus(audit.status)) throw new AppError("rule_refused", "audits.status_skip");
    if (to === "final" || to === "followed_up") {
      const progress = await followUpProgress(tx, actor.organisationId, audit.id);
      if (progress.unanswered > 0) throw new AppError("rule_refused", "audits.final_needs_responses", { params: { count: progress.unanswered } });
      if (to === "followed_up" && progress.closed < progress.agreed) throw new AppError("rule_refused", "audits.follow_up_open_measures", { params: { count: progress.agreed - progress.closed } });
    }
    const now = tx.now().toISOString();
    await tx.db.updateTable("audits").set({ status: to, updated_at: now }).where("id", "=", audit.id).execute();
    await tx.db.insertInto("audit_status_changes").values({ id: tx.newId(), organisation_id: actor.organisationId, audit_id: audit.id, from_status: audit.status, to_status: to, by_user_id: actor.userId, by_name: await userName(tx, actor), at: now }).execute();
    await tx.audit({ action: "audit.status_changed", entityType: "audit", entityId: audit.id, before: { status: audit.status }, after: { status: to } });
    return to;
  });
}
