// Renders an answer as readable text in one language, with option and scale
// labels resolved: used by version diffs and exports.
import type { Lang, LocalText, Question } from "./types.ts";
import { asTableRows, asYesNo, isStringArray } from "./answer-reading.ts";

export interface FormatOptions {
  /** Labels of the organisation's values, for value_tags answers. */
  valueLabels?: Readonly<Record<string, LocalText>>;
}

const YES_NO: Record<"yes" | "no", LocalText> = { yes: { nl: "Ja", en: "Yes" }, no: { nl: "Nee", en: "No" } };
const EMPTY: LocalText = { nl: "(leeg)", en: "(empty)" };

export function formatAnswer(q: Question | undefined, value: unknown, lang: Lang, options: FormatOptions = {}): string {
  if (value === undefined || value === null || value === "") return EMPTY[lang];
  if (!q) return typeof value === "string" ? value : JSON.stringify(value);
  switch (q.type) {
    case "text":
    case "long_text":
      return String(value);
    case "single_choice":
      return q.options.find((o) => o.value === value)?.label[lang] ?? String(value);
    case "multiple_choice":
      if (!isStringArray(value)) return JSON.stringify(value);
      return value.map((v) => q.options.find((o) => o.value === v)?.label[lang] ?? v).join(", ") || EMPTY[lang];
    case "scale": {
      const label = q.labels?.find((l) => l.value === value)?.label[lang];
      return label ? `${String(value)} – ${label}` : String(value);
    }
    case "yes_no_explain": {
      const a = asYesNo(value);
      if (!a) return JSON.stringify(value);
      const explanation = (a.explanation ?? "").trim();
      return explanation ? `${YES_NO[a.choice][lang]} – ${explanation}` : YES_NO[a.choice][lang];
    }
    case "value_tags":
      if (!isStringArray(value)) return JSON.stringify(value);
      return value.map((v) => options.valueLabels?.[v]?.[lang] ?? v).join(", ") || EMPTY[lang];
    case "table": {
      const rows = asTableRows(value);
      if (!rows) return JSON.stringify(value);
      if (rows.length === 0) return EMPTY[lang];
      return rows
        .map((row) => {
          const head = q.rows?.find((r) => r.id === row.row)?.label[lang];
          const cells = q.columns
            .filter((c) => row[c.id] !== undefined && row[c.id] !== null && row[c.id] !== "")
            .map((c) => {
              const cell = row[c.id];
              const shown =
                typeof cell === "boolean"
                  ? YES_NO[cell ? "yes" : "no"][lang]
                  : (c.options?.find((o) => o.value === cell)?.label[lang] ?? String(cell));
              return `${c.label[lang]}: ${shown}`;
            })
            .join("; ");
          return head ? `${head} – ${cells}` : cells;
        })
        .join("\n");
    }
  }
}
