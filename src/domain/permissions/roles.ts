/** Organisation roles, grouped by the three lines of defence of the plan (DESIGN §1–§2). */
export const ROLE_GROUPS = {
  management: ["admin"],
  second_line: ["privacy_officer", "iso", "jurist", "ethics_advisor", "expert_table_member"],
  third_line: ["cio", "ciso", "fg", "vic", "it_auditor"],
  beside_the_lines: ["committee_member", "committee_chair", "committee_secretary", "board_member"],
} as const;

export const ORGANISATION_ROLES = [
  ...ROLE_GROUPS.management,
  ...ROLE_GROUPS.second_line,
  ...ROLE_GROUPS.third_line,
  ...ROLE_GROUPS.beside_the_lines,
] as const;

/** Project roles are the 1st line: responsible for ethics in their own project. */
export const PROJECT_ROLES = ["owner", "lead", "member"] as const;

export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export type RoleGroup = keyof typeof ROLE_GROUPS;
export const ROLE_GROUP_NAMES = Object.keys(ROLE_GROUPS) as RoleGroup[];

export type Role = OrganisationRole | ProjectRole;

export function isRole(x: string): x is Role {
  return isOrganisationRole(x) || isProjectRole(x);
}

export function isOrganisationRole(x: string): x is OrganisationRole {
  return (ORGANISATION_ROLES as readonly string[]).includes(x);
}

export function isProjectRole(x: string): x is ProjectRole {
  return (PROJECT_ROLES as readonly string[]).includes(x);
}

export function groupOf(role: OrganisationRole): RoleGroup {
  for (const [group, roles] of Object.entries(ROLE_GROUPS)) {
    if ((roles as readonly string[]).includes(role)) return group as RoleGroup;
  }
  throw new Error(`unknown role ${role}`);
}
