import type { z } from "zod";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { ChangeMeasureInput, MEASURE_FIELDS, UpdateMeasureInput } from "./inputs.ts";
import type { Measure } from "./measure-rows.ts";
import { lockEditableMeasure } from "./measure-rows.ts";
import { requireStatusRight, writeMeasureStatus } from "./set-measure-status.ts";
import { writeMeasureFields } from "./update-measure.ts";

type Change = z.infer<typeof ChangeMeasureInput>;

function mentions(input: unknown, keys: readonly string[]): boolean {
  return typeof input === "object" && input !== null && keys.some((k) => (input as Record<string, unknown>)[k] !== undefined);
}

/** The measure's fields after the change: what was sent, the rest as it is. */
function mergedFields(measure: Measure, data: Change): unknown {
  return {
    title: data.title ?? measure.title,
    description: data.description ?? measure.description,
    ownerUserId: data.ownerUserId === undefined ? (measure.ownerUserId ?? undefined) : data.ownerUserId || undefined,
    dueDate: data.dueDate === undefined ? (measure.dueDate ?? undefined) : data.dueDate || undefined,
    reviewCadence: data.reviewCadence ?? measure.reviewCadence,
  };
}

/**
 * One change of a measure, as the API's PATCH sends it: fields (the team),
 * the status (the team or the owner), or both. Checked together and stored
 * together in one transaction: when any part is refused, nothing changes.
 * Returns the measure's status afterwards.
 */
export async function changeMeasure(deps: Deps, actor: Actor, measureId: string, input: unknown): Promise<Measure["status"]> {
  return inTransaction(deps, actor, async (tx) => {
    const { measure, project } = await lockEditableMeasure(tx, actor, measureId);
    const changesFields = mentions(input, MEASURE_FIELDS);
    const changesStatus = mentions(input, ["status"]);
    if (changesFields && !canWorkOnProject(actor, project.id)) throw forbidden();
    if (changesStatus) requireStatusRight(actor, measure, project);
    const data = parseInput(ChangeMeasureInput, input);
    if (changesFields) await writeMeasureFields(tx, actor, measure, parseInput(UpdateMeasureInput, mergedFields(measure, data)));
    if (data.status === undefined) return measure.status;
    return writeMeasureStatus(tx, actor, measure, { status: data.status, explanation: data.explanation, evidence: data.evidence });
  });
}
