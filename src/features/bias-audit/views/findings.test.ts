// The findings the result page leads with, on COMPAS against the reference
// numbers of shared/data/fairness/README.md, and the one count of tests.
import { describe, expect, it } from "vitest";
import { auditCsv } from "../engine/audit.ts";
import { COMPAS } from "../engine/test-helpers.ts";
import { breakdownTests, keyFindings } from "./findings.ts";

describe("key findings on COMPAS (reference Caucasian, Male, 25 - 45)", async () => {
  const report = await auditCsv(COMPAS, {
    groups: ["race", "sex", "age_cat"],
    prediction: "score",
    label: "label_value",
    scan: false,
    reference: { kind: "group", values: ["race=Caucasian", "sex=Male", "age_cat=25 - 45"] },
  });
  const findings = keyFindings(report);

  it("leads per attribute with the largest selection difference among groups large enough to judge", () => {
    const race = findings.find((f) => f.attr === "race" && f.metric === "selectionRate")!;
    // Native American (18 rows) and Asian (32 rows, few expected) are small: African-American leads, as in the README.
    expect(race).toMatchObject({ kind: "selection", group: "African-American", against: "Caucasian", significant: true });
    expect(race.groupValue).toBeCloseTo(0.5882, 4);
    expect(race.againstValue).toBeCloseTo(0.348, 4);
    expect(race.ratio).toBeCloseTo(1.6902, 4);
    expect(race.differenceCi95!.lower).toBeLessThan(race.difference);
    expect(race.differenceCi95!.upper).toBeGreaterThan(race.difference);
    const age = findings.find((f) => f.attr === "age_cat" && f.metric === "selectionRate")!;
    // Greater than 45 selects 25,0 % against 46,8 % for 25 - 45: further off than Less than 25 (65,3 %).
    expect(age).toMatchObject({ kind: "selection", group: "Greater than 45", against: "25 - 45", significant: true });
  });

  it("names a difference that is not significant as such", () => {
    const sex = findings.find((f) => f.attr === "sex")!;
    expect(sex.group).toBe("Female");
    expect(sex.groupValue).toBeCloseTo(0.4237, 4);
    expect(sex.kind === "no_difference").toBe(!sex.significant);
  });

  it("adds at most two error-rate gaps and one combination, and counts tests as the report does", () => {
    expect(findings.filter((f) => f.kind === "error").length).toBeLessThanOrEqual(2);
    const fpr = findings.find((f) => f.kind === "error" && f.metric === "fpr" && f.attr === "race");
    if (fpr) expect(fpr.groupValue).toBeCloseTo(0.4485, 4);
    expect(findings.filter((f) => f.kind === "intersection").length).toBeLessThanOrEqual(1);
    const sum = report.breakdowns.map(breakdownTests).reduce((a, b) => ({ count: a.count + b.count, significant: a.significant + b.significant }), { count: 0, significant: 0 });
    expect(sum).toEqual({ count: report.tests.count, significant: report.tests.significant });
  });

  it("the summary's sentence counts the significant tests the way the report does", () => {
    const line = report.summary.nl.find((s) => s.includes("verschillen getoetst"))!;
    expect(line).toContain(`We hebben ${report.tests.count} verschillen getoetst`);
    expect(line).toContain(`zijn er ${report.tests.significant} statistisch significant`);
  });
});
