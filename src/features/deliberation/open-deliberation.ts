import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { dateField, optionalId } from "../expert-table/fields.ts";
import { canOpenDeliberation } from "./access.ts";
import { LIMITS } from "./limits.ts";
import { METHODS } from "./methods.ts";

export const OpenInput = z.object({
  title: fields.text(LIMITS.title),
  caseDescription: fields.text(LIMITS.caseDescription),
  projectId: optionalId(),
  method: z.enum(METHODS, "field.invalid_choice"),
  heldOn: dateField(),
});

/** Opens a session pinned to the method's current version; the one who opens it is its facilitator. */
export async function openDeliberation(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const data = parseInput(OpenInput, input);
    if (data.projectId) {
      const p = await tx.db.selectFrom("projects").select("id").where("id", "=", data.projectId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
      if (!p) throw invalid([{ field: "projectId", messageKey: "deliberation.project_unknown" }]);
    }
    if (!canOpenDeliberation(actor, data.projectId)) throw forbidden();
    const instrument = tx.instruments.latest(data.method);
    if (!instrument) throw invalid([{ field: "method", messageKey: "deliberation.method_missing" }]);
    const id = tx.newId();
    await tx.db
      .insertInto("deliberations")
      .values({
        id,
        organisation_id: actor.organisationId,
        title: data.title,
        case_description: data.caseDescription,
        project_id: data.projectId,
        method: instrument.id,
        method_version: instrument.version,
        facilitator_id: actor.userId,
        status: "open",
        held_on: data.heldOn,
        moral_question: "",
        stakeholders: "",
        values_json: "[]",
        options: "",
        conclusion: "",
        committee_case_id: null,
        created_at: tx.now().toISOString(),
        closed_at: null,
        escalated_at: null,
      })
      .execute();
    const user = await tx.db.selectFrom("users").select("name").where("id", "=", actor.userId).executeTakeFirst();
    await tx.db.insertInto("deliberation_participants").values({ id: tx.newId(), organisation_id: actor.organisationId, deliberation_id: id, name: user?.name ?? actor.name, user_id: actor.userId, role: "facilitator" }).execute();
    await tx.audit({ action: "deliberation.opened", entityType: "deliberation", entityId: id, after: { title: data.title, method: instrument.id, version: instrument.version, projectId: data.projectId } });
    return id;
  });
}
