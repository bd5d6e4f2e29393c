import { describe, expect, it } from "vitest";
import type { Framework, Requirement } from "../../law/algoritmekader/types.ts";
import { diffForProject, diffFrameworks } from "./diff.ts";
import { framework, highRiskDeployer, minimalDeployer, urn } from "./test-profiles.ts";

/** A next version: one new requirement, one reworded, one with new labels, one withdrawn, one measure more. */
function nextVersion(): Framework {
  const copy = structuredClone(framework) as Framework;
  copy.version = "2.6.0";
  const find = (c: string) => copy.requirements.find((r) => r.id === urn(c))!;
  find("avg-13").title = { nl: "Een DPIA uitvoeren bij een waarschijnlijk hoog risico", en: "Carry out a DPIA when a high risk is likely" };
  // aia-24 now for providers too
  find("aia-24").applies.ai_act!["rol-ai-act"] = ["aanbieder", "gebruiksverantwoordelijke"];
  // aia-36 (reporting infringements) withdrawn
  copy.requirements = copy.requirements.filter((r) => r.id !== urn("aia-36"));
  const added: Requirement = {
    id: urn("aia-40"),
    title: { nl: "Nieuwe eis", en: "New requirement" },
    sources: [{ law: "aia", articles: ["4"] }],
    phases: ["organisatieverantwoordelijkheden"],
    applies: { ai_act: { "soort-toepassing": ["ai-systeem"], risicogroep: ["hoog-risico-ai-systeem"], "rol-ai-act": ["gebruiksverantwoordelijke"] } },
  };
  copy.requirements.push(added);
  copy.measures.push({ id: "urn:nl:ak:mtr:org-20", title: { nl: "Nieuw", en: "New" }, phases: ["organisatieverantwoordelijkheden"], serves: [urn("aia-40")] });
  copy.counts = { requirements: copy.requirements.length, measures: 108 };
  return copy;
}

describe("diffFrameworks", () => {
  it("lists new, changed (with the fields) and withdrawn requirements and measures", () => {
    const d = diffFrameworks(framework, nextVersion());
    expect(d).toMatchObject({ fromVersion: "2.5.1", toVersion: "2.6.0" });
    expect(d.requirements).toEqual({
      added: [urn("aia-40")],
      changed: [
        { id: urn("aia-24"), fields: ["applies"] },
        { id: urn("avg-13"), fields: ["title"] },
      ],
      withdrawn: [urn("aia-36")],
    });
    expect(d.measures).toEqual({ added: ["urn:nl:ak:mtr:org-20"], changed: [], withdrawn: [] });
  });

  it("the same version: nothing", () => {
    expect(diffFrameworks(framework, framework).requirements).toEqual({ added: [], changed: [], withdrawn: [] });
  });
});

describe("diffForProject", () => {
  it("a high-risk deployer sees the new requirement, the reworded one it has, and the withdrawn one", () => {
    expect(diffForProject(framework, nextVersion(), highRiskDeployer())).toEqual({
      fromVersion: "2.5.1",
      toVersion: "2.6.0",
      added: [{ id: urn("aia-40"), kind: "new_in_framework" }],
      changed: [
        { id: urn("aia-24"), fields: ["applies"] },
        { id: urn("avg-13"), fields: ["title"] },
      ],
      withdrawn: [{ id: urn("aia-36"), kind: "withdrawn_from_framework" }],
    });
  });

  it("a minimal-risk deployer sees only what concerns it", () => {
    expect(diffForProject(framework, nextVersion(), minimalDeployer())).toMatchObject({
      added: [],
      changed: [{ id: urn("avg-13"), fields: ["title"] }],
      withdrawn: [{ id: urn("aia-36"), kind: "withdrawn_from_framework" }],
    });
  });

  it("relabelling that makes a requirement apply, or stop applying, is named as such", () => {
    const next = structuredClone(framework) as Framework;
    next.version = "2.6.0";
    next.requirements.find((r) => r.id === urn("aia-20"))!.applies.ai_act!.risicogroep = ["hoog-risico-ai-systeem", "geen-hoog-risico-ai-systeem"];
    next.requirements.find((r) => r.id === urn("aia-33"))!.applies.ai_act!["rol-ai-act"] = ["aanbieder"];
    const d = diffForProject(framework, next, minimalDeployer());
    expect(d.added).toEqual([{ id: urn("aia-20"), kind: "now_applies" }]);
    expect(d.withdrawn).toEqual([{ id: urn("aia-33"), kind: "no_longer_applies" }]);
    expect(d.changed).toEqual([]);
  });
});
