// What the audit forms offer: projects for the scope, eligible auditors,
// earlier audits to follow up, people to own a measure, bias-audit runs.
import { AUDIT_ROLES } from "../../domain/permissions/audit-independence.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";

const AUDITOR_ROLES: readonly string[] = AUDIT_ROLES.perform;

export interface Choice {
  value: string;
  label: string;
}

export async function planChoices(deps: Deps, actor: Actor): Promise<{ projects: Choice[]; auditors: Choice[]; earlier: Choice[] }> {
  const org = actor.organisationId;
  const projects = await deps.db.selectFrom("projects").select(["id", "title"]).where("organisation_id", "=", org).orderBy("title").execute();
  const auditors = await deps.db
    .selectFrom("users")
    .innerJoin("role_assignments", "role_assignments.user_id", "users.id")
    .select(["users.id", "users.name"])
    .distinct()
    .where("users.organisation_id", "=", org)
    .where("users.active", "=", 1)
    .where("role_assignments.project_id", "=", "")
    .where("role_assignments.role", "in", AUDITOR_ROLES)
    .orderBy("users.name")
    .execute();
  const earlier = await deps.db.selectFrom("audits").select(["id", "title", "period_from"]).where("organisation_id", "=", org).orderBy("period_from", "desc").limit(200).execute();
  return {
    projects: projects.map((p) => ({ value: p.id, label: p.title })),
    auditors: auditors.map((u) => ({ value: u.id, label: u.name })),
    earlier: earlier.map((a) => ({ value: a.id, label: `${a.title} (${a.period_from.slice(0, 4)})` })),
  };
}

/** Active people of the organisation, who may own a measure. */
export async function ownerChoices(deps: Deps, actor: Actor): Promise<Choice[]> {
  const users = await deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", actor.organisationId).where("active", "=", 1).orderBy("name").execute();
  return users.map((u) => ({ value: u.id, label: u.name }));
}

/** Finished bias-audit runs of the audited projects, not yet attached. */
export async function biasAuditChoices(deps: Deps, actor: Actor, auditId: string, scope: readonly string[]): Promise<Choice[]> {
  if (!scope.length) return [];
  const attached = (await deps.db.selectFrom("audit_bias_audits").select("bias_audit_id").where("audit_id", "=", auditId).execute()).map((r) => r.bias_audit_id);
  const runs = await deps.db
    .selectFrom("bias_audits")
    .innerJoin("projects", "projects.id", "bias_audits.project_id")
    .select(["bias_audits.id", "bias_audits.name", "projects.title"])
    .where("bias_audits.organisation_id", "=", actor.organisationId)
    .where("bias_audits.project_id", "in", [...scope])
    .where("bias_audits.status", "=", "done")
    .orderBy("bias_audits.created_at", "desc")
    .execute();
  return runs.filter((r) => !attached.includes(r.id)).map((r) => ({ value: r.id, label: `${r.name} (${r.title})` }));
}
