import { describe, expect, it } from "vitest";
import { coverage } from "./coverage.ts";
import { measuresFor, servedRequirements } from "./measures.ts";
import { NO_EVIDENCE, requirementStatus } from "./status.ts";
import { code, framework, urn } from "./test-profiles.ts";

const measure = (c: string) => framework.measures.find((m) => m.id === `urn:nl:ak:mtr:${c}`)!;

describe("measures", () => {
  it("'all but' resolves against the framework's requirements", () => {
    const served = servedRequirements(measure("owp-16"), framework);
    expect(served).toHaveLength(59);
    expect(served).not.toContain(urn("aia-00"));
    expect(served).not.toContain(urn("woo-01"));
    expect(served).toContain(urn("aia-27"));
  });

  it("the measures serving the FRIA requirement, each with what it serves of the asked set", () => {
    const found = measuresFor([urn("aia-27")], framework).map((m) => code(m.measure.id));
    expect(found).toEqual(["org-12", "owp-07", "owp-15", "owp-16", "owk-02", "ver-03", "imp-02"]);
    expect(measuresFor([urn("aia-27"), urn("grw-02")], framework).find((m) => code(m.measure.id) === "ver-03")?.serves).toEqual([urn("grw-02"), urn("aia-27")]);
  });

  it("measures that serve no requirement are never suggested", () => {
    const all = framework.requirements.map((r) => r.id);
    expect(measuresFor(all, framework).map((m) => code(m.measure.id))).not.toContain("org-04");
  });
});

describe("coverage across projects", () => {
  it("counts per requirement and names the projects with a gap", () => {
    const req = framework.requirements.find((r) => r.id === urn("avg-13"))!;
    const bzk = framework.requirements.find((r) => r.id === urn("bzk-01"))!;
    const rows = coverage([
      { projectId: "p1", statuses: [requirementStatus(req, framework, { ...NO_EVIDENCE, depia: "accepted" }), requirementStatus(bzk, framework, NO_EVIDENCE)] },
      { projectId: "p2", statuses: [requirementStatus(req, framework, { ...NO_EVIDENCE, depia: "reviews_reopened" })] },
      { projectId: "p3", statuses: [requirementStatus(req, framework, NO_EVIDENCE, { status: "not_applicable", reason: "Geen persoonsgegevens." })] },
    ]);
    expect(rows).toEqual([
      { requirementId: urn("avg-13"), counts: { met: 1, not_yet: 1, not_applicable: 1 }, gaps: ["p2"] },
      { requirementId: urn("bzk-01"), counts: { met: 0, not_yet: 1, not_applicable: 0 }, gaps: ["p1"] },
    ]);
  });
});
