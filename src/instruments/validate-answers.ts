// Checks a response's answers against its instrument. Partial validation is for
// autosave and drafts: the shape of every answer must be right, but nothing is
// required yet.
import { isIsoDate } from "../domain/dates.ts";
import type { AnswerErrorCode, AnswerError } from "./answer-errors.ts";
import type { Answers, ChoiceOption, Instrument, Question, TableColumn, TableQuestion } from "./types.ts";
import { asYesNo, cellFilled, explanationRequired, isAnswered, isPlainObject, isStringArray } from "./answer-reading.ts";
import { computeVisibility } from "./visibility.ts";

export interface ValidateOptions {
  partial?: boolean;
  /** The organisation's value keys, for value_tags questions. */
  valueKeys?: Iterable<string>;
}

/** A yyyy-mm-dd date that exists in the calendar. */

/** What every check needs: where the errors go, and the organisation's values. */
interface Check {
  errors: AnswerError[];
  valueKeys: ReadonlySet<string> | undefined;
  push(questionId: string, path: string, code: AnswerErrorCode, params?: Record<string, string | number>): void;
}

export function validateAnswers(instrument: Instrument, answers: Answers, options: ValidateOptions = {}): AnswerError[] {
  const partial = options.partial ?? false;
  const visible = computeVisibility(instrument, answers).questions;
  const errors: AnswerError[] = [];
  const check: Check = {
    errors,
    valueKeys: options.valueKeys ? new Set(options.valueKeys) : undefined,
    push: (questionId, path, code, params = {}) => errors.push({ questionId, path, code, params }),
  };
  const known = new Set<string>();
  for (const section of instrument.sections) {
    for (const q of section.questions) {
      known.add(q.id);
      checkQuestion(check, q, answers[q.id], !partial && visible.has(q.id));
    }
  }
  for (const id of Object.keys(answers)) if (!known.has(id)) check.push(id, id, "unknown_question");
  return errors;
}

function checkQuestion(check: Check, q: Question, value: unknown, mustComplete: boolean): void {
  if (value === undefined || value === null) {
    if (mustComplete && q.required) check.push(q.id, q.id, "required");
    return;
  }
  const before = check.errors.length;
  checkShape(check, q, value, mustComplete);
  if (check.errors.length === before && mustComplete && q.required && !isAnswered(q, value)) {
    // Right shape but empty, e.g. "" or []; a yes/no missing its explanation was reported already.
    check.push(q.id, q.id, "required");
  }
}

function checkShape(check: Check, q: Question, value: unknown, mustComplete: boolean): void {
  const push = (code: AnswerErrorCode, params?: Record<string, string | number>) => check.push(q.id, q.id, code, params);
  switch (q.type) {
    case "text":
    case "long_text":
      if (typeof value !== "string") return push("wrong_type", { expected: "text" });
      if (q.max_length !== undefined && value.length > q.max_length) push("too_long", { max: q.max_length });
      return;
    case "single_choice":
      if (typeof value !== "string") return push("wrong_type", { expected: "option" });
      if (!q.options.some((o) => o.value === value)) push("invalid_option", { value });
      return;
    case "multiple_choice":
      if (!isStringArray(value)) return push("wrong_type", { expected: "options" });
      return checkChoices(check, q.id, value, q.options, q.max_choices);
    case "scale":
      if (typeof value !== "number" || !Number.isFinite(value)) return push("wrong_type", { expected: "number" });
      if (!Number.isInteger(value)) return push("not_integer");
      if (value < q.min || value > q.max) push("out_of_range", { min: q.min, max: q.max });
      return;
    case "yes_no_explain": {
      const answer = asYesNo(value);
      if (!answer) return push("wrong_type", { expected: "yes_no" });
      if (mustComplete && explanationRequired(q, answer) && (answer.explanation ?? "").trim() === "") {
        check.push(q.id, `${q.id}.explanation`, "explanation_required");
      }
      return;
    }
    case "table":
      return checkTable(check, q, value, mustComplete);
    case "value_tags":
      if (!isStringArray(value)) return push("wrong_type", { expected: "values" });
      value.forEach((v, i) => {
        if (check.valueKeys && !check.valueKeys.has(v)) check.push(q.id, `${q.id}[${i}]`, "unknown_value_tag", { value: v });
      });
      return;
  }
}

