import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { SignOffInput } from "./inputs.ts";
import { lockEditableMeasure, type Measure } from "./measure-rows.ts";
import { canSignOff } from "./rules.ts";

/** The measure is not as the signer saw it: confirmed meanwhile (a second click, a second person) or changed. */
function changedMeanwhile(measure: Measure): AppError {
  return measure.status === "done" && measure.signedOffByName
    ? new AppError("conflict", "measures.signed_off_meanwhile", { params: { name: measure.signedOffByName } })
    : new AppError("conflict", "measures.changed_meanwhile");
}

/**
 * Confirms a measure is done. Not by its owner, nor by whoever asked for the
 * sign-off. The measure stays locked from the check to the write, so of two
 * sign-offs at once one is stored; with expectedStatus the other is a conflict.
 */
export async function signOffMeasure(deps: Deps, actor: Actor, measureId: string, input: unknown = {}): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { measure, project } = await lockEditableMeasure(tx, actor, measureId);
    if (!canSignOff(actor, project.id)) throw forbidden();
    const { expectedStatus } = parseInput(SignOffInput, input);
    if (expectedStatus !== undefined && expectedStatus !== measure.status) throw changedMeanwhile(measure);
    if (measure.status !== "awaiting_signoff") throw new AppError("rule_refused", "measures.signoff_not_awaiting");
    if (measure.ownerUserId === actor.userId || measure.doneRequestedBy === actor.userId) throw new AppError("forbidden", "measures.signoff_not_self");
    const name = await tx.db.selectFrom("users").select("name").where("id", "=", actor.userId).executeTakeFirst();
    const now = tx.now().toISOString();
    const res = await tx.db
      .updateTable("measures")
      .set({ status: "done", signed_off_by: actor.userId, signed_off_by_name: name?.name ?? actor.name, signed_off_at: now, updated_at: now })
      .where("id", "=", measure.id)
      .where("organisation_id", "=", actor.organisationId)
      .where("status", "=", "awaiting_signoff")
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError("conflict", "measures.changed_meanwhile");
    await tx.audit({ action: "measure.signed_off", entityType: "measure", entityId: measure.id, before: { status: measure.status }, after: { status: "done", signedOffBy: actor.userId } });
  });
}
