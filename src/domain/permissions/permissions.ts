import { ROLE_GROUPS, type OrganisationRole, type ProjectRole } from "./roles.ts";

/** Who is acting: their organisation, their organisation roles and their roles per project. */
export interface Actor {
  userId: string;
  organisationId: string;
  name: string;
  organisationRoles: ReadonlySet<OrganisationRole>;
  projectRoles: ReadonlyMap<string, ReadonlySet<ProjectRole>>;
}

const THIRD_LINE: readonly OrganisationRole[] = ROLE_GROUPS.third_line;

/** Organisation-wide permissions and the roles that grant them. */
const GRANTS = {
  "users.manage": ["admin"],
  "organisation.manage": ["admin"],
  "audit_log.read": THIRD_LINE,
} as const satisfies Record<string, readonly OrganisationRole[]>;

export type Permission = keyof typeof GRANTS;

export function can(actor: Actor, permission: Permission): boolean {
  return (GRANTS[permission] as readonly OrganisationRole[]).some((r) => actor.organisationRoles.has(r));
}

export function hasProjectRole(actor: Actor, projectId: string, roles: readonly ProjectRole[]): boolean {
  const held = actor.projectRoles.get(projectId);
  return held !== undefined && roles.some((r) => held.has(r));
}

/** Segregation of duties: anyone holding a role in a project may not review, audit or advise on it. */
export function isInvolvedIn(actor: Actor, projectId: string): boolean {
  return (actor.projectRoles.get(projectId)?.size ?? 0) > 0;
}

export function permissionsOf(actor: Actor): Permission[] {
  return (Object.keys(GRANTS) as Permission[]).filter((p) => can(actor, p));
}