function checkChoices(check: Check, id: string, value: string[], options: ChoiceOption[], max: number | undefined): void {
  const seen = new Set<string>();
  value.forEach((v, i) => {
    if (!options.some((o) => o.value === v)) check.push(id, `${id}[${i}]`, "invalid_option", { value: v });
    else if (seen.has(v)) check.push(id, `${id}[${i}]`, "duplicate_choice", { value: v });
    seen.add(v);
  });
  const exclusive = options.find((o) => o.exclusive && seen.has(o.value));
  if (exclusive && seen.size > 1) check.push(id, id, "exclusive_option", { option: exclusive.value });
  if (max !== undefined && seen.size > max) check.push(id, id, "too_many_choices", { max });
}

function checkTable(check: Check, q: TableQuestion, value: unknown, mustComplete: boolean): void {
  if (!Array.isArray(value) || !value.every(isPlainObject)) return check.push(q.id, q.id, "wrong_type", { expected: "table" });
  const rows = value as Array<Record<string, unknown>>;
  checkRowCount(check, q, rows, mustComplete);
  const columns = new Map(q.columns.map((c) => [c.id, c]));
  rows.forEach((row, i) => {
    for (const [key, cell] of Object.entries(row)) {
      if (key === "row" && q.rows) continue;
      const column = columns.get(key);
      if (!column) check.push(q.id, `${q.id}[${i}].${key}`, "unknown_column", { column: key });
      else checkCell(check, q.id, `${q.id}[${i}].${key}`, column, cell);
    }
    if (!mustComplete) return;
    for (const column of q.columns) {
      if (column.required && !cellFilled(row[column.id])) check.push(q.id, `${q.id}[${i}].${column.id}`, "cell_required");
    }
  });
}

function checkRowCount(check: Check, q: TableQuestion, rows: Array<Record<string, unknown>>, mustComplete: boolean): void {
  if (q.rows) {
    const ids = rows.map((r) => r.row);
    const expected = q.rows.map((r) => r.id);
    const sameRows = ids.length === expected.length && expected.every((id) => ids.filter((x) => x === id).length === 1);
    if (!sameRows) check.push(q.id, q.id, "rows_mismatch");
    return;
  }
  if (mustComplete && q.min_rows !== undefined && rows.length < q.min_rows) check.push(q.id, q.id, "too_few_rows", { min: q.min_rows });
  if (q.max_rows !== undefined && rows.length > q.max_rows) check.push(q.id, q.id, "too_many_rows", { max: q.max_rows });
}

function checkCell(check: Check, id: string, path: string, column: TableColumn, cell: unknown): void {
  if (cell === null) return;
  const wrong = (expected: string) => check.push(id, path, "cell_wrong_type", { expected });
  switch (column.type) {
    case "text":
    case "long_text":
      if (typeof cell !== "string") wrong("text");
      return;
    case "number":
      if (typeof cell !== "number" || !Number.isFinite(cell)) wrong("number");
      return;
    case "yes_no":
      if (typeof cell !== "boolean") wrong("yes_no");
      return;
    case "date":
      if (typeof cell !== "string") wrong("date");
      else if (cell !== "" && !isIsoDate(cell)) check.push(id, path, "invalid_date");
      return;
    case "single_choice":
      if (typeof cell !== "string") wrong("option");
      else if (cell !== "" && !(column.options ?? []).some((o) => o.value === cell)) check.push(id, path, "invalid_option", { value: cell });
      return;
  }
}
