import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { loadProjectForActor } from "../projects/access.ts";
import { CreateMeasureInput, type MeasureSourceType, type ReviewCadence } from "./inputs.ts";
import { assertPerson, canAddMeasure, requireActive } from "./rules.ts";

/** What other features hand over when a canvas action, advice, risk, deliberation or finding becomes a measure. */
export interface NewMeasure {
  projectId: string;
  title: string;
  description?: string;
  ownerUserId?: string;
  dueDate?: string /* YYYY-MM-DD */;
  source: { type: MeasureSourceType; id?: string };
  reviewCadence?: ReviewCadence;
}

/** Adds a measure to a project; other features call this (with their Tx) for canvas actions, advice, risks, deliberations and findings. */
export async function createMeasure(deps: Deps, actor: Actor, input: NewMeasure): Promise<string> {
  return addMeasure(deps, actor, input);
}

/** The same as createMeasure for input straight from a form or the API (review cadence and risk ids included). Returns the measure's id. */
export async function addMeasure(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const data = parseInput(CreateMeasureInput, input);
    const project = await loadProjectForActor(tx.db, actor, data.projectId);
    if (!canAddMeasure(actor, project.id, data.source.type)) throw forbidden();
    requireActive(project);
    await assertPerson(tx, actor.organisationId, data.ownerUserId);
    const id = tx.newId();
    const now = tx.now().toISOString();
    await tx.db
      .insertInto("measures")
      .values({
        id,
        organisation_id: actor.organisationId,
        project_id: project.id,
        title: data.title,
        description: data.description,
        owner_user_id: data.ownerUserId ?? null,
        due_date: data.dueDate ?? null,
        status: "open",
        explanation: null,
        evidence: null,
        review_cadence: data.reviewCadence,
        source_type: data.source.type,
        source_id: data.source.id || null,
        risk_ids_json: JSON.stringify(data.riskIds),
        done_requested_by: null,
        done_requested_at: null,
        signed_off_by: null,
        signed_off_by_name: null,
        signed_off_at: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await tx.audit({ action: "measure.created", entityType: "measure", entityId: id, after: { ...data, projectId: project.id } });
    return id;
  });
}
