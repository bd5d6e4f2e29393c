// Attaching an audit to a project as evidence, or detaching it: one unit of work.

import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { canManage, checkProject, lockRow, ProjectIdField } from "./access.ts";

/** projectId null (or empty, or absent) detaches the audit. */
export const AttachInput = z.object({
  projectId: ProjectIdField.nullish()
    .transform((v) => (v ? v : null))
    .describe("The project the audit is evidence for; null detaches it"),
});

/** Attaches the audit to a project as evidence (or detaches it with projectId null); its links to risks of the old project go. */
export async function attachBiasAudit(deps: Deps, actor: Actor, id: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const row = await lockRow(tx, actor, id);
    if (!canManage(actor, row)) throw forbidden();
    const data = parseInput(AttachInput, input);
    const project = await checkProject(tx, actor, data.projectId, "projectId");
    const projectId = project?.id ?? null;
    await tx.db.updateTable("bias_audits").set({ project_id: projectId, updated_at: tx.now().toISOString() }).where("id", "=", id).where("organisation_id", "=", actor.organisationId).execute();
    let unlinkedRiskIds: string[] = [];
    if (projectId !== row.project_id) {
      const links = await tx.db.selectFrom("bias_audit_risks").select("risk_id").where("bias_audit_id", "=", id).where("organisation_id", "=", actor.organisationId).execute();
      unlinkedRiskIds = links.map((l) => l.risk_id);
      if (unlinkedRiskIds.length) await tx.db.deleteFrom("bias_audit_risks").where("bias_audit_id", "=", id).where("organisation_id", "=", actor.organisationId).execute();
    }
    await tx.audit({
      action: project ? "bias_audit.attached" : "bias_audit.detached",
      entityType: "bias_audit",
      entityId: id,
      before: { projectId: row.project_id, ...(unlinkedRiskIds.length ? { riskIds: unlinkedRiskIds } : {}) },
      after: { projectId },
    });
  });
}
