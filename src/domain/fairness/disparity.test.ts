import { describe, expect, it } from "vitest";
import { countsFromConfusion, countsFromSelection } from "./counts.ts";
import { analyseBreakdown } from "./disparity.ts";
import { rateOf } from "./metrics.ts";

describe("rates and disparities", () => {
  it("a zero denominator gives status undefined and null, never NaN", () => {
    const c = countsFromConfusion(0, 3, 0, 7); // no true positives or false negatives
    const tpr = rateOf("tpr", c);
    expect(tpr.status).toBe("undefined");
    expect(tpr.value).toBeNull();
    expect(tpr.ci95).toBeNull();
    expect(JSON.stringify(tpr)).not.toContain("NaN");
  });

  it("four-fifths and small cells", () => {
    const res = analyseBreakdown(
      [
        { values: ["A"], counts: countsFromSelection(1000, 500) },
        { values: ["B"], counts: countsFromSelection(1000, 380) },
        { values: ["C"], counts: countsFromSelection(10, 5) },
      ],
      { attributes: ["g"], hasLabel: false, reference: { kind: "largest" } },
    );
    const b = res.groups.find((g) => g.label === "B");
    expect(res.reference.group).toBe("A");
    expect(b?.comparisons[0]?.ratio).toBeCloseTo(0.76, 10);
    expect(b?.comparisons[0]?.fourFifths).toBe("outside");
    const c = res.groups.find((g) => g.label === "C");
    expect(c?.smallCell).toBe(true);
    expect(c?.comparisons[0]?.smallCell).toBe(true);
    expect(res.between[0]?.difference).toBeCloseTo(0.12, 10);
  });

  it("overall convention compares each group with the rest", () => {
    const res = analyseBreakdown(
      [
        { values: ["A"], counts: countsFromSelection(100, 50) },
        { values: ["B"], counts: countsFromSelection(300, 60) },
      ],
      { attributes: ["g"], hasLabel: false, reference: { kind: "overall" } },
    );
    const a = res.groups.find((g) => g.label === "A")?.comparisons[0];
    expect(a?.against).toBe("rest");
    expect(a?.difference).toBeCloseTo(0.5 - 0.2, 12);
    expect(a?.differenceToOverall).toBeCloseTo(0.5 - 110 / 400, 12);
  });
});
