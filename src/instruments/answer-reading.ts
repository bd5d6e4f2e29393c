// Reading stored answers, which arrive as untyped JSON: type guards and the
// one definition of "answered" that status, validation and outcomes share.
import type { Question, TableQuestion, TableRow, YesNoAnswer } from "./types.ts";

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

export function asYesNo(v: unknown): YesNoAnswer | undefined {
  if (!isPlainObject(v) || (v.choice !== "yes" && v.choice !== "no")) return undefined;
  if (v.explanation !== undefined && typeof v.explanation !== "string") return undefined;
  return v as unknown as YesNoAnswer;
}

export function asTableRows(v: unknown): TableRow[] | undefined {
  return Array.isArray(v) && v.every(isPlainObject) ? (v as TableRow[]) : undefined;
}

export function cellFilled(cell: unknown): boolean {
  if (cell === null || cell === undefined) return false;
  return typeof cell === "string" ? cell.trim() !== "" : true;
}

export function explanationRequired(q: Question, answer: YesNoAnswer): boolean {
  if (q.type !== "yes_no_explain" || !q.explanation_required_when) return false;
  return q.explanation_required_when === "always" || q.explanation_required_when === answer.choice;
}

/** The comparable value of an answer for `equals`/`in`: the choice of a yes/no, the number of a scale. */
export function scalarOf(q: Question, v: unknown): string | number | undefined {
  if (q.type === "yes_no_explain") return asYesNo(v)?.choice;
  if (typeof v === "string" || typeof v === "number") return v;
  return undefined;
}

/** Whether a question counts as answered for section status and `required`. */
export function isAnswered(q: Question, v: unknown): boolean {
  switch (q.type) {
    case "text":
    case "long_text":
      return typeof v === "string" && v.trim() !== "";
    case "single_choice":
      return typeof v === "string" && v !== "";
    case "multiple_choice":
    case "value_tags":
      return isStringArray(v) && v.length > 0;
    case "scale":
      return typeof v === "number" && Number.isFinite(v);
    case "yes_no_explain": {
      const a = asYesNo(v);
      if (!a) return false;
      return !explanationRequired(q, a) || (a.explanation ?? "").trim() !== "";
    }
    case "table":
      return tableAnswered(q, v);
  }
}

function tableAnswered(q: TableQuestion, v: unknown): boolean {
  const rows = asTableRows(v);
  if (!rows || rows.length === 0) return false;
  if (q.rows && !q.rows.every((def) => rows.some((r) => r.row === def.id))) return false;
  if (rows.length < (q.min_rows ?? 1) && !q.rows) return false;
  const required = q.columns.filter((c) => c.required);
  if (!rows.every((r) => required.every((c) => cellFilled(r[c.id])))) return false;
  return rows.some((r) => q.columns.some((c) => cellFilled(r[c.id])));
}
