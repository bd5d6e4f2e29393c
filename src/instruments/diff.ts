// Differences between two versions of a response, question by question, in
// words a reviewer can read; also which sections changed, because a new DEPIA
// version needs fresh verdicts only there.
import type { Answers, Instrument, Lang, LocalText } from "./types.ts";
import { formatAnswer, type AnswerWords, type FormatOptions } from "./format-answer.ts";
import { allQuestions } from "./visibility.ts";

export type ChangeKind = "added" | "removed" | "changed";

export interface AnswerChange {
  questionId: string;
  /** null for an answer to a question the instrument does not know. */
  sectionId: string | null;
  label: LocalText;
  kind: ChangeKind;
  before: LocalText | null;
  after: LocalText | null;
}

export interface DiffOptions extends FormatOptions {
  /** The words answers are written with, per language (the caller's catalogue). */
  words: Record<Lang, AnswerWords>;
}

interface Changed {
  questionId: string;
  sectionId: string | null;
  label: LocalText;
  kind: ChangeKind;
  before: unknown;
  after: unknown;
}

/** The questions whose answer differs, in instrument order; unknown questions last. */
function changedQuestions(instrument: Instrument, before: Answers, after: Answers): Changed[] {
  const changes: Changed[] = [];
  const seen = new Set<string>();
  const compare = (id: string, sectionId: string | null, label: LocalText) => {
    seen.add(id);
    const a = before[id];
    const b = after[id];
    if (canonical(a) === canonical(b) || (isEmpty(a) && isEmpty(b))) return;
    changes.push({ questionId: id, sectionId, label, kind: isEmpty(a) ? "added" : isEmpty(b) ? "removed" : "changed", before: a, after: b });
  };
  for (const section of instrument.sections) {
    for (const q of section.questions) compare(q.id, section.id, q.label);
  }
  const unknown = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((id) => !seen.has(id)).sort();
  for (const id of unknown) compare(id, null, { nl: id, en: id });
  return changes;
}

export function diffAnswers(instrument: Instrument, before: Answers, after: Answers, options: DiffOptions): AnswerChange[] {
  const questions = allQuestions(instrument);
  const render = (id: string, value: unknown): LocalText | null => {
    if (isEmpty(value)) return null;
    const q = questions.find((x) => x.id === id);
    return { nl: formatAnswer(q, value, "nl", options.words.nl, options), en: formatAnswer(q, value, "en", options.words.en, options) };
  };
  return changedQuestions(instrument, before, after).map((c) => ({ ...c, before: render(c.questionId, c.before), after: render(c.questionId, c.after) }));
}

export function changedSections(instrument: Instrument, before: Answers, after: Answers): string[] {
  const changed = new Set(changedQuestions(instrument, before, after).map((c) => c.sectionId));
  return instrument.sections.filter((s) => changed.has(s.id)).map((s) => s.id);
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

/** JSON with sorted keys, so key order in stored answers never shows as a change; empty values are equal. */
export function canonical(v: unknown): string {
  if (isEmpty(v)) return "";
  return JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}
