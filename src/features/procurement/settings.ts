import { z } from "zod";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { secondSignerOf } from "./access.ts";
import { SECOND_SIGNERS, type SecondSigner } from "./model.ts";

export const ProcurementSettingsInput = z.object({ secondSigner: z.enum(SECOND_SIGNERS, "field.invalid_choice") });

export async function getProcurementSettings(deps: Deps, actor: Actor): Promise<{ secondSigner: SecondSigner }> {
  if (!can(actor, "organisation.manage")) throw forbidden();
  return { secondSigner: await secondSignerOf(deps, actor.organisationId) };
}

/**
 * The admin sets who signs off a contract beside the jurist: an ISO or a
 * privacy officer (either), only one of them, or both. It counts for every
 * contract from then on; a contract signed under the old setting shows what it still needs.
 */
export async function updateProcurementSettings(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  if (!can(actor, "organisation.manage")) throw forbidden();
  const data = parseInput(ProcurementSettingsInput, input);
  await inTransaction(deps, actor, async (tx) => {
    const before = await secondSignerOf(tx, actor.organisationId);
    if (before === data.secondSigner) return;
    const now = tx.now().toISOString();
    const exists = await tx.db.selectFrom("procurement_settings").select("organisation_id").where("organisation_id", "=", actor.organisationId).executeTakeFirst();
    if (exists) await tx.db.updateTable("procurement_settings").set({ second_signer: data.secondSigner, updated_by: actor.userId, updated_at: now }).where("organisation_id", "=", actor.organisationId).execute();
    else await tx.db.insertInto("procurement_settings").values({ organisation_id: actor.organisationId, second_signer: data.secondSigner, updated_by: actor.userId, updated_at: now }).execute();
    await tx.audit({ action: "procurement.settings_updated", entityType: "organisation", entityId: actor.organisationId, before: { secondSigner: before }, after: { secondSigner: data.secondSigner } });
  });
}
