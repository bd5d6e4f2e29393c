// Property-based tests of the instrument engine (issue 11), generated from the
// instruments themselves (schema-aware): for every instrument in the
// repository, answers built from its own questions are accepted as drafts and
// are only ever incomplete, never malformed; an answer of the wrong shape is
// reported on its own question; and any JSON at all, under any key, gives
// errors with codes — the engine (validation, visibility, status, outcomes,
// formatting) never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeVisibility, evaluateOutcomes, formatAnswer, loadInstruments, responseStatus, validateAnswers, type AnswerErrorCode, type Instrument, type Question, type TableColumn } from "./index.ts";

const VALUE_KEYS = ["menselijke_waardigheid", "privacy", "gelijke_behandeling", "transparantie"];
const instruments = loadInstruments().list();
const WORDS = { yes: "ja", no: "nee", empty: "—" };
const COMPLETENESS: ReadonlySet<AnswerErrorCode> = new Set(["required", "explanation_required", "cell_required", "too_few_rows"]);

const isoDate = fc.date({ min: new Date("1990-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const text = (max: number) => fc.string({ unit: "grapheme", maxLength: Math.min(max, 300) });

function cell(column: TableColumn): fc.Arbitrary<unknown> {
  const value: fc.Arbitrary<unknown> = (() => {
    switch (column.type) {
      case "text":
      case "long_text":
        return text(300);
      case "number":
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case "yes_no":
        return fc.boolean();
      case "date":
        return fc.oneof(isoDate, fc.constant(""));
      case "single_choice":
        return fc.constantFrom("", ...(column.options ?? []).map((o) => o.value));
    }
  })();
  return fc.option(value, { nil: null });
}

function choices(q: Extract<Question, { type: "multiple_choice" }>): fc.Arbitrary<string[]> {
  const plain = q.options.filter((o) => !o.exclusive).map((o) => o.value);
  const exclusive = q.options.filter((o) => o.exclusive).map((o) => [o.value]);
  const some = fc.subarray(plain, { maxLength: q.max_choices ?? plain.length });
  return exclusive.length ? fc.oneof(some, fc.constantFrom(...exclusive)) : some;
}

/** An answer of the right shape for the question (perhaps empty or incomplete). */
function validAnswer(q: Question): fc.Arbitrary<unknown> {
  switch (q.type) {
    case "text":
    case "long_text":
      return text(q.max_length ?? 300);
    case "single_choice":
      return fc.constantFrom(...q.options.map((o) => o.value));
    case "multiple_choice":
      return choices(q);
    case "scale":
      return fc.integer({ min: q.min, max: q.max });
    case "yes_no_explain":
      return fc.record({ choice: fc.constantFrom("yes", "no"), explanation: text(300) }, { requiredKeys: ["choice"] });
    case "table": {
      const cells = fc.record(Object.fromEntries(q.columns.map((c) => [c.id, cell(c)])), { requiredKeys: [] });
      if (q.rows) return fc.tuple(...q.rows.map((r) => cells.map((c) => ({ ...c, row: r.id }))));
      return fc.array(cells, { maxLength: Math.min(q.max_rows ?? 6, 6) });
    }
    case "value_tags":
      return fc.subarray(VALUE_KEYS);
  }
}

/** A value no question of this type accepts. */
function wrongShape(q: Question): unknown {
  switch (q.type) {
    case "text":
    case "long_text":
    case "single_choice":
      return 42;
    case "multiple_choice":
    case "value_tags":
    case "table":
      return "geen lijst";
    case "scale":
      return "drie";
    case "yes_no_explain":
      return "ja";
  }
}

const questionsOf = (i: Instrument) => i.sections.flatMap((s) => s.questions);

/** Some of the instrument's questions, each with an answer of its own shape. */
function draft(i: Instrument): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(questionsOf(i).map((q) => [q.id, validAnswer(q)])), { requiredKeys: [] });
}

function exerciseEngine(i: Instrument, answers: Record<string, unknown>): void {
  computeVisibility(i, answers);
  responseStatus(i, answers);
  evaluateOutcomes(i, answers);
  const byId = new Map(questionsOf(i).map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(answers)) formatAnswer(byId.get(id), value, "nl", WORDS);
}

describe("the instrument engine, with answers generated from each instrument", () => {
  it("there are instruments to test, each with questions", () => {
    expect(instruments.length).toBeGreaterThanOrEqual(9);
    for (const i of instruments) expect(questionsOf(i).length, i.id).toBeGreaterThan(0);
  });

  for (const instrument of instruments) {
    describe(`${instrument.id} ${instrument.version}`, () => {
      it("accepts answers of the right shape as a draft; when complete is asked, only completeness is missing", () => {
        fc.assert(
          fc.property(draft(instrument), (answers) => {
            expect(validateAnswers(instrument, answers, { partial: true, valueKeys: VALUE_KEYS })).toEqual([]);
            const full = validateAnswers(instrument, answers, { valueKeys: VALUE_KEYS });
            expect(full.filter((e) => !COMPLETENESS.has(e.code))).toEqual([]);
            exerciseEngine(instrument, answers);
          }),
          { seed: 1202, numRuns: 60 },
        );
      });

      it("reports an answer of the wrong shape on its own question, and nothing is thrown", () => {
        const questions = questionsOf(instrument);
        fc.assert(
          fc.property(draft(instrument), fc.integer({ min: 0, max: questions.length - 1 }), (answers, n) => {
            const q = questions[n]!;
            const broken = { ...answers, [q.id]: wrongShape(q) };
            const errors = validateAnswers(instrument, broken, { partial: true, valueKeys: VALUE_KEYS });
            expect(errors.filter((e) => e.questionId === q.id).map((e) => e.code)).toContain("wrong_type");
            exerciseEngine(instrument, broken);
          }),
          { seed: 1203, numRuns: 60 },
        );
      });

      it("gives coded errors for any JSON under any key, and never throws", () => {
        const ids = questionsOf(instrument).map((q) => q.id);
        const key = fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 12 }));
        fc.assert(
          fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }), (answers) => {
            for (const partial of [true, false]) {
              for (const e of validateAnswers(instrument, answers, { partial, valueKeys: VALUE_KEYS })) {
                expect(typeof e.code).toBe("string");
                expect(typeof e.questionId).toBe("string");
              }
            }
            exerciseEngine(instrument, answers);
          }),
          { seed: 1204, numRuns: 80 },
        );
      });
    });
  }
});
