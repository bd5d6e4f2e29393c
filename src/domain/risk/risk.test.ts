import { describe, expect, it } from "vitest";
import {
  MATRIX,
  RISK_LEVELS,
  compareLevels,
  heatMapCells,
  highestLevel,
  requiresPriorConsultation,
  riskLevel,
  type RiskLevel,
} from "./scale.ts";
import { isAboveInherent, validateRiskScores } from "./validate.ts";

describe("the risk scale", () => {
  it.each([
    ["low", "low", "low"],
    ["low", "medium", "low"],
    ["low", "high", "medium"],
    ["medium", "low", "low"],
    ["medium", "medium", "medium"],
    ["medium", "high", "high"],
    ["high", "low", "medium"],
    ["high", "medium", "high"],
    ["high", "high", "high"],
  ] as const)("likelihood %s × impact %s = %s", (likelihood, impact, level) => {
    expect(riskLevel({ likelihood, impact })).toBe(level);
  });

  it("never lowers the level when likelihood or impact rises", () => {
    for (const l of RISK_LEVELS) {
      for (const i of RISK_LEVELS) {
        for (const l2 of RISK_LEVELS.filter((x) => compareLevels(x, l) >= 0)) {
          expect(compareLevels(MATRIX[l2][i], MATRIX[l][i])).toBeGreaterThanOrEqual(0);
        }
        for (const i2 of RISK_LEVELS.filter((x) => compareLevels(x, i) >= 0)) {
          expect(compareLevels(MATRIX[l][i2], MATRIX[l][i])).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it("finds the highest level, and asks for prior consultation only at high", () => {
    expect(highestLevel([])).toBeNull();
    expect(highestLevel(["low", "high", "medium"])).toBe("high");
    expect(RISK_LEVELS.filter(requiresPriorConsultation)).toEqual(["high"]);
  });

  it("lists the nine heat-map cells from high impact down", () => {
    const cells = heatMapCells();
    expect(cells).toHaveLength(9);
    expect(cells[0]).toEqual({ likelihood: "low", impact: "high", level: "medium" });
    expect(cells[8]).toEqual({ likelihood: "high", impact: "low", level: "medium" });
  });
});

describe("validateRiskScores", () => {
  const pos = (likelihood: RiskLevel, impact: RiskLevel, justification: string | null = "omdat") => ({ likelihood, impact, justification });
  const codes = (input: Parameters<typeof validateRiskScores>[0]) => validateRiskScores(input).map((e) => `${e.field}:${e.code}`);

  it("accepts a justified inherent position with or without a residual one", () => {
    expect(codes({ inherent: pos("high", "high") })).toEqual([]);
    expect(codes({ inherent: pos("high", "high"), residual: pos("low", "medium") })).toEqual([]);
    expect(codes({ inherent: pos("medium", "medium"), residual: pos("medium", "medium") })).toEqual([]);
  });

  it("requires a justification for each position", () => {
    expect(codes({ inherent: pos("low", "low", null), residual: pos("low", "low", "  ") })).toEqual([
      "inherent.justification:justification_required",
      "residual.justification:justification_required",
    ]);
  });

  it("refuses levels outside the scale", () => {
    expect(codes({ inherent: { likelihood: "very high", impact: 3, justification: "x" } })).toEqual([
      "inherent.likelihood:invalid_level",
      "inherent.impact:invalid_level",
    ]);
    expect(codes({ inherent: pos("low", "low"), residual: { likelihood: "laag", impact: "low", justification: "x" } })).toEqual([
      "residual.likelihood:invalid_level",
    ]);
  });

  it.each([
    ["likelihood above", pos("low", "high"), pos("medium", "high")],
    ["impact above", pos("high", "low"), pos("high", "medium")],
    ["level above", pos("low", "medium"), pos("medium", "medium")],
  ])("requires a reason when the residual is above the inherent one (%s)", (_, inherent, residual) => {
    expect(codes({ inherent, residual })).toEqual(["residualAboveInherentReason:residual_above_inherent_requires_reason"]);
    expect(codes({ inherent, residual, residualAboveInherentReason: "De maatregel zelf brengt een nieuw risico mee." })).toEqual([]);
  });

  it("a residual equal or lower on both axes is not a rise", () => {
    expect(isAboveInherent({ likelihood: "high", impact: "high" }, { likelihood: "low", impact: "high" })).toBe(false);
  });

  it("names each problem with a code and its field (the assessments catalogue words it)", () => {
    const [error] = validateRiskScores({ inherent: pos("low", "low", "") });
    expect(error).toEqual({ field: "inherent.justification", code: "justification_required" });
  });
});
