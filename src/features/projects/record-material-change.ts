import { z } from "zod";
import { materialChangeEffect, type MaterialChangeKind } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { lockProjectForActor } from "./access.ts";
import { EXPLICIT_CHANGE_KINDS, LIMITS } from "./fields.ts";
import { requireEditable } from "./project-rows.ts";

export const MaterialChangeInput = z.object({
  kind: z.enum(EXPLICIT_CHANGE_KINDS, "field.invalid_choice"),
  description: fields.text(LIMITS.changeDescription),
});

/** Owner or lead record a material change by hand, e.g. a new data source. */
export async function recordMaterialChange(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireEditable(actor, project);
    const data = parseInput(MaterialChangeInput, input);
    return insertMaterialChange(tx, actor, project.id, data.kind, data.description, tx.now().toISOString());
  });
}

/** The change and its audit event, in the use case's transaction (editing the details records them too). */
export async function insertMaterialChange(tx: Tx, actor: Actor, projectId: string, kind: MaterialChangeKind, description: string, now: string): Promise<string> {
  const { reopenScreening } = materialChangeEffect(kind);
  const id = tx.newId();
  await tx.db
    .insertInto("material_changes")
    .values({ id, organisation_id: actor.organisationId, project_id: projectId, kind, description, reopens_screening: reopenScreening ? 1 : 0, recorded_by: actor.userId, recorded_at: now })
    .execute();
  await tx.audit({ action: "project.material_change", entityType: "project", entityId: projectId, after: { kind, description, reopensScreening: reopenScreening } });
  return id;
}
