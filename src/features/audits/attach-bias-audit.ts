import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockAuditForWork } from "./access.ts";
import { AttachBiasAuditInput } from "./types.ts";

/** An auditor attaches a finished bias-audit run of an audited project to the audit, as evidence. */
export async function attachBiasAudit(deps: Deps, actor: Actor, auditId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { audit, people } = await lockAuditForWork(tx, actor, auditId);
    if (audit.status === "final" || audit.status === "followed_up") throw new AppError("rule_refused", "audits.evidence_closed");
    const { biasAuditId } = parseInput(AttachBiasAuditInput, input);
    const run = await tx.db.selectFrom("bias_audits").select(["id", "project_id", "status", "name"]).where("id", "=", biasAuditId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
    if (!run || !run.project_id || !people.scope.includes(run.project_id)) throw invalid([{ field: "biasAuditId", messageKey: "audits.bias_audit_outside_scope" }]);
    if (run.status !== "done") throw invalid([{ field: "biasAuditId", messageKey: "audits.bias_audit_not_done" }]);
    const existing = await tx.db.selectFrom("audit_bias_audits").select("bias_audit_id").where("audit_id", "=", audit.id).where("bias_audit_id", "=", run.id).executeTakeFirst();
    if (existing) throw new AppError("conflict", "audits.bias_audit_already_attached");
    await tx.db.insertInto("audit_bias_audits").values({ audit_id: audit.id, bias_audit_id: run.id, organisation_id: actor.organisationId, linked_by: actor.userId, linked_at: tx.now().toISOString() }).execute();
    await tx.audit({ action: "audit.bias_audit_attached", entityType: "audit", entityId: audit.id, after: { biasAuditId: run.id, name: run.name } });
  });
}
