import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { inTransaction, lockForUpdate } from "../../platform/transaction.ts";
import { createMeasure } from "../measures/service.ts";
import { lockRow } from "./access.ts";

/**
 * An action of a deliberation linked to a project becomes a measure of that
 * project (source: deliberation), in one transaction with the measures
 * feature's own use case.
 */
export async function actionToMeasure(deps: Deps, actor: Actor, id: string, actionId: string): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const d = await lockRow(tx, actor, id);
    if (!d.project_id) throw new AppError("rule_refused", "deliberation.no_project_for_measure");
    const action = await lockForUpdate(tx, tx.db.selectFrom("deliberation_actions").selectAll().where("id", "=", actionId).where("deliberation_id", "=", d.id)).executeTakeFirst();
    if (!action) throw notFound();
    if (action.measure_id) throw new AppError("conflict", "deliberation.measure_exists");
    const measureId = await createMeasure(tx, actor, {
      projectId: d.project_id,
      title: action.title,
      description: action.description ?? undefined,
      ownerUserId: action.owner_user_id ?? undefined,
      dueDate: action.due_date ?? undefined,
      source: { type: "deliberation", id: d.id },
    });
    await tx.db.updateTable("deliberation_actions").set({ measure_id: measureId }).where("id", "=", action.id).execute();
    await tx.audit({ action: "deliberation.action_to_measure", entityType: "deliberation", entityId: d.id, after: { actionId: action.id, measureId } });
    return measureId;
  });
}
