// Before release: which required fields are empty, how complete the entry is,
// and a B1 hint (long sentences, long words) per text field. Pure functions.
import { FIELD_NAMES, fieldOf, isEmptyValue, REGISTER_FIELDS, type EntryFields, type FieldName } from "./fields.ts";
import { plainText } from "./sanitise.ts";

export const LONG_SENTENCE_WORDS = 20;
export const LONG_WORD_LETTERS = 15;

export function missingRequired(fields: EntryFields): FieldName[] {
  return REGISTER_FIELDS.filter((f) => "required" in f && f.required && isEmptyValue(fields[f.name])).map((f) => f.name);
}

/** The share of fields filled, 0–100 (the system-set lang counts as filled when set). */
export function completeness(fields: EntryFields): number {
  const filled = FIELD_NAMES.filter((n) => !isEmptyValue(fields[n])).length;
  return Math.round((filled / FIELD_NAMES.length) * 100);
}

export interface B1Hint {
  field: FieldName;
  longSentences: number;
  longWords: string[];
}

/** Sentences over 20 words and words over 15 letters, per text field that has them. */
export function b1Hints(fields: EntryFields): B1Hint[] {
  const out: B1Hint[] = [];
  for (const name of FIELD_NAMES) {
    const f = fieldOf(name)!;
    const value = fields[name];
    if ((f.kind !== "text" && f.kind !== "line") || typeof value !== "string" || !value || ("format" in f && f.format)) continue;
    const text = plainText(value);
    const sentences = text.split(/[.!?]+(?:\s|$)|\n/).map((s) => s.trim()).filter(Boolean);
    const longSentences = sentences.filter((s) => s.split(/\s+/).length > LONG_SENTENCE_WORDS).length;
    const longWords = [...new Set((text.match(/[\p{L}]+/gu) ?? []).filter((w) => w.length > LONG_WORD_LETTERS))].slice(0, 5);
    if (longSentences || longWords.length) out.push({ field: name, longSentences, longWords });
  }
  return out;
}
