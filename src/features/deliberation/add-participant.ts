import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { optionalId } from "../expert-table/fields.ts";
import { assertPerson, lockEditable } from "./access.ts";
import { LIMITS } from "./limits.ts";
import { PARTICIPANT_ROLES } from "./methods.ts";

export const ParticipantInput = z.object({
  name: fields.text(LIMITS.name),
  role: z.enum(PARTICIPANT_ROLES, "field.invalid_choice"),
  /** The participant's account, when they have one: they can then read the session. */
  userId: optionalId(),
});

export async function addParticipant(deps: Deps, actor: Actor, id: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const d = await lockEditable(tx, actor, id);
    const data = parseInput(ParticipantInput, input);
    await assertPerson(tx, actor.organisationId, data.userId, "userId");
    const pid = tx.newId();
    await tx.db.insertInto("deliberation_participants").values({ id: pid, organisation_id: actor.organisationId, deliberation_id: d.id, name: data.name, user_id: data.userId, role: data.role }).execute();
    await tx.audit({ action: "deliberation.participant_added", entityType: "deliberation", entityId: d.id, after: data });
    return pid;
  });
}
