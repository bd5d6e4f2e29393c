import { canAudit } from "../../domain/permissions/audit-independence.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid } from "../../platform/errors.ts";
import { inTransaction, lockForUpdate } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { userName } from "./access.ts";
import { SavePlanInput, YearParam } from "./types.ts";

/** The IT-auditor, the VIC or the expert table writes the organisation's audit plan for a year; a second save updates it. Returns the plan's id. */
export async function saveAuditPlan(deps: Deps, actor: Actor, yearInput: unknown, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    if (!canAudit(actor, "plan")) throw forbidden();
    const year = YearParam.safeParse(yearInput);
    if (!year.success) throw invalid([{ field: "year", messageKey: "audits.year_invalid" }]);
    const data = parseInput(SavePlanInput, input);
    // One plan per year: the organisation row is the lock, so two first saves line up.
    await lockForUpdate(tx, tx.db.selectFrom("organisations").select("id").where("id", "=", actor.organisationId)).executeTakeFirst();
    const existing = await tx.db.selectFrom("audit_plans").selectAll().where("organisation_id", "=", actor.organisationId).where("year", "=", year.data).executeTakeFirst();
    const now = tx.now().toISOString();
    const name = await userName(tx, actor);
    if (existing) {
      await tx.db.updateTable("audit_plans").set({ description: data.description, updated_by: actor.userId, updated_by_name: name, updated_at: now }).where("id", "=", existing.id).execute();
      await tx.audit({ action: "audit_plan.saved", entityType: "audit_plan", entityId: existing.id, before: { year: existing.year, description: existing.description }, after: { year: year.data, description: data.description } });
      return existing.id;
    }
    const id = tx.newId();
    await tx.db
      .insertInto("audit_plans")
      .values({ id, organisation_id: actor.organisationId, year: year.data, description: data.description, created_by: actor.userId, created_at: now, updated_by: actor.userId, updated_by_name: name, updated_at: now })
      .execute();
    await tx.audit({ action: "audit_plan.saved", entityType: "audit_plan", entityId: id, after: { year: year.data, description: data.description } });
    return id;
  });
}
