import { AUDIT_ROLES, auditorConflicts, canAudit, involvedScopeProject, type HeldProjectRole } from "../../domain/permissions/audit-independence.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { isProjectRole } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { loadProjectForActor } from "../projects/access.ts";
import { valueKeys } from "../values/service.ts";
import { PlanAuditInput } from "./types.ts";
import type {} from "./schema.ts";

const AUDITOR_ROLES: readonly string[] = AUDIT_ROLES.perform;

/** The projects of the scope, each in the organisation and visible to the planner. */
async function scopeTitles(tx: Tx, actor: Actor, projectIds: string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const id of new Set(projectIds)) {
    try {
      titles.set(id, (await loadProjectForActor(tx.db, actor, id)).title);
    } catch {
      throw invalid([{ field: "projectIds", messageKey: "audits.project_unknown" }]);
    }
  }
  return titles;
}

/** Every proposed auditor is an active person of the organisation with an auditing role, and holds no role in an audited project. */
async function checkAuditors(tx: Tx, actor: Actor, auditorIds: string[], scope: Map<string, string>): Promise<void> {
  const ids = [...new Set(auditorIds)];
  const users = await tx.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", actor.organisationId).where("active", "=", 1).where("id", "in", ids).execute();
  const names = new Map(users.map((u) => [u.id, u.name]));
  if (names.size !== ids.length) throw invalid([{ field: "auditorIds", messageKey: "audits.auditor_unknown" }]);
  const roles = await tx.db.selectFrom("role_assignments").select(["user_id", "role", "project_id"]).where("organisation_id", "=", actor.organisationId).where("user_id", "in", ids).execute();
  for (const id of ids) {
    if (!roles.some((r) => r.user_id === id && r.project_id === "" && AUDITOR_ROLES.includes(r.role))) {
      throw invalid([{ field: "auditorIds", messageKey: "audits.auditor_not_allowed", params: { name: names.get(id)! } }]);
    }
  }
  const held: HeldProjectRole[] = roles.flatMap((r) => (r.project_id && isProjectRole(r.role) ? [{ userId: r.user_id, projectId: r.project_id, role: r.role }] : []));
  const conflict = auditorConflicts(ids, [...scope.keys()], held)[0];
  if (conflict) {
    throw invalid([{ field: "auditorIds", messageKey: "audits.auditor_involved", params: { name: names.get(conflict.userId)!, project: scope.get(conflict.projectId)! } }]);
  }
}

/**
 * Plans an audit in the year's plan: type, scope, criteria, period and
 * auditors. Refused, with nothing stored, when an auditor (or the planner)
 * holds a role in an audited project. Returns the audit's id.
 */
export async function planAudit(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    if (!canAudit(actor, "plan")) throw forbidden();
    const data = parseInput(PlanAuditInput, input);
    const plan = await tx.db.selectFrom("audit_plans").select("id").where("organisation_id", "=", actor.organisationId).where("year", "=", data.year).executeTakeFirst();
    if (!plan) throw new AppError("rule_refused", "audits.no_plan_for_year", { params: { year: data.year } });
    const scope = await scopeTitles(tx, actor, data.projectIds);
    const involved = involvedScopeProject(actor, [...scope.keys()]);
    if (involved) throw invalid([{ field: "projectIds", messageKey: "audits.planner_involved", params: { project: scope.get(involved)! } }]);
    const known = new Set(await valueKeys(tx, actor.organisationId));
    if (data.criteriaValues.some((k) => !known.has(k))) throw invalid([{ field: "criteriaValues", messageKey: "field.invalid_choice" }]);
    await checkAuditors(tx, actor, data.auditorIds, scope);
    if (data.followsAuditId) {
      const earlier = await tx.db.selectFrom("audits").select("id").where("id", "=", data.followsAuditId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
      if (!earlier) throw invalid([{ field: "followsAuditId", messageKey: "audits.follows_unknown" }]);
    }
    const id = tx.newId();
    const now = tx.now().toISOString();
    await tx.db
      .insertInto("audits")
      .values({
        id,
        organisation_id: actor.organisationId,
        plan_id: plan.id,
        title: data.title,
        type: data.type,
        criteria_values_json: JSON.stringify(data.criteriaValues),
        requirements: data.requirements,
        period_from: data.periodFrom,
        period_to: data.periodTo,
        status: "planned",
        follows_audit_id: data.followsAuditId ?? null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const projectId of scope.keys()) await tx.db.insertInto("audit_projects").values({ audit_id: id, project_id: projectId, organisation_id: actor.organisationId }).execute();
    for (const userId of new Set(data.auditorIds)) await tx.db.insertInto("audit_auditors").values({ audit_id: id, user_id: userId, organisation_id: actor.organisationId }).execute();
    const byName = (await tx.db.selectFrom("users").select("name").where("id", "=", actor.userId).executeTakeFirst())?.name ?? actor.name;
    await tx.db.insertInto("audit_status_changes").values({ id: tx.newId(), organisation_id: actor.organisationId, audit_id: id, from_status: null, to_status: "planned", by_user_id: actor.userId, by_name: byName, at: now }).execute();
    await tx.audit({ action: "audit.planned", entityType: "audit", entityId: id, after: { ...data, projectIds: [...scope.keys()], auditorIds: [...new Set(data.auditorIds)] } });
    return id;
  });
}
