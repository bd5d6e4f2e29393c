import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { lockEditable } from "./access.ts";

export async function removeParticipant(deps: Deps, actor: Actor, id: string, participantId: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const d = await lockEditable(tx, actor, id);
    const p = await tx.db.selectFrom("deliberation_participants").selectAll().where("id", "=", participantId).where("deliberation_id", "=", d.id).executeTakeFirst();
    if (!p) throw notFound();
    await tx.db.deleteFrom("deliberation_participants").where("id", "=", p.id).execute();
    await tx.audit({ action: "deliberation.participant_removed", entityType: "deliberation", entityId: d.id, before: { name: p.name, role: p.role } });
  });
}
