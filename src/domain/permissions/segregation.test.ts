import { describe, expect, it } from "vitest";
import { ORGANISATION_ROLES, type OrganisationRole } from "./roles.ts";
import { mappingConflicts, OVERSIGHT_ROLES, segregationConflict } from "./segregation.ts";

describe("segregation of duties between organisation roles", () => {
  it("refuses admin together with each 3rd-line and committee role", () => {
    for (const role of ["cio", "ciso", "fg", "vic", "it_auditor", "committee_member", "committee_chair", "committee_secretary"] as const) {
      expect(segregationConflict(["admin", role]), role).toEqual({ code: "admin_with_oversight", role: "admin", conflicting: [role] });
    }
  });

  it("names every conflicting role, in catalogue order", () => {
    expect(segregationConflict(["committee_chair", "admin", "fg", "jurist"])?.conflicting).toEqual(["fg", "committee_chair"]);
  });

  it("allows admin with 2nd-line roles and the board, and oversight roles without admin", () => {
    expect(segregationConflict(["admin", "privacy_officer", "iso", "jurist", "ethics_advisor", "expert_table_member", "board_member"])).toBeNull();
    expect(segregationConflict(OVERSIGHT_ROLES)).toBeNull();
    expect(segregationConflict([])).toBeNull();
    expect(segregationConflict(["admin"])).toBeNull();
  });

  it("holds for every pair of organisation roles exactly when admin meets an oversight role", () => {
    for (const a of ORGANISATION_ROLES) {
      for (const b of ORGANISATION_ROLES) {
        const expected = (a === "admin" && OVERSIGHT_ROLES.includes(b)) || (b === "admin" && OVERSIGHT_ROLES.includes(a));
        expect(segregationConflict([a, b]) !== null, `${a} + ${b}`).toBe(expected);
      }
    }
  });

  it("finds a group that alone gives admin and an oversight role, not two separate groups", () => {
    const mappings: { group: string; role: OrganisationRole }[] = [
      { group: "beheer", role: "admin" },
      { group: "toezicht", role: "fg" },
      { group: "alles", role: "admin" },
      { group: "alles", role: "vic" },
    ];
    expect(mappingConflicts(mappings)).toEqual([{ group: "alles", conflict: { code: "admin_with_oversight", role: "admin", conflicting: ["vic"] } }]);
    expect(mappingConflicts(mappings.slice(0, 2))).toEqual([]);
  });
});
