import { describe, expect, it } from "vitest";
import { RISK_LEVELS, validateRiskScores } from "../../domain/risk/index.ts";
import { installCatalogues, translator } from "../../platform/i18n/index.ts";
import { assessmentsFeature } from "./index.ts";

describe("the risk scale and its refusals, worded by the assessments catalogue", () => {
  installCatalogues([assessmentsFeature.messages!]);
  const nl = translator("nl");
  const en = translator("en");

  it("defines every level in words, in Dutch and English, for likelihood and impact", () => {
    for (const level of RISK_LEVELS) {
      for (const key of [`assessments.scale.likelihood.${level}`, `assessments.scale.impact.${level}`] as const) {
        expect(nl(key).length).toBeGreaterThan(20);
        expect(en(key).length).toBeGreaterThan(20);
      }
    }
    expect(RISK_LEVELS.map((l) => nl(`assessments.level.${l}`))).toEqual(["laag", "midden", "hoog"]);
  });

  it("has Dutch and English messages for each code of the domain", () => {
    const [error] = validateRiskScores({ inherent: { likelihood: "low", impact: "low", justification: "" } });
    expect(nl(`assessments.risk.${error!.code}`)).toContain("Onderbouw");
    for (const code of ["invalid_level", "justification_required", "residual_above_inherent_requires_reason"] as const) {
      expect(en(`assessments.risk.${code}`)).not.toBe(`assessments.risk.${code}`);
    }
  });
});
