import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockProjectForActor } from "../projects/access.ts";
import { CADENCES } from "./model.ts";

export const CadenceInput = z.object({
  months: z.coerce.number("evaluations.cadence_invalid").refine((n) => (CADENCES as readonly number[]).includes(n), "evaluations.cadence_invalid"),
});

/** The owner or lead sets how often the project is evaluated, instead of the rhythm that follows from its risk level. */
export async function setEvaluationCadence(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    if (!canEditProject(actor, project.id)) throw new AppError("forbidden", "evaluations.only_lead");
    const { months } = parseInput(CadenceInput, input);
    const before = await tx.db.selectFrom("evaluation_cadences").select("months").where("project_id", "=", project.id).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
    const now = tx.now().toISOString();
    if (before) await tx.db.updateTable("evaluation_cadences").set({ months, set_by: actor.userId, set_at: now }).where("project_id", "=", project.id).where("organisation_id", "=", actor.organisationId).execute();
    else await tx.db.insertInto("evaluation_cadences").values({ project_id: project.id, organisation_id: actor.organisationId, months, set_by: actor.userId, set_at: now }).execute();
    await tx.audit({ action: "project.evaluation_cadence_set", entityType: "project", entityId: project.id, before: before ? { months: before.months } : null, after: { months } });
  });
}
