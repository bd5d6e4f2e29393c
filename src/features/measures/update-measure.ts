import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import type { z } from "zod";
import { UpdateMeasureInput } from "./inputs.ts";
import { lockEditableMeasure, type Measure } from "./measure-rows.ts";
import { assertPerson } from "./rules.ts";

export type MeasureFields = z.infer<typeof UpdateMeasureInput>;

/** Team members change what a measure is, who owns it and when it is due. */
export async function updateMeasure(deps: Deps, actor: Actor, measureId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { measure, project } = await lockEditableMeasure(tx, actor, measureId);
    if (!canWorkOnProject(actor, project.id)) throw forbidden();
    await writeMeasureFields(tx, actor, measure, parseInput(UpdateMeasureInput, input));
  });
}

/** Stores new fields of a locked measure, with its audit event. The owner must be an active person of the organisation. */
export async function writeMeasureFields(tx: Tx, actor: Actor, measure: Measure, data: MeasureFields): Promise<void> {
  await assertPerson(tx, actor.organisationId, data.ownerUserId);
  await tx.db
    .updateTable("measures")
    .set({ title: data.title, description: data.description, owner_user_id: data.ownerUserId ?? null, due_date: data.dueDate ?? null, review_cadence: data.reviewCadence, updated_at: tx.now().toISOString() })
    .where("id", "=", measure.id)
    .where("organisation_id", "=", actor.organisationId)
    .execute();
  await tx.audit({
    action: "measure.updated",
    entityType: "measure",
    entityId: measure.id,
    before: { title: measure.title, description: measure.description, ownerUserId: measure.ownerUserId, dueDate: measure.dueDate, reviewCadence: measure.reviewCadence },
    after: data,
  });
}
