// Pre-fills a new response from answers given elsewhere (the DEPIA from the
// canvas and the screening), as declared by `prefill_from` in the file. Only
// empty questions are filled: a person's own answer always wins.
import type { Answers, Instrument, Question } from "./types.ts";
import { isAnswered } from "./answer-reading.ts";
import { allQuestions } from "./visibility.ts";

export interface PrefilledAnswer {
  questionId: string;
  value: unknown;
  from: { instrument: string; question: string };
}

/** `sources` holds the latest answers per instrument id, e.g. `{ "ethics-canvas": {...}, "pre-dpia": {...} }`. */
export function prefillAnswers(
  target: Instrument,
  current: Answers,
  sources: Readonly<Record<string, Answers | undefined>>,
): PrefilledAnswer[] {
  const out: PrefilledAnswer[] = [];
  for (const q of allQuestions(target)) {
    const from = q.prefill_from;
    if (!from || isAnswered(q, current[q.id])) continue;
    const value = sources[from.instrument]?.[from.question];
    if (value !== undefined && value !== null && isAnswered(q, value)) out.push({ questionId: q.id, value, from });
  }
  return out;
}

const TEXTUAL = new Set(["text", "long_text"]);

/** Types whose answers can be copied as they are. */
export function prefillCompatible(target: Question, source: Question): boolean {
  if (TEXTUAL.has(target.type) && TEXTUAL.has(source.type)) return true;
  return target.type === source.type;
}
