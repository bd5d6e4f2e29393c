// Segregation of duties between organisation roles: who manages the
// application may not also be the one who oversees it. Pure: the admin pages,
// the sign-in through an identity provider and the CLI ask the same question.
import { ROLE_GROUPS, type OrganisationRole } from "./roles.ts";

/** The roles that oversee or advise independently: the 3rd line and the ethics committee. */
export const OVERSIGHT_ROLES: readonly OrganisationRole[] = [
  ...ROLE_GROUPS.third_line,
  "committee_member",
  "committee_chair",
  "committee_secretary",
];

/** A combination one person may not hold, as a code the view words. */
export interface SegregationConflict {
  code: "admin_with_oversight";
  /** The managing role of the combination. */
  role: OrganisationRole;
  /** The roles that may not go with it, in catalogue order. */
  conflicting: OrganisationRole[];
}

/** The first combination of roles in the set that one person may not hold together, or null. */
export function segregationConflict(roles: Iterable<OrganisationRole>): SegregationConflict | null {
  const held = new Set(roles);
  if (!held.has("admin")) return null;
  const conflicting = OVERSIGHT_ROLES.filter((r) => held.has(r));
  return conflicting.length ? { code: "admin_with_oversight", role: "admin", conflicting } : null;
}

/**
 * For a mapping from groups to roles: the groups whose members would all get a
 * forbidden combination from that group alone. (A person in two groups is
 * checked when they sign in, with every role they would hold.)
 */
export function mappingConflicts(mappings: readonly { group: string; role: OrganisationRole }[]): { group: string; conflict: SegregationConflict }[] {
  const byGroup = new Map<string, OrganisationRole[]>();
  for (const m of mappings) byGroup.set(m.group, [...(byGroup.get(m.group) ?? []), m.role]);
  const out: { group: string; conflict: SegregationConflict }[] = [];
  for (const [group, roles] of byGroup) {
    const conflict = segregationConflict(roles);
    if (conflict) out.push({ group, conflict });
  }
  return out;
}
