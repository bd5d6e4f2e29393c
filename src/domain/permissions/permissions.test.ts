import { describe, expect, it } from "vitest";
import { can, hasProjectRole, isInvolvedIn, permissionsOf, type Actor } from "./permissions.ts";
import { ORGANISATION_ROLES, ROLE_GROUPS, groupOf, type OrganisationRole, type ProjectRole } from "./roles.ts";

function actorWith(roles: OrganisationRole[], projects: Record<string, ProjectRole[]> = {}): Actor {
  return {
    userId: "u1",
    organisationId: "o1",
    name: "Test",
    organisationRoles: new Set(roles),
    projectRoles: new Map(Object.entries(projects).map(([k, v]) => [k, new Set(v)])),
  };
}

describe("permissions", () => {
  it("only admins manage users", () => {
    for (const role of ORGANISATION_ROLES) {
      expect(can(actorWith([role]), "users.manage"), role).toBe(role === "admin");
    }
  });

  it("every 3rd-line role and no other reads the audit log", () => {
    for (const role of ORGANISATION_ROLES) {
      const thirdLine = (ROLE_GROUPS.third_line as readonly string[]).includes(role);
      expect(can(actorWith([role]), "audit_log.read"), role).toBe(thirdLine);
    }
  });

  it("a user without roles may do nothing organisation-wide", () => {
    expect(permissionsOf(actorWith([]))).toEqual([]);
  });

  it("project roles are scoped to their project", () => {
    const a = actorWith([], { p1: ["owner"] });
    expect(hasProjectRole(a, "p1", ["owner"])).toBe(true);
    expect(hasProjectRole(a, "p2", ["owner"])).toBe(false);
    expect(hasProjectRole(a, "p1", ["lead"])).toBe(false);
    expect(isInvolvedIn(a, "p1")).toBe(true);
    expect(isInvolvedIn(a, "p2")).toBe(false);
  });

  it("every role belongs to exactly one line", () => {
    for (const role of ORGANISATION_ROLES) expect(groupOf(role)).toBeTruthy();
    const all = Object.values(ROLE_GROUPS).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
