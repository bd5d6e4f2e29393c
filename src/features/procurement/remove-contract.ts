// Taking a contract away: deleting one that was never signed off (a mistake),
// or withdrawing one (kept for the record, no longer counted at the gate).
// Both come after a confirmation page; the API sends `confirm: true`.
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockContract, requireChangeable } from "./access.ts";
import { expectedRevision } from "./input.ts";
import { LIMITS } from "./model.ts";
import { writeRevision } from "./revise.ts";

const confirmed = z.preprocess((v) => v === true || v === "1" || v === "yes", z.literal(true, "procurement.confirm_required"));

export const DeleteContractInput = z.object({ confirm: confirmed, expectedRevision });
export const WithdrawContractInput = z.object({ confirm: confirmed, reason: z.string().trim().min(1, "procurement.withdraw.reason_required").max(LIMITS.withdrawReason, "field.too_long"), expectedRevision });

/** Whether anyone ever signed this contract: then it is withdrawn, not deleted, so the sign-off stays on record. */
export async function everSigned(deps: Deps, organisationId: string, contractId: string): Promise<boolean> {
  return !!(await deps.db.selectFrom("contract_signoffs").select("id").where("organisation_id", "=", organisationId).where("contract_id", "=", contractId).executeTakeFirst());
}

/** The owner or lead deletes a contract nobody has signed yet, with everything recorded on it. Returns the project id. */
export async function deleteContract(deps: Deps, actor: Actor, contractId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const { row, project } = await lockContract(tx, actor, contractId);
    const data = parseInput(DeleteContractInput, input);
    requireChangeable(actor, project, row, data.expectedRevision);
    if (await everSigned(tx, actor.organisationId, row.id)) throw new AppError("rule_refused", "procurement.delete.signed_before");
    for (const table of ["contract_point_resolutions", "contract_supplier_measures"] as const) {
      await tx.db.deleteFrom(table).where("organisation_id", "=", actor.organisationId).where("contract_id", "=", row.id).execute();
    }
    await tx.db.deleteFrom("contracts").where("id", "=", row.id).where("organisation_id", "=", actor.organisationId).execute();
    await tx.audit({ action: "contract.deleted", entityType: "contract", entityId: row.id, before: { projectId: project.id, supplier: row.supplier, reference: row.reference, subject: row.subject, revision: row.revision } });
    return project.id;
  });
}

/** The owner or lead withdraws a contract (ended, replaced, never closed): it stays on record and no longer counts at the gate. */
export async function withdrawContract(deps: Deps, actor: Actor, contractId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { row, project } = await lockContract(tx, actor, contractId);
    const data = parseInput(WithdrawContractInput, input);
    requireChangeable(actor, project, row, data.expectedRevision);
    const revision = await writeRevision(tx, actor, row, { status: "withdrawn", withdrawn_reason: data.reason, withdrawn_at: tx.now().toISOString() }, { recordReopening: false });
    await tx.audit({ action: "contract.withdrawn", entityType: "contract", entityId: row.id, before: { status: "active", revision: row.revision }, after: { status: "withdrawn", revision, reason: data.reason } });
  });
}
