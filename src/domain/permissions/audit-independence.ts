// Segregation of duties for audits (plan step 6): nobody audits a project in
// which they hold a project role. Pure: the use cases hand in the project roles
// they read; the answer names who conflicts with which project.
import { isInvolvedIn, type Actor } from "./permissions.ts";
import { ROLE_GROUPS, type OrganisationRole, type ProjectRole } from "./roles.ts";

/**
 * The audit roles of plan step 6. (Kept beside the organisation-wide grants
 * of permissions.ts, so the account's list of permissions stays as it is.)
 */
export const AUDIT_ROLES = {
  /** Keep the yearly audit plan and plan audits: IT-auditor, VIC, expert table. */
  plan: ["it_auditor", "vic", "expert_table_member"],
  /** Be named as an auditor: the 3rd line and the expert table. */
  perform: [...ROLE_GROUPS.third_line, "expert_table_member"],
  /** Read every audit of the organisation and its findings: the same. */
  read: [...ROLE_GROUPS.third_line, "expert_table_member"],
} as const satisfies Record<string, readonly OrganisationRole[]>;

export type AuditPermission = keyof typeof AUDIT_ROLES;

export function canAudit(actor: Actor, permission: AuditPermission): boolean {
  return (AUDIT_ROLES[permission] as readonly OrganisationRole[]).some((r) => actor.organisationRoles.has(r));
}

/** A project role someone holds, as read from the role assignments. */
export interface HeldProjectRole {
  userId: string;
  projectId: string;
  role: ProjectRole;
}

/** An auditor who holds a role in a project in the audit's scope. */
export interface AuditorConflict {
  userId: string;
  projectId: string;
  role: ProjectRole;
}

/**
 * The proposed auditors who hold a role in one of the audited projects, in the
 * order the auditors were given (one entry per auditor and project).
 */
export function auditorConflicts(auditorIds: readonly string[], scopeProjectIds: readonly string[], held: readonly HeldProjectRole[]): AuditorConflict[] {
  const scope = new Set(scopeProjectIds);
  const out: AuditorConflict[] = [];
  for (const userId of auditorIds) {
    const seen = new Set<string>();
    for (const h of held) {
      if (h.userId !== userId || !scope.has(h.projectId) || seen.has(h.projectId)) continue;
      seen.add(h.projectId);
      out.push({ userId, projectId: h.projectId, role: h.role });
    }
  }
  return out;
}

/** The first project of the scope the acting person holds a role in, or null: they may not plan, audit or report on it. */
export function involvedScopeProject(actor: Actor, scopeProjectIds: readonly string[]): string | null {
  return scopeProjectIds.find((id) => isInvolvedIn(actor, id)) ?? null;
}
