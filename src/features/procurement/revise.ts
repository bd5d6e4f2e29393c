// Every change to a contract goes through writeRevision: the revision goes up,
// so sign-offs given on the old revision no longer hold, and when the contract
// was signed off the re-opening is recorded in the same transaction.
import type { Actor } from "../../domain/permissions/permissions.ts";
import { AppError } from "../../platform/errors.ts";
import type { Tx } from "../../platform/transaction.ts";
import { secondSignerOf, userName, type ContractRow } from "./access.ts";
import { fullySignedRevisions, slotsFor } from "./rules.ts";
import type { ContractTable } from "./schema.ts";

type ContractChange = Partial<Omit<ContractTable, "id" | "organisation_id" | "project_id" | "revision" | "created_by" | "created_at">>;

/** Stores the change as the next revision; returns it. `row` is the locked row the change was decided on. */
export async function writeRevision(tx: Tx, actor: Actor, row: ContractRow, change: ContractChange, options: { recordReopening?: boolean } = {}): Promise<number> {
  const slots = slotsFor(await secondSignerOf(tx, actor.organisationId));
  const signed = await tx.db.selectFrom("contract_signoffs").select(["revision", "slot"]).where("organisation_id", "=", actor.organisationId).where("contract_id", "=", row.id).where("revision", "=", row.revision).execute();
  const wasSignedOff = fullySignedRevisions(slots, signed.map((s) => ({ revision: Number(s.revision), slot: s.slot }))).has(row.revision);
  const revision = row.revision + 1;
  const updated = await tx.db
    .updateTable("contracts")
    .set({ ...change, revision, updated_by: actor.userId, updated_by_name: await userName(tx, actor), updated_at: tx.now().toISOString() })
    .where("id", "=", row.id)
    .where("organisation_id", "=", actor.organisationId)
    .where("revision", "=", row.revision)
    .executeTakeFirst();
  // The row is locked, so this only fails when a caller passed a row it did not lock.
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError("conflict", "procurement.changed_meanwhile");
  if ((options.recordReopening ?? true) && (wasSignedOff || signed.length > 0)) {
    await tx.audit({ action: "contract.signoff_reopened", entityType: "contract", entityId: row.id, before: { revision: row.revision, signedOff: wasSignedOff, signatures: signed.map((s) => s.slot) }, after: { revision } });
  }
  return revision;
}
