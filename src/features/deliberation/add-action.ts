import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { dateField, optionalId } from "../expert-table/fields.ts";
import { assertPerson, lockEditable } from "./access.ts";
import { LIMITS } from "./limits.ts";

export const ActionInput = z.object({
  title: fields.text(LIMITS.actionTitle),
  description: fields.optionalText(LIMITS.actionDescription),
  ownerUserId: optionalId(),
  dueDate: z.union([z.literal(""), dateField()]).optional().transform((v) => v || null),
});

/** An action agreed in the session; it can become a measure when the session is linked to a project. */
export async function addAction(deps: Deps, actor: Actor, id: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const d = await lockEditable(tx, actor, id);
    const data = parseInput(ActionInput, input);
    await assertPerson(tx, actor.organisationId, data.ownerUserId, "ownerUserId");
    const aid = tx.newId();
    await tx.db
      .insertInto("deliberation_actions")
      .values({ id: aid, organisation_id: actor.organisationId, deliberation_id: d.id, title: data.title, description: data.description, owner_user_id: data.ownerUserId, due_date: data.dueDate, measure_id: null, created_at: tx.now().toISOString() })
      .execute();
    await tx.audit({ action: "deliberation.action_added", entityType: "deliberation", entityId: d.id, after: data });
    return aid;
  });
}
