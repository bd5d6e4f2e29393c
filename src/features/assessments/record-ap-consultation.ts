import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockProjectForActor } from "../projects/access.ts";
import { DATE_MAX, isValidDate, requireActive, userName } from "./common.ts";
import { DEPIA_LIMITS, requireRecords } from "./depia-records.ts";

export const ApConsultationInput = z.object({
  consultedOn: z.string().trim().min(1, "field.required").max(DATE_MAX, "field.date").refine(isValidDate, "field.date"),
  reference: z.string().trim().min(1, "field.required").max(DEPIA_LIMITS.reference, "field.too_long"),
  outcome: z.string().trim().min(1, "field.required").max(DEPIA_LIMITS.outcome, "field.too_long"),
});

/**
 * The owner or lead records the prior consultation of the Autoriteit
 * Persoonsgegevens (AVG art. 36). The same consultation (date and reference)
 * recorded twice is a conflict: the first one stands.
 */
export async function recordApConsultation(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireActive(project);
    if (!canEditProject(actor, project.id)) throw forbidden();
    const data = parseInput(ApConsultationInput, input);
    const records = await requireRecords(tx, actor, project);
    if (records.consultations.some((c) => c.consultedOn === data.consultedOn && c.reference === data.reference)) throw new AppError("conflict", "assessments.ap.already_recorded");
    const id = tx.newId();
    await tx.db
      .insertInto("ap_consultations")
      .values({ id, organisation_id: actor.organisationId, project_id: project.id, depia_id: records.id, consulted_on: data.consultedOn, reference: data.reference, outcome: data.outcome, recorded_by: actor.userId, recorded_by_name: await userName(tx, actor), recorded_at: tx.now().toISOString() })
      .execute();
    await tx.audit({ action: "depia.ap_consultation_recorded", entityType: "project", entityId: project.id, after: { depiaId: records.id, ...data } });
    return id;
  });
}
