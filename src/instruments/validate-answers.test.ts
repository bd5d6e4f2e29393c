import { describe, expect, it } from "vitest";
import { validateAnswers } from "./validate-answers.ts";
import { instrument, section, t, VALUE_KEYS } from "./test-fixtures.ts";
import type { Question } from "./types.ts";

const opts = (...values: string[]) => values.map((v) => ({ value: v, label: t(v) }));

const questions: Question[] = [
  { id: "name", type: "text", label: t("name"), required: true, max_length: 10 },
  { id: "story", type: "long_text", label: t("story") },
  { id: "kind", type: "single_choice", label: t("kind"), options: opts("a", "b") },
  {
    id: "many",
    type: "multiple_choice",
    label: t("many"),
    max_choices: 2,
    options: [...opts("x", "y", "z"), { value: "none", label: t("none"), exclusive: true }],
  },
  { id: "level", type: "scale", label: t("level"), min: 1, max: 5 },
  { id: "agree", type: "yes_no_explain", label: t("agree"), explanation_required_when: "yes" },
  {
    id: "grid",
    type: "table",
    label: t("grid"),
    min_rows: 2,
    max_rows: 3,
    columns: [
      { id: "what", type: "text", label: t("what"), required: true },
      { id: "count", type: "number", label: t("count") },
      { id: "when", type: "date", label: t("when") },
      { id: "ok", type: "yes_no", label: t("ok") },
      { id: "prio", type: "single_choice", label: t("prio"), options: opts("low", "high") },
    ],
  },
  {
    id: "fixed",
    type: "table",
    label: t("fixed"),
    rows: [{ id: "r1", label: t("r1") }, { id: "r2", label: t("r2") }],
    columns: [{ id: "note", type: "text", label: t("note") }],
  },
  { id: "tags", type: "value_tags", label: t("tags") },
  { id: "only_if_b", type: "text", label: t("only if b"), required: true, when: { question: "kind", equals: "b" } },
];
const form = instrument([section("s", questions)]);
const codes = (answers: Record<string, unknown>, partial = false) =>
  validateAnswers(form, answers, { partial, valueKeys: VALUE_KEYS }).map((e) => `${e.path}:${e.code}`);

describe("validateAnswers", () => {
  it("accepts a complete, well-formed response", () => {
    expect(
      codes({
        name: "Project",
        story: "",
        kind: "b",
        many: ["x", "y"],
        level: 3,
        agree: { choice: "yes", explanation: "because" },
        grid: [{ what: "a", count: 2, when: "2026-03-03", ok: true, prio: "low" }, { what: "b", count: null }],
        fixed: [{ row: "r1", note: "n" }, { row: "r2", note: "" }],
        tags: ["privacy"],
        only_if_b: "shown and answered",
      }),
    ).toEqual([]);
  });

  it("requires visible required questions, but not in partial mode", () => {
    expect(codes({})).toEqual(["name:required"]);
    expect(codes({ name: "   " })).toEqual(["name:required"]);
    expect(codes({}, true)).toEqual([]);
  });

  it("requires a conditional question only while it is visible", () => {
    expect(codes({ name: "x", kind: "a" })).toEqual([]);
    expect(codes({ name: "x", kind: "b" })).toEqual(["only_if_b:required"]);
  });

  it("refuses an answer of the wrong type for every question type", () => {
    expect(
      codes({
        name: 5,
        story: ["x"],
        kind: 1,
        many: "x",
        level: "three",
        agree: "yes",
        grid: "rows",
        fixed: {},
        tags: "privacy",
      }),
    ).toEqual([
      "name:wrong_type",
      "story:wrong_type",
      "kind:wrong_type",
      "many:wrong_type",
      "level:wrong_type",
      "agree:wrong_type",
      "grid:wrong_type",
      "fixed:wrong_type",
      "tags:wrong_type",
    ]);
  });

  it("refuses text for a scale even in partial mode", () => {
    expect(codes({ level: "5" }, true)).toEqual(["level:wrong_type"]);
  });

  it("checks ranges, options and limits", () => {
    expect(codes({ name: "much too long", kind: "c", level: 6 }, true)).toEqual([
      "name:too_long",
      "kind:invalid_option",
      "level:out_of_range",
    ]);
    expect(codes({ level: 2.5 }, true)).toEqual(["level:not_integer"]);
  });

  it("checks multiple choice: unknown, duplicate, exclusive and too many", () => {
    expect(codes({ many: ["x", "q"] }, true)).toEqual(["many[1]:invalid_option"]);
    expect(codes({ many: ["x", "x"] }, true)).toEqual(["many[1]:duplicate_choice"]);
    expect(codes({ many: ["x", "none"] }, true)).toEqual(["many:exclusive_option"]);
    expect(codes({ many: ["x", "y", "z"] }, true)).toEqual(["many:too_many_choices"]);
    expect(codes({ many: ["none"] }, true)).toEqual([]);
  });

  it("requires an explanation when the yes/no answer asks for one", () => {
    expect(codes({ name: "x", agree: { choice: "yes" } })).toEqual(["agree.explanation:explanation_required"]);
    expect(codes({ name: "x", agree: { choice: "no" } })).toEqual([]);
    expect(codes({ agree: { choice: "yes" } }, true)).toEqual([]);
    expect(codes({ agree: { choice: "maybe" } }, true)).toEqual(["agree:wrong_type"]);
  });

  it("checks table rows, columns and cells", () => {
    expect(
      codes(
        {
          grid: [
            { what: 1, count: "2", when: "2026-02-30", ok: "yes", prio: "mid", extra: "x" },
            { what: "b" },
            { what: "c" },
            { what: "d" },
          ],
        },
        true,
      ),
    ).toEqual([
      "grid:too_many_rows",
      "grid[0].what:cell_wrong_type",
      "grid[0].count:cell_wrong_type",
      "grid[0].when:invalid_date",
      "grid[0].ok:cell_wrong_type",
      "grid[0].prio:invalid_option",
      "grid[0].extra:unknown_column",
    ]);
    expect(codes({ name: "x", grid: [{ count: 1 }] })).toEqual(["grid:too_few_rows", "grid[0].what:cell_required"]);
    expect(codes({ fixed: [{ row: "r1" }] }, true)).toEqual(["fixed:rows_mismatch"]);
    expect(codes({ fixed: [{ row: "r1" }, { row: "r1" }] }, true)).toEqual(["fixed:rows_mismatch"]);
  });

  it("refuses value tags the organisation does not know", () => {
    expect(codes({ tags: ["privacy", "geluk"] }, true)).toEqual(["tags[1]:unknown_value_tag"]);
  });

  it("refuses answers to questions the instrument does not have", () => {
    expect(codes({ nope: "x" }, true)).toEqual(["nope:unknown_question"]);
  });

  it("gives every error a code with the parameters its message needs (the features word it)", () => {
    const [error] = validateAnswers(form, { level: 9 }, { partial: true });
    expect(error?.code).toBe("out_of_range");
    expect(error?.params).toEqual({ min: 1, max: 5 });
  });
});
