// Reading an instrument section from a posted form, and mapping answer paths
// back to form fields. Field names: "a.<question>", "a.<question>.choice",
// "a.<question>.explanation", "a.<question>.<row>.<column>"; every rendered
// question also posts "a.<question>.__shown", so a question that was not on
// the page is never cleared by accident.
import type { Instrument, Question, Section, TableQuestion } from "../../instruments/index.ts";
import type { FieldError } from "../../platform/errors.ts";

export type FormBody = Record<string, string | File | (string | File)[]>;

export const EMPTY_TABLE_ROWS = 2;
export const MORE_ROWS = 3;
export const MAX_FORM_ROWS = 100;

export function inputName(questionId: string, ...rest: (string | number)[]): string {
  return ["a", questionId, ...rest.map(String)].join(".");
}

function first(body: FormBody, name: string): string | undefined {
  const v = body[name];
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === "string" ? x : undefined;
}

function all(body: FormBody, name: string): string[] {
  const v = body[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
}

/** The form field an answer path points at: "q[2].source" → "a.q.2.source"; an option of a multiple choice → the group. */
export function fieldForPath(instrument: Instrument, path: string): string {
  const match = /^([a-z0-9_]+)(.*)$/i.exec(path);
  if (!match) return inputName(path);
  const [, id, rest] = match as unknown as [string, string, string];
  const q = instrument.sections.flatMap((s) => s.questions).find((x) => x.id === id);
  if (!q) return inputName(id);
  if (q.type === "table") {
    const cell = /^\[(\d+)\]\.([a-z0-9_]+)$/i.exec(rest);
    return cell ? inputName(id, cell[1]!, cell[2]!) : inputName(id);
  }
  if (q.type === "yes_no_explain" && rest === ".explanation") return inputName(id, "explanation");
  return inputName(id);
}

/** How many rows a free table shows: its answers, then a few empty ones (more after "meer rijen"). */
export function tableRowCount(q: TableQuestion, answered: number, extra: number): number {
  if (q.rows) return q.rows.length;
  const wanted = answered + EMPTY_TABLE_ROWS + extra;
  return Math.min(q.max_rows ?? MAX_FORM_ROWS, MAX_FORM_ROWS, Math.max(wanted, q.min_rows ?? 0));
}

function parseQuestion(q: Question, body: FormBody, errors: FieldError[]): unknown {
  const name = inputName(q.id);
  switch (q.type) {
    case "text":
    case "long_text":
      return first(body, name) ?? "";
    case "single_choice":
      return first(body, name) ?? null;
    case "multiple_choice":
    case "value_tags":
      return all(body, name).filter((v) => v !== "");
    case "scale": {
      const raw = (first(body, name) ?? "").trim();
      if (raw === "") return null;
      // Anything but a whole number goes on as text, so the engine names it the wrong type.
      return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    }
    case "yes_no_explain": {
      const choice = first(body, inputName(q.id, "choice")) ?? "";
      const explanation = (first(body, inputName(q.id, "explanation")) ?? "").trim();
      if (choice === "") {
        if (explanation) errors.push({ field: q.id, messageKey: "instrument_responses.answer.choose_yes_no" });
        return null;
      }
      return explanation ? { choice, explanation } : { choice };
    }
    case "table":
      return parseTable(q, body);
  }
}

function parseTable(q: TableQuestion, body: FormBody): unknown {
  const declared = Number(first(body, inputName(q.id, "__rows")) ?? "0");
  const count = Math.min(Number.isInteger(declared) && declared > 0 ? declared : 0, MAX_FORM_ROWS);
  const rows: Record<string, unknown>[] = [];
  let anything = false;
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    let filled = false;
    for (const column of q.columns) {
      const raw = (first(body, inputName(q.id, i, column.id)) ?? "").trim();
      if (raw === "") continue;
      filled = true;
      switch (column.type) {
        case "number": {
          const n = Number(raw.replace(",", "."));
          row[column.id] = Number.isFinite(n) ? n : raw;
          break;
        }
        case "yes_no":
          row[column.id] = raw === "yes" ? true : raw === "no" ? false : raw;
          break;
        default:
          row[column.id] = raw;
      }
    }
    if (q.rows) {
      const def = q.rows[i];
      if (!def) continue;
      rows.push({ row: def.id, ...row });
      anything ||= filled;
    } else if (filled) {
      rows.push(row);
      anything = true;
    }
  }
  return anything ? rows : null;
}

/**
 * The answers of one section as posted: only questions that were on the page.
 * Problems the form itself can see (an explanation without yes or no) come
 * back as errors; everything else is for the engine to judge.
 */
export function answersFromForm(section: Section, body: FormBody): { patch: Record<string, unknown>; errors: FieldError[] } {
  const patch: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const q of section.questions) {
    if (first(body, inputName(q.id, "__shown")) === undefined) continue;
    patch[q.id] = parseQuestion(q, body, errors);
  }
  return { patch, errors };
}
