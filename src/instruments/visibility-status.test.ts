import { describe, expect, it } from "vitest";
import { effectiveAnswers, visibleQuestions, visibleSections } from "./visibility.ts";
import { responseStatus, sectionStatus } from "./status.ts";
import { evaluateCondition } from "./conditions.ts";
import { instrument, section, t } from "./test-fixtures.ts";
import type { Condition, Question } from "./types.ts";

const yn = (id: string, extra: Partial<Question> = {}): Question => ({ id, type: "yes_no_explain", label: t(id), ...extra }) as Question;
const text = (id: string, extra: Partial<Question> = {}): Question => ({ id, type: "text", label: t(id), ...extra }) as Question;

const form = instrument([
  section("a", [
    yn("q1", { required: true }),
    text("q2", { required: true, when: { question: "q1", equals: "yes" } }),
    { id: "many", type: "multiple_choice", label: t("many"), options: [{ value: "x", label: t("x") }, { value: "y", label: t("y") }] },
    { id: "level", type: "scale", label: t("level"), min: 0, max: 3 },
  ]),
  section("b", [text("q3", { required: true })], { when: { question: "q2", answered: true } }),
  section("c", [text("note")]),
]);

describe("visibility", () => {
  it("follows conditions in document order", () => {
    expect(visibleQuestions(form, {}).map((q) => q.id)).toEqual(["q1", "many", "level", "note"]);
    expect(visibleSections(form, {}).map((s) => s.id)).toEqual(["a", "c"]);
    const answers = { q1: { choice: "yes" }, q2: "x" };
    expect(visibleQuestions(form, answers).map((q) => q.id)).toEqual(["q1", "q2", "many", "level", "q3", "note"]);
  });

  it("treats the answer to a hidden question as absent, so it cannot switch anything on", () => {
    const answers = { q1: { choice: "no" }, q2: "left over", q3: "y" };
    expect(visibleSections(form, answers).map((s) => s.id)).toEqual(["a", "c"]);
    expect(effectiveAnswers(form, answers)).toEqual({ q1: { choice: "no" } });
  });
});

describe("conditions", () => {
  const ctx = (answers: Record<string, unknown>) => ({
    question: (id: string) => form.sections.flatMap((s) => s.questions).find((q) => q.id === id),
    answer: (id: string) => answers[id],
  });
  const holds = (c: Condition, answers: Record<string, unknown>) => evaluateCondition(c, ctx(answers));

  it("supports equals, not_equals, in, includes, answered and comparisons", () => {
    expect(holds({ question: "q1", equals: "yes" }, { q1: { choice: "yes" } })).toBe(true);
    expect(holds({ question: "q1", not_equals: "yes" }, { q1: { choice: "no" } })).toBe(true);
    expect(holds({ question: "q1", in: ["no", "yes"] }, { q1: { choice: "no" } })).toBe(true);
    expect(holds({ question: "many", includes: "y" }, { many: ["x", "y"] })).toBe(true);
    expect(holds({ question: "many", includes: "y" }, { many: ["x"] })).toBe(false);
    expect(holds({ question: "q2", answered: false }, {})).toBe(true);
    expect(holds({ question: "level", gte: 2 }, { level: 2 })).toBe(true);
    expect(holds({ question: "level", gt: 2 }, { level: 2 })).toBe(false);
    expect(holds({ question: "level", lt: 1 }, {})).toBe(false);
  });

  it("combines with all, any and not", () => {
    const answers = { q1: { choice: "yes" }, level: 1 };
    expect(holds({ all: [{ question: "q1", equals: "yes" }, { question: "level", lte: 1 }] }, answers)).toBe(true);
    expect(holds({ all: [{ question: "q1", equals: "yes" }, { question: "level", gte: 2 }] }, answers)).toBe(false);
    expect(holds({ any: [{ question: "q1", equals: "no" }, { question: "level", equals: 2 }] }, answers)).toBe(false);
    expect(holds({ any: [{ question: "q1", equals: "no" }, { question: "level", lte: 1 }] }, answers)).toBe(true);
    expect(holds({ not: { question: "q1", equals: "no" } }, answers)).toBe(true);
  });
});

describe("sectionStatus", () => {
  it("is not_started, in_progress or complete from the required visible questions", () => {
    const status = (answers: Record<string, unknown>) => sectionStatus(form, answers).map((s) => `${s.sectionId}:${s.status}`);
    expect(status({})).toEqual(["a:not_started", "b:not_applicable", "c:not_started"]);
    expect(status({ q1: { choice: "yes" } })).toEqual(["a:in_progress", "b:not_applicable", "c:not_started"]);
    expect(status({ q1: { choice: "no" } })).toEqual(["a:complete", "b:not_applicable", "c:not_started"]);
    expect(status({ q1: { choice: "yes" }, q2: "x" })).toEqual(["a:complete", "b:not_started", "c:not_started"]);
    expect(status({ q1: { choice: "yes" }, q2: "x", q3: "y", note: "n" })).toEqual(["a:complete", "b:complete", "c:complete"]);
  });

  it("counts answered and required questions", () => {
    expect(sectionStatus(form, { q1: { choice: "yes" }, level: 2 })[0]).toEqual({
      sectionId: "a",
      status: "in_progress",
      answered: 2,
      requiredTotal: 2,
      requiredAnswered: 1,
    });
  });

  it("gives the whole response a status where optional-only sections never block", () => {
    expect(responseStatus(form, {})).toBe("not_started");
    expect(responseStatus(form, { q1: { choice: "yes" } })).toBe("in_progress");
    expect(responseStatus(form, { q1: { choice: "no" } })).toBe("complete");
  });
});
