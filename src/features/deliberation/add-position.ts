import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { lockEditable } from "./access.ts";
import { LIMITS } from "./limits.ts";

export const PositionInput = z.object({ holder: fields.text(LIMITS.name), position: fields.text(LIMITS.position), arguments: fields.text(LIMITS.arguments) });

/** A position taken in the session, with its arguments. */
export async function addPosition(deps: Deps, actor: Actor, id: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const d = await lockEditable(tx, actor, id);
    const data = parseInput(PositionInput, input);
    const pid = tx.newId();
    await tx.db.insertInto("deliberation_positions").values({ id: pid, organisation_id: actor.organisationId, deliberation_id: d.id, holder: data.holder, position: data.position, arguments: data.arguments, created_at: tx.now().toISOString() }).execute();
    await tx.audit({ action: "deliberation.position_added", entityType: "deliberation", entityId: d.id, after: data });
    return pid;
  });
}
