// Renders an answer as readable text in one language, with option and scale
// labels resolved: used by version diffs, read-only pages and exports. The few
// words of its own (yes, no, empty) come from the caller's catalogue.
import type { Lang, LocalText, Question, TableColumn, TableQuestion } from "./types.ts";
import { asTableRows, asYesNo, isStringArray } from "./answer-reading.ts";

/** The words an answer is written with beside the instrument's own labels. */
export interface AnswerWords {
  yes: string;
  no: string;
  /** For an empty answer. */
  empty: string;
}

export interface FormatOptions {
  /** Labels of the organisation's values, for value_tags answers. */
  valueLabels?: Readonly<Record<string, LocalText>>;
}

/** A value as text: strings and numbers as they are, anything else as JSON (never through an object's own toString). */
function plain(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? "";
}

export function formatAnswer(q: Question | undefined, value: unknown, lang: Lang, words: AnswerWords, options: FormatOptions = {}): string {
  if (value === undefined || value === null || value === "") return words.empty;
  if (!q) return typeof value === "string" ? value : JSON.stringify(value);
  const list = (items: string[]) => items.join(", ") || words.empty;
  switch (q.type) {
    case "text":
    case "long_text":
      return plain(value);
    case "single_choice":
      return q.options.find((o) => o.value === value)?.label[lang] ?? plain(value);
    case "multiple_choice":
      return isStringArray(value) ? list(value.map((v) => q.options.find((o) => o.value === v)?.label[lang] ?? v)) : JSON.stringify(value);
    case "scale": {
      const label = q.labels?.find((l) => l.value === value)?.label[lang];
      return label ? `${plain(value)} – ${label}` : plain(value);
    }
    case "yes_no_explain": {
      const a = asYesNo(value);
      if (!a) return JSON.stringify(value);
      const explanation = (a.explanation ?? "").trim();
      return explanation ? `${words[a.choice]} – ${explanation}` : words[a.choice];
    }
    case "value_tags":
      return isStringArray(value) ? list(value.map((v) => options.valueLabels?.[v]?.[lang] ?? v)) : JSON.stringify(value);
    case "table":
      return formatTable(q, value, lang, words);
  }
}

function formatTable(q: TableQuestion, value: unknown, lang: Lang, words: AnswerWords): string {
  const rows = asTableRows(value);
  if (!rows) return JSON.stringify(value);
  if (rows.length === 0) return words.empty;
  return rows
    .map((row) => {
      const head = q.rows?.find((r) => r.id === row.row)?.label[lang];
      const cells = q.columns
        .filter((c) => row[c.id] !== undefined && row[c.id] !== null && row[c.id] !== "")
        .map((c) => `${c.label[lang]}: ${formatCell(c, row[c.id], lang, words)}`)
        .join("; ");
      return head ? `${head} – ${cells}` : cells;
    })
    .join("\n");
}

function formatCell(column: TableColumn, cell: unknown, lang: Lang, words: AnswerWords): string {
  if (typeof cell === "boolean") return cell ? words.yes : words.no;
  return column.options?.find((o) => o.value === cell)?.label[lang] ?? plain(cell);
}
