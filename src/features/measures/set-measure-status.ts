import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { MeasureStatusInput, type MeasureStatus, type SETTABLE_STATUSES } from "./inputs.ts";
import { lockEditableMeasure, type Measure } from "./measure-rows.ts";

export interface StatusChange {
  status: (typeof SETTABLE_STATUSES)[number];
  explanation: string | null;
  evidence: string | null;
}

/** The team or the measure's owner sets the status. */
export function requireStatusRight(actor: Actor, measure: Measure, project: ProjectRef): void {
  if (!canWorkOnProject(actor, project.id) && measure.ownerUserId !== actor.userId) throw forbidden();
}

/**
 * The team or the measure's owner sets the status. "done" becomes
 * "awaiting_signoff" until someone else confirms; "explained" needs the reason.
 * Returns the status stored.
 */
export async function setMeasureStatus(deps: Deps, actor: Actor, measureId: string, input: unknown): Promise<MeasureStatus> {
  return inTransaction(deps, actor, async (tx) => {
    const { measure, project } = await lockEditableMeasure(tx, actor, measureId);
    requireStatusRight(actor, measure, project);
    return writeMeasureStatus(tx, actor, measure, parseInput(MeasureStatusInput, input));
  });
}

/** Stores a locked measure's new status, with its audit event; asking for "done" needs evidence, given now or before. */
export async function writeMeasureStatus(tx: Tx, actor: Actor, measure: Measure, data: StatusChange): Promise<MeasureStatus> {
  const status: MeasureStatus = data.status === "done" ? "awaiting_signoff" : data.status;
  const evidence = data.evidence ?? measure.evidence;
  if (status === "awaiting_signoff" && !evidence) throw invalid([{ field: "evidence", messageKey: "measures.evidence_required" }]);
  const explanation = status === "explained" ? data.explanation : null;
  const now = tx.now().toISOString();
  await tx.db
    .updateTable("measures")
    .set({
      status,
      explanation,
      evidence,
      done_requested_by: status === "awaiting_signoff" ? actor.userId : null,
      done_requested_at: status === "awaiting_signoff" ? now : null,
      signed_off_by: null,
      signed_off_by_name: null,
      signed_off_at: null,
      updated_at: now,
    })
    .where("id", "=", measure.id)
    .where("organisation_id", "=", actor.organisationId)
    .execute();
  await tx.audit({
    action: "measure.status_changed",
    entityType: "measure",
    entityId: measure.id,
    before: { status: measure.status, explanation: measure.explanation, evidence: measure.evidence },
    after: { status, explanation, evidence },
  });
  return status;
}
