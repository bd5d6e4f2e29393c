// Which sections and questions apply, given the answers so far. Evaluated in
// document order so an answer to a hidden question never switches anything on.
import type { Answers, Instrument, Question, Section } from "./types.ts";
import { evaluateCondition, type ConditionContext } from "./conditions.ts";

export interface Visibility {
  sections: ReadonlySet<string>;
  questions: ReadonlySet<string>;
}

export function computeVisibility(instrument: Instrument, answers: Answers): Visibility {
  const sections = new Set<string>();
  const questions = new Set<string>();
  const byId = questionIndex(instrument);
  const ctx: ConditionContext = {
    question: (id) => byId.get(id),
    answer: (id) => (questions.has(id) ? answers[id] : undefined),
  };
  for (const section of instrument.sections) {
    if (section.when && !evaluateCondition(section.when, ctx)) continue;
    sections.add(section.id);
    for (const q of section.questions) {
      if (!q.when || evaluateCondition(q.when, ctx)) questions.add(q.id);
    }
  }
  return { sections, questions };
}

export function visibleQuestions(instrument: Instrument, answers: Answers): Question[] {
  const { questions } = computeVisibility(instrument, answers);
  return allQuestions(instrument).filter((q) => questions.has(q.id));
}

export function visibleSections(instrument: Instrument, answers: Answers): Section[] {
  const { sections } = computeVisibility(instrument, answers);
  return instrument.sections.filter((s) => sections.has(s.id));
}

/** The answers that count: those to visible questions. Hidden answers are kept in storage but ignored. */
export function effectiveAnswers(instrument: Instrument, answers: Answers): Record<string, unknown> {
  const { questions } = computeVisibility(instrument, answers);
  const out: Record<string, unknown> = {};
  for (const id of questions) if (answers[id] !== undefined) out[id] = answers[id];
  return out;
}

export function allQuestions(instrument: Instrument): Question[] {
  return instrument.sections.flatMap((s) => s.questions);
}

export function questionIndex(instrument: Instrument): Map<string, Question> {
  return new Map(allQuestions(instrument).map((q) => [q.id, q]));
}
