// Differences between two versions of a response, question by question, in
// words a reviewer can read; also which sections changed, because a new DEPIA
// version needs fresh verdicts only there.
import type { Answers, Instrument, LocalText } from "./types.ts";
import { formatAnswer, type FormatOptions } from "./format-answer.ts";
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

export function diffAnswers(instrument: Instrument, before: Answers, after: Answers, options: FormatOptions = {}): AnswerChange[] {
  const changes: AnswerChange[] = [];
  const seen = new Set<string>();
  const render = (id: string, value: unknown): LocalText | null => {
    if (isEmpty(value)) return null;
    const q = questionOf(id);
    return { nl: formatAnswer(q, value, "nl", options), en: formatAnswer(q, value, "en", options) };
  };
  const questionOf = (id: string) => allQuestions(instrument).find((q) => q.id === id);

  const compare = (id: string, sectionId: string | null, label: LocalText) => {
    seen.add(id);
    const a = before[id];
    const b = after[id];
    if (canonical(a) === canonical(b)) return;
    const kind: ChangeKind = isEmpty(a) ? "added" : isEmpty(b) ? "removed" : "changed";
    if (isEmpty(a) && isEmpty(b)) return;
    changes.push({ questionId: id, sectionId, label, kind, before: render(id, a), after: render(id, b) });
  };

  for (const section of instrument.sections) {
    for (const q of section.questions) compare(q.id, section.id, q.label);
  }
  const unknown = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((id) => !seen.has(id)).sort();
  for (const id of unknown) compare(id, null, { nl: id, en: id });
  return changes;
}

export function changedSections(instrument: Instrument, before: Answers, after: Answers): string[] {
  const changed = new Set(diffAnswers(instrument, before, after).map((c) => c.sectionId));
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
