import { describe, expect, it } from "vitest";
import type { Actor } from "./permissions.ts";
import { canEditProject, canViewProject, canWorkOnProject } from "./project-access.ts";
import { ORGANISATION_ROLES, ROLE_GROUPS, type OrganisationRole, type ProjectRole } from "./roles.ts";

const actor = (roles: OrganisationRole[], projects: Record<string, ProjectRole[]> = {}): Actor => ({
  userId: "u",
  organisationId: "o",
  name: "n",
  organisationRoles: new Set(roles),
  projectRoles: new Map(Object.entries(projects).map(([k, v]) => [k, new Set(v)])),
});

describe("project access", () => {
  it("the team and the 2nd and 3rd line see a project; others do not", () => {
    for (const role of ORGANISATION_ROLES) {
      const expected = ([...ROLE_GROUPS.second_line, ...ROLE_GROUPS.third_line] as string[]).includes(role);
      expect(canViewProject(actor([role]), "p1"), role).toBe(expected);
    }
    expect(canViewProject(actor([], { p1: ["member"] }), "p1")).toBe(true);
    expect(canViewProject(actor([], { p2: ["owner"] }), "p1")).toBe(false);
  });

  it("owner and lead edit; members work on instruments; viewers only view", () => {
    expect(canEditProject(actor([], { p1: ["owner"] }), "p1")).toBe(true);
    expect(canEditProject(actor([], { p1: ["lead"] }), "p1")).toBe(true);
    expect(canEditProject(actor([], { p1: ["member"] }), "p1")).toBe(false);
    expect(canWorkOnProject(actor([], { p1: ["member"] }), "p1")).toBe(true);
    expect(canWorkOnProject(actor(["fg"]), "p1")).toBe(false);
    expect(canEditProject(actor(["admin", "cio"]), "p1")).toBe(false);
  });
});
