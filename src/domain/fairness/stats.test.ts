import { describe, expect, it } from "vitest";
import { normalCdf, normalUpperTail, twoSidedP, Z_95 } from "./normal.ts";
import { katzRatio, newcombeDifference, twoProportionZTest, wilson } from "./proportions.ts";
import { adjustPValues } from "./multiple-testing.ts";
import { chiSquareUpperTail, studentTTwoSidedP } from "./special.ts";

describe("normal distribution", () => {
  it("matches known quantiles", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 15);
    expect(normalCdf(Z_95)).toBeCloseTo(0.975, 12);
    expect(normalUpperTail(3)).toBeCloseTo(0.0013498980316301, 14);
    // R: pnorm(-5.32) = 5.1876e-08; pnorm(-8) = 6.220961e-16
    expect(normalUpperTail(5.32) / 5.187e-8).toBeCloseTo(1, 3);
    expect(normalUpperTail(8) / 6.220960574271784e-16).toBeCloseTo(1, 8);
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
  });
});

describe("proportions", () => {
  it("Wilson interval (Newcombe 1998 example 81/263)", () => {
    const w = wilson(81, 263);
    expect(w?.lower).toBeCloseTo(0.2553, 4);
    expect(w?.upper).toBeCloseTo(0.3662, 4);
    expect(wilson(0, 0)).toBeNull();
    const zero = wilson(0, 10);
    expect(zero?.lower).toBe(0);
    expect(zero?.upper).toBeCloseTo(0.2775, 4);
  });

  it("Newcombe hybrid score interval (Newcombe 1998 example 56/70 vs 48/80)", () => {
    const d = newcombeDifference(56, 70, 48, 80);
    expect(d?.lower).toBeCloseTo(0.0524, 4);
    expect(d?.upper).toBeCloseTo(0.3339, 4);
    expect(newcombeDifference(1, 0, 1, 2)).toBeNull();
  });

  it("two-proportion z-test, pooled", () => {
    const t = twoProportionZTest(30, 100, 20, 100);
    expect(t?.z).toBeCloseTo(1.6330, 4);
    expect(t?.p).toBeCloseTo(0.1025, 4);
    expect(twoProportionZTest(0, 10, 0, 10)).toBeNull();
  });

  it("Katz ratio interval is undefined with a zero count", () => {
    expect(katzRatio(0, 10, 3, 10)).toBeNull();
    const r = katzRatio(20, 100, 10, 100);
    expect(r?.lower).toBeLessThan(2);
    expect(r?.upper).toBeGreaterThan(2);
  });
});

describe("multiple testing", () => {
  const p = [0.01, 0.04, 0.03, 0.005];
  it("Holm", () => {
    expect(adjustPValues(p, "holm")).toEqual([0.03, 0.06, 0.06, 0.02].map((x) => expect.closeTo(x, 12)));
  });
  it("Benjamini-Hochberg", () => {
    expect(adjustPValues(p, "benjamini-hochberg")).toEqual([0.02, 0.04, 0.04, 0.02].map((x) => expect.closeTo(x, 12)));
  });
});

describe("special functions", () => {
  it("chi-square and t tails", () => {
    expect(chiSquareUpperTail(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
    expect(chiSquareUpperTail(5.991464547107979, 2)).toBeCloseTo(0.05, 10);
    expect(studentTTwoSidedP(2.228138851986274, 10)).toBeCloseTo(0.05, 10);
  });
});
