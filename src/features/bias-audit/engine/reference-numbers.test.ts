// Every reference number of shared/data/fairness/README.md, through the engine.
import { describe, expect, it } from "vitest";
import { auditCsv } from "./audit.ts";
import type { BiasAuditReport } from "./report.ts";
import { ADULT, COMPAS, GERMAN } from "./test-helpers.ts";

const close = (actual: number | null | undefined, expected: number, digits = 4) => {
  expect(actual).not.toBeNull();
  expect(actual).toBeCloseTo(expected, digits);
};

function breakdown(r: BiasAuditReport, attr: string) {
  const b = r.breakdowns.find((x) => x.attributes.length === 1 && x.attributes[0] === attr);
  if (!b) throw new Error(`no breakdown ${attr}`);
  return b;
}
function group(r: BiasAuditReport, attr: string, label: string) {
  const g = breakdown(r, attr).groups.find((x) => x.label === label);
  if (!g) throw new Error(`no group ${label}`);
  return g;
}

/** A group's size and selection rate, its reference's, and the difference and ratio of their selection rates; returns the comparison. */
function againstReference(r: BiasAuditReport, attr: string, g: { label: string; n: number; rate: number }, ref: { label: string; n: number; rate: number }, expected: { difference: number; ratio: number }) {
  const subject = group(r, attr, g.label);
  const reference = group(r, attr, ref.label);
  expect(subject.counts.n).toBe(g.n);
  expect(reference.counts.n).toBe(ref.n);
  close(subject.rates.selectionRate?.value, g.rate);
  close(reference.rates.selectionRate?.value, ref.rate);
  const c = subject.comparisons.find((x) => x.metric === "selectionRate");
  close(c?.difference, expected.difference);
  close(c?.ratio, expected.ratio);
  return c;
}

describe("COMPAS (score as prediction, label_value as truth)", async () => {
  const config = { groups: ["race", "sex", "age_cat"], prediction: "score", label: "label_value", intersections: false, scan: false as const };
  const byRef = await auditCsv(COMPAS, { ...config, reference: { kind: "group", values: ["race=Caucasian", "sex=Male", "age_cat=25 - 45"] } });
  const byOverall = await auditCsv(COMPAS, { ...config, reference: { kind: "overall" } });

  it("race table", () => {
    const rows: [string, number, number, number, number, number, number, number, number][] = [
      ["African-American", 3696, 0.5882, 0.7201, 0.4485, 0.2799, 0.6297, 0.6383, 1.6902],
      ["Asian", 32, 0.25, 0.6667, 0.087, 0.3333, 0.75, 0.8438, 0.7184],
      ["Caucasian", 2454, 0.348, 0.5228, 0.2345, 0.4772, 0.5913, 0.6699, 1.0],
      ["Hispanic", 637, 0.2983, 0.444, 0.2148, 0.556, 0.5421, 0.6609, 0.8571],
      ["Native American", 18, 0.6667, 0.9, 0.375, 0.1, 0.75, 0.7778, 1.9157],
      ["Other", 377, 0.2095, 0.3233, 0.1475, 0.6767, 0.5443, 0.6658, 0.6021],
    ];
    for (const [label, n, sel, tpr, fpr, fnr, ppv, acc, ratio] of rows) {
      const g = group(byRef, "race", label);
      expect(g.counts.n).toBe(n);
      close(g.rates.selectionRate?.value, sel);
      close(g.rates.tpr?.value, tpr);
      close(g.rates.fpr?.value, fpr);
      close(g.rates.fnr?.value, fnr);
      close(g.rates.ppv?.value, ppv);
      close(g.rates.accuracy?.value, acc);
      if (label === "Caucasian") expect(g.isReference).toBe(true);
      else close(g.comparisons.find((c) => c.metric === "selectionRate")?.ratio, ratio);
    }
  });

  it("whole set", () => {
    expect(byRef.overall.counts.n).toBe(7214);
    close(byRef.overall.rates.selectionRate?.value, 0.4598);
    close(byRef.overall.rates.baseRate?.value, 0.4507);
  });

  it("between groups and equalized odds (race)", () => {
    const b = breakdown(byRef, "race");
    const sel = b.between.find((x) => x.metric === "selectionRate");
    close(sel?.difference, 0.4571);
    close(sel?.ratio, 0.3143);
    close(b.equalizedOdds?.difference, 0.5767);
  });

  it("against the whole set (race)", () => {
    const o = breakdown(byOverall, "race").againstOverall.find((x) => x.metric === "selectionRate");
    close(Math.abs(o?.largestAbsDifference.value ?? 0), 0.2503);
    close(o?.smallestRatio?.value, 0.4557);
  });

  it("z-tests of selection rate against Caucasian", () => {
    const z = (label: string) => group(byRef, "race", label).comparisons.find((c) => c.metric === "selectionRate")?.test;
    close(z("African-American")?.z, 18.45, 2);
    close(z("Hispanic")?.z, -2.36, 2);
    close(z("Hispanic")?.p, 0.018, 3);
    close(z("Other")?.z, -5.32, 2);
    expect(z("Other")?.p).toBeGreaterThan(0.95e-7);
    expect(z("Other")?.p).toBeLessThan(1.05e-7);
  });

  it("sex and age_cat", () => {
    const rows: [string, string, number, number, number][] = [
      ["sex", "Female", 1395, 0.4237, 0.3211],
      ["sex", "Male", 5819, 0.4685, 0.3242],
      ["age_cat", "Greater than 45", 1576, 0.25, 0.1679],
      ["age_cat", "Less than 25", 1529, 0.6534, 0.5414],
    ];
    for (const [attr, label, n, sel, fpr] of rows) {
      const g = group(byRef, attr, label);
      expect(g.counts.n).toBe(n);
      close(g.rates.selectionRate?.value, sel);
      close(g.rates.fpr?.value, fpr);
    }
    const sex = breakdown(byRef, "sex").between.find((x) => x.metric === "selectionRate");
    close(sex?.difference, 0.0448);
    close(sex?.ratio, 0.9043);

    const age = breakdown(byRef, "age_cat");
    const sel = age.between.find((x) => x.metric === "selectionRate");
    close(sel?.difference, 0.4034);
    close(sel?.ratio, 0.3826);
    close(age.equalizedOdds?.difference, 0.3734);
    expect(age.reference.group).toBe("25 - 45");
  });
});

