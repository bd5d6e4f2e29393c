import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid, type FieldError } from "../../platform/errors.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { unknownSourceIds } from "./extension-points.ts";
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
  // The calling feature names its own record as the source, in the same transaction.
  return insertMeasure(deps, actor, input, { sourceVouchedFor: true });
}

/** The same as createMeasure for input straight from a form or the API (review cadence and risk ids included). Returns the measure's id. */
export async function addMeasure(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  return insertMeasure(deps, actor, input, { sourceVouchedFor: false });
}

async function insertMeasure(deps: Deps, actor: Actor, input: unknown, options: { sourceVouchedFor: boolean }): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const data = parseInput(CreateMeasureInput, input);
    const project = await loadProjectForActor(tx.db, actor, data.projectId);
    if (!canAddMeasure(actor, project.id, data.source.type)) throw forbidden();
    requireActive(project);
    await assertPerson(tx, actor.organisationId, data.ownerUserId);
    await assertReferences(tx, project, data, options.sourceVouchedFor);
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

/** Every id the measure refers to is a record of this project: its risks, and (from a form or the API) its source. */
async function assertReferences(tx: Deps, project: ProjectRef, data: { source: { type: MeasureSourceType; id?: string }; riskIds: string[] }, sourceVouchedFor: boolean): Promise<void> {
  const errors: FieldError[] = [];
  if ((await unknownSourceIds(tx, project, "risk", [...new Set(data.riskIds)])).length) errors.push({ field: "riskIds", messageKey: "measures.risk_unknown" });
  const sourceId = data.source.id;
  if (!sourceVouchedFor && sourceId && (data.source.type === "manual" || (await unknownSourceIds(tx, project, data.source.type, [sourceId])).length)) {
    errors.push({ field: "source.id", messageKey: "measures.source_unknown" });
  }
  if (errors.length) throw invalid(errors);
}
