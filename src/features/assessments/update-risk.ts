import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { riskColumns } from "./add-risk.ts";
import { lockRisk, parseRisk, requireTeam, type Risk } from "./risk-register.ts";

function riskAudit(r: Risk) {
  return { category: r.category, values: r.values, description: r.description, inherent: r.inherent, residual: r.residual, residualAboveInherentReason: r.residualAboveInherentReason };
}

/** Changes a risk. An earlier acceptance no longer covers it. */
export async function updateRisk(deps: Deps, actor: Actor, riskId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { risk: before, project } = await lockRisk(tx, actor, riskId);
    requireTeam(actor, project);
    const data = await parseRisk(tx, actor.organisationId, input);
    await tx.db
      .updateTable("risks")
      .set({ ...riskColumns(data), accepted_by: null, accepted_by_name: null, accepted_at: null, updated_at: tx.now().toISOString() })
      .where("id", "=", riskId)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({ action: "risk.updated", entityType: "risk", entityId: riskId, before: riskAudit(before), after: data });
  });
}

/** Removes a risk that has no measures linked (those would lose their reason). */
export async function removeRisk(deps: Deps, actor: Actor, riskId: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { risk: before, project } = await lockRisk(tx, actor, riskId);
    requireTeam(actor, project);
    if (before.measureIds.length) throw new AppError("rule_refused", "assessments.risk.has_measures");
    await tx.db.deleteFrom("risks").where("id", "=", riskId).where("organisation_id", "=", actor.organisationId).execute();
    await tx.audit({ action: "risk.removed", entityType: "risk", entityId: riskId, before: riskAudit(before) });
  });
}
