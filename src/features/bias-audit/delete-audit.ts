// Deleting an audit, its report and its links in one unit of work; then its
// job (if it still runs here) is stopped and the uploaded file removed.

import { rm } from "node:fs/promises";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { canManage, lockRow } from "./access.ts";
import { abortJob, jobSettled, storagePath } from "./jobs.ts";

export async function deleteBiasAudit(deps: Deps, actor: Actor, id: string): Promise<void> {
  const storageKey = await inTransaction(deps, actor, async (tx) => {
    const row = await lockRow(tx, actor, id);
    if (!canManage(actor, row)) throw forbidden();
    await tx.db.deleteFrom("bias_audit_risks").where("bias_audit_id", "=", id).where("organisation_id", "=", actor.organisationId).execute();
    await tx.db.deleteFrom("bias_audits").where("id", "=", id).where("organisation_id", "=", actor.organisationId).execute();
    await tx.audit({ action: "bias_audit.deleted", entityType: "bias_audit", entityId: id, before: { name: row.name, file: row.file_name, projectId: row.project_id, status: row.status } });
    return row.storage_key;
  });
  // The row is gone: a job that finishes now finds nothing to write to.
  abortJob(id);
  await jobSettled(id).catch(() => undefined);
  await rm(storagePath(deps, storageKey), { force: true });
}
