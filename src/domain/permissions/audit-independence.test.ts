import { describe, expect, it } from "vitest";
import { auditorConflicts, canAudit, involvedScopeProject } from "./audit-independence.ts";
import { permissionsOf, type Actor } from "./permissions.ts";
import { ORGANISATION_ROLES, ROLE_GROUPS, type OrganisationRole, type ProjectRole } from "./roles.ts";

function actorWith(roles: OrganisationRole[], projects: Record<string, ProjectRole[]> = {}): Actor {
  return { userId: "u1", organisationId: "o1", name: "Test", organisationRoles: new Set(roles), projectRoles: new Map(Object.entries(projects).map(([k, v]) => [k, new Set(v)])) };
}

describe("audits: who plans, who audits, who is independent", () => {
  it("the IT-auditor, the VIC and the expert table keep the audit plan, and nobody else", () => {
    for (const role of ORGANISATION_ROLES) {
      expect(canAudit(actorWith([role]), "plan"), role).toBe(role === "it_auditor" || role === "vic" || role === "expert_table_member");
    }
  });

  it("the 3rd line and the expert table may be auditors and read every audit", () => {
    for (const role of ORGANISATION_ROLES) {
      const expected = (ROLE_GROUPS.third_line as readonly string[]).includes(role) || role === "expert_table_member";
      expect(canAudit(actorWith([role]), "perform"), role).toBe(expected);
      expect(canAudit(actorWith([role]), "read"), role).toBe(expected);
    }
  });

  it("leave the organisation-wide permissions as they are", () => {
    expect(permissionsOf(actorWith(["it_auditor", "vic"]))).toEqual(["audit_log.read"]);
  });

  it("names each auditor holding a role in an audited project, once per project", () => {
    const held = [
      { userId: "a", projectId: "p1", role: "member" as const },
      { userId: "a", projectId: "p1", role: "lead" as const },
      { userId: "b", projectId: "p3", role: "owner" as const },
      { userId: "c", projectId: "p2", role: "owner" as const },
    ];
    expect(auditorConflicts(["a", "b", "c"], ["p1", "p2"], held)).toEqual([
      { userId: "a", projectId: "p1", role: "member" },
      { userId: "c", projectId: "p2", role: "owner" },
    ]);
    expect(auditorConflicts(["b"], ["p1", "p2"], held)).toEqual([]);
    expect(auditorConflicts([], ["p1"], held)).toEqual([]);
  });

  it("finds the first audited project the acting person is involved in", () => {
    const a = actorWith(["it_auditor"], { p2: ["member"] });
    expect(involvedScopeProject(a, ["p1", "p2"])).toBe("p2");
    expect(involvedScopeProject(a, ["p1"])).toBeNull();
  });
});