describe("Adult (outcome rates, >50K favourable)", async () => {
  const r = await auditCsv(ADULT, {
    groups: ["sex", { column: "race", map: { White: "White" }, otherValue: "not-White" }],
    prediction: "income",
    favourable: ">50K",
    reference: { kind: "group", values: ["sex=Male", "race=White"] },
    intersections: false,
    scan: false,
  });
  it("base rate and sex", () => {
    close(r.overall.rates.selectionRate?.value, 0.2489);
    expect(r.settings.favourable).toBe("positive");
    againstReference(r, "sex", { label: "Female", n: 9782, rate: 0.1137 }, { label: "Male", n: 20380, rate: 0.3138 }, { difference: -0.2002, ratio: 0.3622 });
  });
  it("race: White vs not-White (mapped values)", () => {
    againstReference(r, "race", { label: "not-White", n: 4229, rate: 0.1582 }, { label: "White", n: 25933, rate: 0.2637 }, { difference: -0.1055, ratio: 0.5999 });
  });
});

describe("German credit (credit_risk = 1 favourable), age binned at 25", async () => {
  const r = await auditCsv(GERMAN, {
    groups: [{ column: "age", bins: [25] }],
    prediction: "credit_risk",
    favourable: "1",
    reference: { kind: "group", values: [">= 25"] },
    scan: false,
  });
  it("age >= 25 vs < 25", () => {
    const c = againstReference(r, "age", { label: "< 25", n: 149, rate: 0.5906 }, { label: ">= 25", n: 851, rate: 0.7192 }, { difference: -0.1285, ratio: 0.8212 });
    close(c?.test?.z, -3.16, 2);
    close(c?.test?.p, 0.0016, 4);
  });
});

describe("HBAC plausibility on COMPAS (false positive indicator)", async () => {
  const base = { groups: ["race", "sex", "age_cat"], prediction: "score", label: "label_value", intersections: false };
  it("with the defaults: about 3 clusters and the most deviating one significant", async () => {
    const r = await auditCsv(COMPAS, { ...base, scan: { biasVariable: "fp" } });
    if (r.scan.status !== "done") throw new Error("scan skipped");
    expect(r.scan.clusters.length).toBeGreaterThanOrEqual(2);
    expect(r.scan.clusters.length).toBeLessThanOrEqual(5);
    expect(r.scan.test.significant).toBe(true);
    expect(r.scan.test.p).toBeLessThan(0.05);
    expect(r.scan.parameters.testRows + r.scan.parameters.trainRows).toBe(7214);
    expect(r.scan.description?.some((d) => d.significant)).toBe(true);
    const c0 = r.scan.clusters[0];
    const rest = r.scan.clusters.slice(1).reduce((a, c) => ({ n: a.n + c.test.n, bad: a.bad + c.test.bad }), { n: 0, bad: 0 });
    expect((c0?.test.bad ?? 0) / (c0?.test.n ?? 1)).toBeGreaterThan(rest.bad / rest.n);
  });
  it("across seeds the result is mostly significant (split-dependent, as the README says)", async () => {
    let significant = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const r = await auditCsv(COMPAS, { ...base, scan: { biasVariable: "fp", seed } });
      if (r.scan.status === "done" && r.scan.test.significant) significant++;
    }
    expect(significant).toBeGreaterThanOrEqual(6);
  });
});
