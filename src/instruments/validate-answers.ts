// Checks a response's answers against its instrument. Partial validation is for
// autosave and drafts: the shape of every answer must be right, but nothing is
// required yet.
import type { AnswerErrorCode, AnswerError } from "./answer-errors.ts";
import type { Answers, ChoiceOption, Instrument, Question, TableColumn, TableQuestion } from "./types.ts";
import { asYesNo, cellFilled, explanationRequired, isAnswered, isPlainObject, isStringArray } from "./answer-reading.ts";
import { computeVisibility } from "./visibility.ts";

export interface ValidateOptions {
  partial?: boolean;
  /** The organisation's value keys, for value_tags questions. */
  valueKeys?: Iterable<string>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateAnswers(instrument: Instrument, answers: Answers, options: ValidateOptions = {}): AnswerError[] {
  const partial = options.partial ?? false;
  const valueKeys = options.valueKeys ? new Set(options.valueKeys) : undefined;
  const visible = computeVisibility(instrument, answers).questions;
  const errors: AnswerError[] = [];
  const known = new Set<string>();

  const push = (questionId: string, path: string, code: AnswerErrorCode, params: Record<string, string | number> = {}): void => {
    errors.push({ questionId, path, code, messageKey: `instrument.answer.${code}`, params });
  };

  for (const section of instrument.sections) {
    for (const q of section.questions) {
      known.add(q.id);
      const value = answers[q.id];
      const mustComplete = !partial && visible.has(q.id);
      if (value === undefined || value === null) {
        if (mustComplete && q.required) push(q.id, q.id, "required");
        continue;
      }
      const before = errors.length;
      checkShape(q, value, mustComplete);
      if (errors.length === before && mustComplete && q.required && !isAnswered(q, value)) {
        // Right shape but empty, e.g. "" or []; a yes/no missing its explanation was reported already.
        push(q.id, q.id, "required");
      }
    }
  }
  for (const id of Object.keys(answers)) if (!known.has(id)) push(id, id, "unknown_question");
  return errors;

  function checkShape(q: Question, value: unknown, mustComplete: boolean): void {
    switch (q.type) {
      case "text":
      case "long_text":
        if (typeof value !== "string") return push(q.id, q.id, "wrong_type", { expected: "text" });
        if (q.max_length !== undefined && value.length > q.max_length) push(q.id, q.id, "too_long", { max: q.max_length });
        return;
      case "single_choice":
        if (typeof value !== "string") return push(q.id, q.id, "wrong_type", { expected: "option" });
        if (!q.options.some((o) => o.value === value)) push(q.id, q.id, "invalid_option", { value });
        return;
      case "multiple_choice":
        if (!isStringArray(value)) return push(q.id, q.id, "wrong_type", { expected: "options" });
        return checkChoices(q.id, value, q.options, q.max_choices);
      case "scale":
        if (typeof value !== "number" || !Number.isFinite(value)) return push(q.id, q.id, "wrong_type", { expected: "number" });
        if (!Number.isInteger(value)) return push(q.id, q.id, "not_integer");
        if (value < q.min || value > q.max) push(q.id, q.id, "out_of_range", { min: q.min, max: q.max });
        return;
      case "yes_no_explain": {
        const answer = asYesNo(value);
        if (!answer) return push(q.id, q.id, "wrong_type", { expected: "yes_no" });
        if (mustComplete && explanationRequired(q, answer) && (answer.explanation ?? "").trim() === "") {
          push(q.id, `${q.id}.explanation`, "explanation_required");
        }
        return;
      }
      case "table":
        return checkTable(q, value, mustComplete);
      case "value_tags":
        if (!isStringArray(value)) return push(q.id, q.id, "wrong_type", { expected: "values" });
        value.forEach((v, i) => {
          if (valueKeys && !valueKeys.has(v)) push(q.id, `${q.id}[${i}]`, "unknown_value_tag", { value: v });
        });
        return;
    }
  }

  function checkChoices(id: string, value: string[], options: ChoiceOption[], max: number | undefined) {
    const seen = new Set<string>();
    value.forEach((v, i) => {
      if (!options.some((o) => o.value === v)) push(id, `${id}[${i}]`, "invalid_option", { value: v });
      else if (seen.has(v)) push(id, `${id}[${i}]`, "duplicate_choice", { value: v });
      seen.add(v);
    });
    const exclusive = options.find((o) => o.exclusive && seen.has(o.value));
    if (exclusive && seen.size > 1) push(id, id, "exclusive_option", { option: exclusive.value });
    if (max !== undefined && seen.size > max) push(id, id, "too_many_choices", { max });
  }

  function checkTable(q: TableQuestion, value: unknown, mustComplete: boolean) {
    if (!Array.isArray(value) || !value.every(isPlainObject)) return push(q.id, q.id, "wrong_type", { expected: "table" });
    const rows = value as Array<Record<string, unknown>>;
    if (q.rows) {
      const ids = rows.map((r) => r.row);
      const expected = q.rows.map((r) => r.id);
      const sameRows = ids.length === expected.length && expected.every((id) => ids.filter((x) => x === id).length === 1);
      if (!sameRows) push(q.id, q.id, "rows_mismatch");
    } else {
      if (mustComplete && q.min_rows !== undefined && rows.length < q.min_rows) push(q.id, q.id, "too_few_rows", { min: q.min_rows });
      if (q.max_rows !== undefined && rows.length > q.max_rows) push(q.id, q.id, "too_many_rows", { max: q.max_rows });
    }
    const columns = new Map(q.columns.map((c) => [c.id, c]));
    rows.forEach((row, i) => {
      for (const [key, cell] of Object.entries(row)) {
        if (key === "row" && q.rows) continue;
        const column = columns.get(key);
        if (!column) push(q.id, `${q.id}[${i}].${key}`, "unknown_column", { column: key });
        else checkCell(q.id, `${q.id}[${i}].${key}`, column, cell);
      }
      if (mustComplete) {
        for (const column of q.columns) {
          if (column.required && !cellFilled(row[column.id])) push(q.id, `${q.id}[${i}].${column.id}`, "cell_required");
        }
      }
    });
  }

  function checkCell(id: string, path: string, column: TableColumn, cell: unknown) {
    if (cell === null) return;
    switch (column.type) {
      case "text":
      case "long_text":
        if (typeof cell !== "string") push(id, path, "cell_wrong_type", { expected: "text" });
        return;
      case "number":
        if (typeof cell !== "number" || !Number.isFinite(cell)) push(id, path, "cell_wrong_type", { expected: "number" });
        return;
      case "yes_no":
        if (typeof cell !== "boolean") push(id, path, "cell_wrong_type", { expected: "yes_no" });
        return;
      case "date":
        if (typeof cell !== "string") push(id, path, "cell_wrong_type", { expected: "date" });
        else if (cell !== "" && !isValidDate(cell)) push(id, path, "invalid_date");
        return;
      case "single_choice":
        if (typeof cell !== "string") push(id, path, "cell_wrong_type", { expected: "option" });
        else if (cell !== "" && !(column.options ?? []).some((o) => o.value === cell)) push(id, path, "invalid_option", { value: cell });
        return;
    }
  }
}

function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
