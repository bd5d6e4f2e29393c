import { describe, expect, it } from "vitest";
import { evaluateOutcomes } from "./outcomes.ts";
import { instrument, section, t } from "./test-fixtures.ts";

const form = instrument(
  [
    section("s", [
      { id: "gate", type: "yes_no_explain", label: t("gate") },
      { id: "a", type: "yes_no_explain", label: t("a"), when: { question: "gate", equals: "yes" } },
      { id: "b", type: "yes_no_explain", label: t("b") },
      { id: "x", type: "scale", label: t("x"), min: 0, max: 4 },
      { id: "y", type: "scale", label: t("y"), min: 0, max: 4 },
    ]),
  ],
  {
    outcomes: {
      criteria: [
        { id: "ca", group: "g", label: t("ca"), when: { question: "a", equals: "yes" }, explanation: t("ca why") },
        { id: "cb", group: "g", label: t("cb"), when: { question: "b", equals: "yes" }, explanation: t("cb why") },
      ],
      scores: [{ id: "sum", label: t("sum"), threshold: 10, weighted_sum: [{ question: "x", weight: 2 }, { question: "y", weight: 1 }] }],
      decisions: [
        {
          id: "d",
          label: t("d"),
          results: [{ value: "high", label: t("high") }, { value: "mid", label: t("mid") }, { value: "none", label: t("none") }],
          default: "none",
          default_explanation: t("nothing"),
          rules: [
            { id: "one", result: "mid", when: { count: "g", equals: 1 }, explanation: t("one") },
            { id: "two", result: "high", when: { count: "g", gte: 2 }, explanation: t("two") },
            { id: "score", result: "high", when: { score: "sum", above_threshold: true }, explanation: t("score") },
          ],
        },
      ],
      signals: [{ id: "sig", label: t("sig"), when: { criterion: "cb" }, explanation: t("sig why") }],
    },
  },
);

describe("evaluateOutcomes", () => {
  it("falls back to the default with its explanation when no rule fires", () => {
    const [d] = evaluateOutcomes(form, {}).decisions;
    expect(d).toMatchObject({ result: "none", defaulted: true, fired: [], explanation: t("nothing") });
  });

  it("lets the result listed first win and reports every fired rule", () => {
    const [d] = evaluateOutcomes(form, { b: { choice: "yes" }, x: 4, y: 3 }).decisions;
    expect(d?.result).toBe("high");
    expect(d?.fired.map((f) => f.id)).toEqual(["one", "score"]);
    expect(d?.explanation).toBeNull();
  });

  it("computes the weighted score with its maximum and unanswered parts", () => {
    const [s] = evaluateOutcomes(form, { x: 3 }).scores;
    expect(s).toMatchObject({ value: 6, max: 12, threshold: 10, aboveThreshold: false, unanswered: ["y"] });
  });

  it("ignores answers to hidden questions", () => {
    const result = evaluateOutcomes(form, { gate: { choice: "no" }, a: { choice: "yes" }, b: { choice: "yes" } });
    expect(result.criteria.map((c) => c.holds)).toEqual([false, true]);
    expect(result.decisions[0]?.result).toBe("mid");
    const shown = evaluateOutcomes(form, { gate: { choice: "yes" }, a: { choice: "yes" }, b: { choice: "yes" } });
    expect(shown.decisions[0]?.result).toBe("high");
  });

  it("raises signals from criteria", () => {
    expect(evaluateOutcomes(form, { b: { choice: "yes" } }).signals[0]).toMatchObject({ id: "sig", raised: true });
    expect(evaluateOutcomes(form, {}).signals[0]?.raised).toBe(false);
  });
});
