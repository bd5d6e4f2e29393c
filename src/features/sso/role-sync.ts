// Roles follow the provider's groups at every sign-in. The roles a provider's
// mapping can give are managed by that provider: a user holds exactly those
// of them that their groups give. Other organisation roles, and every project
// role, stay managed in Afweging.
import { isOrganisationRole, type OrganisationRole } from "../../domain/permissions/roles.ts";
import { segregationConflict, type SegregationConflict } from "../../domain/permissions/segregation.ts";
import type { Tx } from "../../platform/transaction.ts";

export interface RolePlan {
  add: OrganisationRole[];
  remove: OrganisationRole[];
  /** Every organisation role the user holds after the sign-in. */
  final: OrganisationRole[];
  conflict: SegregationConflict | null;
}

/** Pure: what changes for someone holding `current` whose groups give `desired`, of the roles the mapping `manages`. */
export function planRoles(current: readonly OrganisationRole[], desired: readonly OrganisationRole[], managed: readonly OrganisationRole[]): RolePlan {
  const want = new Set(desired);
  const held = new Set(current);
  const add = [...want].filter((r) => !held.has(r));
  const remove = [...held].filter((r) => managed.includes(r) && !want.has(r));
  const final = [...held].filter((r) => !remove.includes(r)).concat(add);
  return { add: sortRoles(add), remove: sortRoles(remove), final: sortRoles(final), conflict: segregationConflict(final) };
}

/** The roles the groups give, by the provider's mapping. */
export function rolesForGroups(mappings: readonly { group: string; role: OrganisationRole }[], groups: readonly string[]): OrganisationRole[] {
  const member = new Set(groups);
  return sortRoles([...new Set(mappings.filter((m) => member.has(m.group)).map((m) => m.role))]);
}

function sortRoles(roles: OrganisationRole[]): OrganisationRole[] {
  return [...roles].sort();
}

export async function organisationRolesOf(tx: Tx, userId: string, organisationId: string): Promise<OrganisationRole[]> {
  const rows = await tx.db
    .selectFrom("role_assignments")
    .select("role")
    .where("user_id", "=", userId)
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", "")
    .execute();
  return rows.map((r) => r.role).filter(isOrganisationRole);
}

/** Applies a plan; each role given or taken is its own audit event, naming the provider as its source. */
export async function applyRolePlan(tx: Tx, plan: RolePlan, user: { id: string; organisationId: string }, source: { kind: "sso"; providerId: string; providerName: string }): Promise<void> {
  for (const role of plan.add) {
    await tx.db
      .insertInto("role_assignments")
      .values({ id: tx.newId(), organisation_id: user.organisationId, user_id: user.id, role, project_id: "", created_at: tx.now().toISOString(), created_by: null })
      .execute();
    await tx.audit({ action: "role.assigned", entityType: "user", entityId: user.id, after: { role, projectId: null, source } });
  }
  for (const role of plan.remove) {
    await tx.db.deleteFrom("role_assignments").where("user_id", "=", user.id).where("organisation_id", "=", user.organisationId).where("role", "=", role).where("project_id", "=", "").execute();
    await tx.audit({ action: "role.removed", entityType: "user", entityId: user.id, before: { role, projectId: null }, after: { source } });
  }
}
